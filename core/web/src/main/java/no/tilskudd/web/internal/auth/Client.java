package no.tilskudd.web.internal.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who sent a request, as far as the connection and a trusted proxy tell.
 *
 * @param address   the client's address (the proxy's client when a trusted proxy forwarded the request)
 * @param secure    whether the client's own request was HTTPS (its connection to us, or to the trusted proxy)
 * @param forwarded whether the request came through a trusted proxy
 * @param host      the host the client asked for (the Host header, or the one the proxy passed on), or null
 */
public record Client(String address, boolean secure, boolean forwarded, String host) {

    /** @return {@code https} or {@code http}, as the client sent it */
    public String scheme() {
        return secure ? "https" : "http";
    }

    /**
     * HTTP Basic sends the password with every request, so it is taken only where it cannot be read on the way:
     * over HTTPS, or from this machine directly (not through a proxy, where the loopback address is the proxy's).
     *
     * @return whether Basic credentials are accepted from this client
     */
    public boolean basicAllowed() {
        return secure || (!forwarded && Authenticator.isLoopback(address));
    }

    /**
     * Reads a literal IP address without ever looking a name up (InetAddress would send anything that is not a
     * valid literal, such as {@code 999.1.1.1}, to DNS).
     *
     * @param address an IPv4 or IPv6 address, an IPv6 one possibly in brackets
     * @return the address, or empty when it is not a literal address
     */
    public static Optional<InetAddress> literal(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int scope = a.indexOf('%');
        if (scope > 0 && a.contains(":")) {
            // A link-local address's zone (fe80::1%eth0) says which interface, not who.
            a = a.substring(0, scope);
        }
        try {
            if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                byte[] b = new byte[4];
                String[] parts = a.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return Optional.empty();
                    }
                    b[i] = (byte) v;
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            if (a.contains(":") && a.matches("[0-9a-fA-F:.]{2,45}")) {
                // In brackets InetAddress takes only a literal IPv6 address and never asks DNS.
                return Optional.of(InetAddress.getByName("[" + a + "]"));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
