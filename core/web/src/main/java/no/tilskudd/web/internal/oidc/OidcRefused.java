package no.tilskudd.web.internal.oidc;

/**
 * Why a sign-in through the provider ended without a session. The code goes to the sign-in page, which shows its
 * own text for it (so that no link can make the page show words of someone else's); the message, with the details,
 * goes to the log and the audit trail.
 */
public final class OidcRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as the sign-in page names it. */
    public enum Reason {
        /** The provider could not be reached, or answered what is not OpenID Connect. */
        PROVIDER_UNAVAILABLE,
        /** The provider sent the browser back with an error (the person cancelled, or was not allowed). */
        PROVIDER_ERROR,
        /** No sign-in was started from this browser, it took too long, or the state does not match. */
        BAD_STATE,
        /** The code exchange or the ID token was refused (signature, issuer, audience, nonce, expiry). */
        TOKEN_REFUSED,
        /** The claims name no org unit. */
        NO_ORG_UNITS,
        /** The claims name an org unit that the register does not have. */
        UNKNOWN_ORG_UNIT,
        /** The person may not sign in this way (a local user has the name, or another provider's user). */
        NOT_ALLOWED,
        /** Too many failed sign-ins from this address. */
        THROTTLED;

        /** @return the code in the sign-in page's address, e.g. {@code bad_state} */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    /**
     * @param reason  what went wrong
     * @param message what exactly, for the log
     */
    public OidcRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason  what went wrong
     * @param message what exactly, for the log
     * @param cause   the library's exception
     */
    public OidcRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }
}
