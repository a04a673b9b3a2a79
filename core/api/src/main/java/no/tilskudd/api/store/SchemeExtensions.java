package no.tilskudd.api.store;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The approved extensions: which bundles may contribute validators and indicators to schemes that other bundles own.
 * Kept in the store, so that the long-running host, every one-shot command and every host on one database decide
 * alike.
 *
 * @since 1.5
 */
@ProviderType
public interface SchemeExtensions {

    /**
     * Every approval.
     *
     * @return the approvals, by scheme id and symbolic name
     * @throws StoreException when the store cannot be read
     */
    List<SchemeExtension> extensions();

    /**
     * Records an approval unless the same scheme and bundle have one already, which then stays.
     *
     * @param extension the approval
     * @return the approval now recorded: the given one, or the one that was there
     * @throws StoreException when the store cannot be written
     */
    SchemeExtension approve(SchemeExtension extension);

    /**
     * Withdraws an approval.
     *
     * @param schemeId     the scheme extended
     * @param symbolicName the extending bundle's symbolic name
     * @return whether there was one
     * @throws StoreException when the store cannot be written
     */
    boolean revoke(String schemeId, String symbolicName);
}
