package no.tilskudd.web.internal.auth;

import no.tilskudd.launch.Host;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The users, sessions and sign-in throttling of this host, shared by the HTTP API and the commands. */
@Component(service = Security.class)
public final class Security {

    @Reference
    private Host host;

    private UserStore users;
    private Sessions sessions;
    private SignInThrottle throttle;
    private Authenticator authenticator;

    @Activate
    void activate() {
        users = new UserStore(host.data());
        sessions = new Sessions();
        throttle = new SignInThrottle();
        authenticator = new Authenticator(users, sessions, throttle);
    }

    /** @return the users */
    public UserStore users() {
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
