package no.tilskudd.web.internal.auth;

import java.util.Map;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.host.UserService;
import no.tilskudd.api.store.SessionRecords;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The sessions (in the store, shared by hosts on one database) and sign-in throttling of the console. */
@Component(service = Security.class)
public final class Security {

    @Reference
    private UserService users;
    @Reference
    private AuditLog audit;
    @Reference
    private SessionRecords records;

    private Sessions sessions;
    private SignInThrottle throttle;
    private Authenticator authenticator;

    @Activate
    void activate() {
        sessions = new Sessions(records);
        throttle = new SignInThrottle();
        authenticator = new Authenticator(users, sessions, throttle, this::signInFailed);
    }

    /**
     * Counts a failed sign-in against its name and address, and records it in the audit trail.
     *
     * @param name    the user name tried
     * @param address the client's address
     * @param via     {@code basic} or {@code session}
     */
    public void signInFailed(String name, String address, String via) {
        throttle.failed(name, address);
        // The name is what the client claimed, so the actor is the address it came from.
        record("web:" + address, "signin.failure", name, Map.of("via", via, "address", address));
    }

    /**
     * Records a change in the audit trail.
     *
     * @param actor   who made it
     * @param action  what was done
     * @param subject to what
     * @param details the facts of it
     */
    public void record(String actor, String action, String subject, Map<String, String> details) {
        audit.record(new AuditEntry(actor, action, subject, details));
    }

    /** @return the audit trail, for the administrators' view of it */
    public AuditLog audit() {
        return audit;
    }

    /** @return the users */
    public UserService users() {
        return users;
    }

    /** @return the sessions */
    public Sessions sessions() {
        return sessions;
    }

    /** @return the throttle of failed sign-ins, for the session sign-in and HTTP Basic alike */
    public SignInThrottle throttle() {
        return throttle;
    }

    /** @return the authenticator */
    public Authenticator authenticator() {
        return authenticator;
    }
}
