package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The grant register in the store: which org units each scheme funded in which year. Every save is one transaction,
 * recorded in the audit trail like a save of submissions. Whether a grant's org unit and amount make sense is the
 * importer's to check; the store keeps one grant per scheme, year and org unit.
 *
 * @since 1.3
 */
@ProviderType
public interface GrantRecords {

    /**
     * Stores grants in one transaction, all of them or none, and records the save in the audit trail
     * ({@code grants.import}, or {@code grants.replace} when a stored grant was replaced).
     *
     * @param grants  the grants
     * @param replace whether a grant may replace a stored one with the same scheme, year and org unit
     * @param source  the file they come from, kept with each grant and named in the audit trail
     * @param actor   who saves them, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
     * @return how many were new and how many replaced stored ones
     * @throws DuplicateGrantException when, without {@code replace}, a grant is stored already (also by another host
     *                                 during this save), or when the same key is twice in the batch; nothing is
     *                                 stored
     * @throws StoreException          when the store cannot be written; nothing is stored
     */
    SaveResult saveGrants(List<Grant> grants, boolean replace, String source, String actor);

    /**
     * The stored grants, ordered by scheme, year and org unit.
     *
     * @param schemeId only this scheme's, if given
     * @param year     only this year's, if given
     * @return the grants
     * @throws StoreException when the store cannot be read
     */
    List<StoredGrant> findGrants(Optional<String> schemeId, Optional<Integer> year);
}
