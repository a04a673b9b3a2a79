package no.tilskudd.api.service;

import java.util.List;
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
}
