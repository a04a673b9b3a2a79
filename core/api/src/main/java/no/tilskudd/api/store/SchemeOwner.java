package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which bundle a scheme id belongs to. Only that bundle's scheme of that id is used; another bundle declaring the id
 * is refused until an administrator transfers it. The owner is known by its symbolic name and, where plugins are
 * signed, by its signer too, since a symbolic name alone can be copied.
 *
 * @param schemeId     the scheme id, e.g. {@code avdir}
 * @param symbolicName the owning bundle's symbolic name
 * @param signer       the owning bundle's signer (e.g. the certificate's distinguished name); empty where plugins are
 *                     not signed, and then any bundle of that symbolic name is the owner
 * @param how          how the binding came about
 * @param actor        who made it: {@code distribution} for a seeded one, {@code host} for a first owner, else the
 *                     administrator
 * @param since        when it was recorded
 * @since 1.4
 */
public record SchemeOwner(String schemeId, String symbolicName, Optional<String> signer, How how, String actor,
        Instant since) {

    /** How a binding came about. */
    public enum How {
        /** Shipped with the distribution for the schemes it ships. */
        SEEDED,
        /** The first bundle that declared the id, recorded when its scheme was first used. */
        FIRST,
        /** Given by an administrator. */
        TRANSFERRED
    }

    /**
     * Checks that nothing is null or blank.
     *
     * @param schemeId     the scheme id
     * @param symbolicName the owning bundle's symbolic name
     * @param signer       the owning bundle's signer, or empty
     * @param how          how the binding came about
     * @param actor        who made it
     * @param since        when it was recorded
     */
    public SchemeOwner {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(since, "since");
        if (schemeId.isBlank() || symbolicName.isBlank()) {
            throw new IllegalArgumentException("a scheme owner needs a scheme id and a symbolic name");
        }
    }

    /**
     * Whether a bundle is this owner.
     *
     * @param bundleSymbolicName the bundle's symbolic name
     * @param bundleSigner       the bundle's signer, or empty when it is not signed
     * @return true when the symbolic name matches and, where the owner has a signer, the signer too
     */
    public boolean isOwner(String bundleSymbolicName, Optional<String> bundleSigner) {
        return symbolicName.equals(bundleSymbolicName) && (signer.isEmpty() || signer.equals(bundleSigner));
    }

    /** @return e.g. {@code no.tilskudd.scheme.avdir}, with the signer where there is one */
    public String owner() {
        return signer.map(s -> symbolicName + " (signed by " + s + ")").orElse(symbolicName);
    }
}
