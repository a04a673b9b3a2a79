package no.tilskudd.api.service;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.store.SchemeExtension;
import no.tilskudd.api.store.SchemeOwner;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which bundle owns each scheme id, and the administrator's way to give an id to another bundle. The scheme registry
 * uses only the owner's scheme of an id; another bundle declaring it is refused (a {@link SchemeRegistry#problems()
 * problem} naming both bundles). An id without a recorded owner goes to the first bundle that declares it; two
 * bundles declaring it at once get neither until an administrator picks one with {@link #transfer}.
 *
 * @since 2.2
 */
@ProviderType
public interface SchemeOwnership {

    /**
     * The recorded owners.
     *
     * @return every binding, by scheme id
     * @throws IllegalStateException when there is no store to keep the bindings in
     */
    List<SchemeOwner> owners();

    /**
     * Gives a scheme id to a bundle, replacing any owner; the registry uses that bundle's scheme of the id from now
     * on. Recorded in the audit trail.
     *
     * @param schemeId     the scheme id
     * @param symbolicName the new owner's bundle symbolic name
     * @param actor        who asks
     * @return the new binding
     * @throws IllegalArgumentException when the id or the symbolic name is not one
     * @throws IllegalStateException    when there is no store to keep the binding in
     */
    SchemeOwner transfer(String schemeId, String symbolicName, String actor);

    /**
     * The approved extensions: bundles that may contribute validators and indicators to a scheme another bundle owns,
     * provided they also declare it ({@code Tilskudd-Extends}).
     *
     * @return every approval
     * @throws IllegalStateException when there is no store to keep the approvals in
     * @since 2.3
     */
    List<SchemeExtension> extensions();

    /**
     * Approves a bundle's contributions to a scheme it does not own; they apply from now on, where the bundle declares
     * the scheme as an extension. Recorded in the audit trail.
     *
     * @param schemeId     the scheme id
     * @param symbolicName the extending bundle's symbolic name
     * @param actor        who approves
     * @return the approval recorded (an earlier one stays)
     * @throws IllegalArgumentException when the id or the symbolic name is not one
     * @throws IllegalStateException    when there is no store to keep the approval in
     * @since 2.3
     */
    SchemeExtension approveExtension(String schemeId, String symbolicName, String actor);

    /**
     * Withdraws an approval; the bundle's contributions to the scheme stop applying. Recorded in the audit trail.
     *
     * @param schemeId     the scheme id
     * @param symbolicName the extending bundle's symbolic name
     * @param actor        who withdraws it
     * @return whether there was an approval
     * @throws IllegalArgumentException when the id or the symbolic name is not one
     * @throws IllegalStateException    when there is no store to keep the approvals in
     * @since 2.3
     */
    boolean revokeExtension(String schemeId, String symbolicName, String actor);

    /**
     * Why an installed bundle is held unresolved by the ownership gate, if it is: it declares a scheme id that is
     * recorded for another bundle. The framework does not resolve it (whichever way it was installed) until an
     * administrator transfers the id to it or removes it; after a transfer it is resolved and started without a
     * restart.
     *
     * @param bundleId the bundle's id in the framework
     * @return the reason, naming both bundles and the transfer that would release it; empty when it is not held
     * @since 2.5
     */
    default Optional<String> held(long bundleId) {
        return Optional.empty();
    }
}
