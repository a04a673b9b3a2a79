package no.tilskudd.api.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A change to record.
 *
 * @param actor   who made it: a user name with how they came in, such as {@code web:kari} or {@code os:tilskudd}
 * @param action  what was done, a dotted code such as {@code submissions.import} (see {@link AuditLog})
 * @param subject what it was done to, in words a reader of the trail understands (a file, a bundle, a user name)
 * @param details the facts of the change (counts, versions, verdicts), sorted by key
 */
public record AuditEntry(String actor, String action, String subject, Map<String, String> details) {

    /**
     * Checks the parts and freezes the details.
     *
     * @param actor   who made the change
     * @param action  what was done
     * @param subject what it was done to
     * @param details the facts of the change
     */
    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        if (actor.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor and an action");
        }
        details = Map.copyOf(new TreeMap<>(details));
    }
}
