package no.tilskudd.web.internal.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import no.tilskudd.web.internal.auth.Client;

/**
 * The proxies whose {@code Forwarded} / {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} headers are
 * believed ({@code web.trustedProxies}: addresses or networks such as {@code 10.0.0.0/8}). From anyone else these
 * headers are ignored, since any client can send them. A request from a trusted proxy always counts as forwarded, so
 * that it never passes for a request made on this machine; it was HTTPS only if the proxy says so.
 */
final class TrustedProxies {

    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] a) {
            if (a.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /**
     * @param value addresses and networks, separated by commas or spaces; null or blank for none
     * @return the trusted proxies
     * @throws IllegalArgumentException naming an entry that is not an IP address or network
     */
    static TrustedProxies parse(String value) {
        List<Network> out = new ArrayList<>();
        for (String token : value == null ? new String[0] : value.trim().split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            int slash = token.indexOf('/');
            Optional<byte[]> a = literal(slash < 0 ? token : token.substring(0, slash));
            int max = a.map(b -> b.length * 8).orElse(0);
            int bits = max;
            if (a.isPresent() && slash >= 0) {
                try {
                    bits = Integer.parseInt(token.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (a.isEmpty() || bits < 0 || bits > max) {
                throw new IllegalArgumentException("'" + token + "' is not an IP address or network (such as "
                        + "127.0.0.1 or 10.0.0.0/8)");
            }
            out.add(new Network(a.get(), bits));
        }
        return new TrustedProxies(List.copyOf(out));
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean trusts(String address) {
        Optional<byte[]> a = literal(address);
        return a.isPresent() && networks.stream().anyMatch(n -> n.contains(a.get()));
    }

    /**
     * @param remoteAddress the connection's peer
     * @param secure        whether the connection itself is TLS
     * @param hostHeader    the Host header, or null
     * @param headers       all values of a request header, by name
     * @return who sent the request
     */
    Client client(String remoteAddress, boolean secure, String hostHeader, Function<String, List<String>> headers) {
        if (!trusts(remoteAddress)) {
            return new Client(remoteAddress, secure, false, hostHeader);
        }
        List<String> chain = new ArrayList<>();
        String proto;
        String host;
        List<String> forwarded = headers.apply("Forwarded");
        if (!forwarded.isEmpty()) {
            proto = null;
            host = null;
            // RFC 7239: one element per hop, the nearest proxy's last; its proto and host describe the request it
            // received.
            for (String element : splitOutsideQuotes(String.join(",", forwarded), ',')) {
                String elementProto = null;
                String elementHost = null;
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String k = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String v = unquote(pair.substring(eq + 1).trim());
                    switch (k) {
                        case "for" -> chain.add(v);
                        case "proto" -> elementProto = v;
                        case "host" -> elementHost = v;
                        default -> { }
                    }
                }
                proto = elementProto;
                host = elementHost;
            }
        } else {
            for (String v : headers.apply("X-Forwarded-For")) {
                for (String hop : v.split(",")) {
                    chain.add(hop.trim());
                }
            }
            proto = last(headers.apply("X-Forwarded-Proto"));
            host = last(headers.apply("X-Forwarded-Host"));
        }
        return new Client(clientAddress(chain, remoteAddress), "https".equalsIgnoreCase(proto), true,
                host == null || host.isBlank() ? hostHeader : host);
    }

    /** The nearest address in the chain that is not a trusted proxy; the proxy itself when a hop is unknown. */
    private String clientAddress(List<String> chain, String remoteAddress) {
        String client = remoteAddress;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = withoutPort(chain.get(i));
            if (literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static String last(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String[] parts = values.get(values.size() - 1).split(",");
        return parts[parts.length - 1].trim();
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** {@code 192.0.2.1:4711} → {@code 192.0.2.1}; {@code [2001:db8::1]:4711} → {@code 2001:db8::1}. */
    static String withoutPort(String hop) {
        String h = hop.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    private static Optional<byte[]> literal(String address) {
        return Client.literal(address).map(InetAddress::getAddress);
    }
}
