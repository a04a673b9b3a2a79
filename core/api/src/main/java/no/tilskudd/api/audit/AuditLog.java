package no.tilskudd.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail, kept in the store. The application can add to it and read it; nothing in it can
 * change or remove an event (the store's application user may only insert into and read the trail's table).
 *
 * <p>Actions recorded by the core: {@code submissions.import} and {@code submissions.replace}, {@code grants.import}
 * and {@code grants.replace} (each in the same transaction as the data), {@code plugin.install}, {@code plugin.update}, {@code plugin.uninstall},
 * {@code plugin.deploy}, {@code plugin.undeploy}, {@code user.add}, {@code user.remove}, {@code user.passwd},
 * {@code user.role}, {@code signin.failure}, {@code store.backup}, {@code org-units.import}.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an event.
     *
     * @param entry what to record
     * @return the recorded event
     * @throws no.tilskudd.api.store.StoreException when it cannot be recorded
     */
    AuditEvent record(AuditEntry entry);

    /**
     * Reads events, oldest first.
     *
     * @param query which ones
     * @return the events
     */
    List<AuditEvent> read(AuditQuery query);
}
