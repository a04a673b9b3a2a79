package no.tilskudd.web.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.launch.Host;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The users, sessions and sign-in throttling of this host, shared by the HTTP API and the commands. */
@Component(service = Security.class)
public final class Security {

    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(10);

    @Reference
    private Host host;

    private UserStore users;
    private Sessions sessions;
    private Authenticator authenticator;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        Instant first;
    }

    @Activate
    void activate() {
        users = new UserStore(host.data());
        sessions = new Sessions();
        authenticator = new Authenticator(users, sessions);
    }

    /** @return the users */
    public UserStore users() {
        return users;
    }

    /** @return the sessions */
    public Sessions sessions() {
        return sessions;
    }

    /** @return the authenticator */
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * Whether sign-in for a name is locked after repeated failures (which also slows down guessing beyond what the
     * slow hash already does).
     *
     * @param name the user name tried
     * @return true while locked
     */
    public boolean locked(String name) {
        Failures f = failures.get(name);
        if (f == null) {
            return false;
        }
        synchronized (f) {
            if (f.first.plus(LOCKOUT).isBefore(Instant.now())) {
                failures.remove(name);
                return false;
            }
            return f.count >= MAX_FAILURES;
        }
    }

    /**
     * Records a sign-in attempt.
     *
     * @param name    the user name tried
     * @param success whether it succeeded
     */
    public void attempt(String name, boolean success) {
        if (success) {
            failures.remove(name);
            return;
        }
        if (failures.size() > 10_000) {
            failures.clear();
        }
        Failures f = failures.computeIfAbsent(name, k -> new Failures());
        synchronized (f) {
            if (f.first == null || f.first.plus(LOCKOUT).isBefore(Instant.now())) {
                f.first = Instant.now();
                f.count = 0;
            }
            f.count++;
        }
    }
}
