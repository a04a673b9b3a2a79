package no.tilskudd.web.internal.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.web.internal.auth.Client;

/**
 * The host names a request may be addressed to, against DNS rebinding: a page of another site whose name an
 * attacker points at this machine reaches the server with that name in its {@code Host} header. Always allowed are
 * {@code localhost}, the address the server is bound to and the address the connection came in on, each with the
 * server's port (no attacker can make a browser send those for a page of theirs); {@code web.allowedHosts} adds the
 * names the host is reached by, such as a proxy's public name ({@code name} for any port, {@code name:port} for one).
 */
final class AllowedHosts {

    private record Entry(String host, int port) {
        boolean matches(String h, int p) {
            return host.equals(h) && (port < 0 || port == p);
        }
    }

    /** A {@code Host} value taken apart; the port is -1 when absent. */
    record HostAndPort(String host, int port) {
    }

    private final List<Entry> configured;
    private final Optional<String> bound;

    private AllowedHosts(List<Entry> configured, Optional<String> bound) {
        this.configured = configured;
        this.bound = bound;
    }

    /**
     * @param value        further names, separated by commas or spaces (null or blank for none)
     * @param boundAddress the address the server listens on (a wildcard address adds nothing)
     * @return the allowed hosts
     * @throws IllegalArgumentException naming an entry that is not a host name with an optional port
     */
    static AllowedHosts parse(String value, String boundAddress) {
        List<Entry> out = new ArrayList<>();
        for (String token : value == null ? new String[0] : value.trim().split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            Optional<HostAndPort> h = split(token);
            if (h.isEmpty()) {
                throw new IllegalArgumentException("'" + token + "' is not a host name with an optional port (such "
                        + "as tilskudd.example.org or tilskudd.example.org:8443)");
            }
            out.add(new Entry(h.get().host(), h.get().port()));
        }
        Optional<String> b = Optional.ofNullable(boundAddress).flatMap(AllowedHosts::split).map(HostAndPort::host)
                .filter(a -> Client.literal(a).map(i -> !i.isAnyLocalAddress()).orElse(true));
        return new AllowedHosts(List.copyOf(out), b);
    }

    /**
     * @param hostHeader the host the client asked for (null: none given, as by an HTTP/1.0 client, which no browser
     *                   is)
     * @param secure     whether the client's request was HTTPS (for the port a Host without one means)
     * @param localAddr  the address the connection came in on
     * @param localPort  the port it came in on
     * @return whether the request may be answered
     */
    boolean allows(String hostHeader, boolean secure, String localAddr, int localPort) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return true;
        }
        Optional<HostAndPort> parsed = split(hostHeader.trim());
        if (parsed.isEmpty()) {
            return false;
        }
        String h = parsed.get().host();
        int port = parsed.get().port() >= 0 ? parsed.get().port() : secure ? 443 : 80;
        if (configured.stream().anyMatch(e -> e.matches(h, port))) {
            return true;
        }
        if (port != localPort) {
            return false;
        }
        return h.equals("localhost") || bound.map(h::equals).orElse(false)
                || split(localAddr == null ? "" : localAddr).map(l -> l.host().equals(h)).orElse(false);
    }

    /**
     * Splits {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; names are lower-cased without a
     * trailing dot, literal addresses written canonically so that {@code [::1]} and {@code 0:0:0:0:0:0:0:1} agree.
     *
     * @param value a Host header or a configured entry
     * @return its parts, or empty when it is neither a host name nor a literal address
     */
    static Optional<HostAndPort> split(String value) {
        String v = value.trim();
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            host = v.substring(1, end);
            String rest = v.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
            if (Client.literal(host).isEmpty()) {
                return Optional.empty();
            }
        } else if (v.indexOf(':') != v.lastIndexOf(':')) {
            // A bare IPv6 address (as a container reports its local address), never with a port.
            host = v;
            if (Client.literal(host).isEmpty()) {
                return Optional.empty();
            }
        } else {
            int colon = v.indexOf(':');
            host = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? null : v.substring(colon + 1);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!isHostName(host)) {
                return Optional.empty();
            }
        }
        int p = -1;
        if (port != null) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                return Optional.empty();
            }
            p = Integer.parseInt(port);
        }
        String canonical = Client.literal(host).map(InetAddress::getHostAddress)
                .orElse(host.toLowerCase(Locale.ROOT));
        return Optional.of(new HostAndPort(canonical, p));
    }

    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!label.matches("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})")) {
                return false;
            }
        }
        return true;
    }
}
