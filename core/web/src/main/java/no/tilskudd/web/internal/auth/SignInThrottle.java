package no.tilskudd.web.internal.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, for the session sign-in and HTTP Basic alike. Failures are counted per user name
 * <em>and</em> client address, so that a guesser delays only their own further tries, never the real user's from
 * another machine. The first {@value #FREE_FAILURES} failures cost nothing; after that each failure makes the next
 * try wait, {@link #FIRST_DELAY} and doubling up to {@link #MAX_DELAY}; a success, or an hour without failures,
 * forgets them. An IPv6 client counts by its /64 network, which one host usually has whole.
 * <p>
 * The table is bounded: when full, it drops an entry that holds nobody back, preferring the least recently used with
 * fewer than {@value #FREE_FAILURES} failures, and only if every entry is holding someone back, the one whose wait
 * ends first. So flooding it with other names never frees a name whose tries are being held back, nor resets its
 * count, and nothing is ever cleared wholesale.
 */
public final class SignInThrottle {

    /** Failures per name and address before tries are delayed. */
    public static final int FREE_FAILURES = 5;
    /** The wait after the last free failure; it doubles with each further one. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    /** The longest wait. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures older than this (with no wait running) are forgotten. */
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int CAPACITY = 10_000;
    private static final String INVALID_NAME = "\u0000invalid";

    private record Key(String name, String address) {
    }

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant waitUntil;
    }

    private final Clock clock;
    private final int capacity;
    // Access order: iteration starts at the least recently used entry.
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    /** A throttle on the system clock with room for {@value #CAPACITY} names and addresses. */
    public SignInThrottle() {
        this(Clock.systemUTC(), CAPACITY);
    }

    SignInThrottle(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /**
     * How long a try for this name from this address must still wait. The password is not to be checked while it
     * waits.
     *
     * @param name    the user name tried
     * @param address the client's address
     * @return the time left, or empty when a try is allowed now
     */
    public synchronized Optional<Duration> waitFor(String name, String address) {
        Key k = key(name, address);
        Entry e = entries.get(k);
        Instant now = clock.instant();
        if (e == null) {
            return Optional.empty();
        }
        if (forgotten(e, now)) {
            entries.remove(k);
            return Optional.empty();
        }
        return now.isBefore(e.waitUntil) ? Optional.of(Duration.between(now, e.waitUntil)) : Optional.empty();
    }

    /**
     * Records a failed try.
     *
     * @param name    the user name tried
     * @param address the client's address
     * @return how long the next try must wait (zero while failures are free)
     */
    public synchronized Duration failed(String name, String address) {
        Key k = key(name, address);
        Instant now = clock.instant();
        Entry e = entries.get(k);
        if (e == null || forgotten(e, now)) {
            if (e == null && entries.size() >= capacity) {
                evictOne(now);
            }
            e = new Entry();
            entries.put(k, e);
        }
        e.failures++;
        e.lastFailure = now;
        Duration d = delay(e.failures);
        e.waitUntil = now.plus(d);
        return d;
    }

    /**
     * Records a successful sign-in: the failures of this name from this address are forgotten.
     *
     * @param name    the user name
     * @param address the client's address
     */
    public synchronized void succeeded(String name, String address) {
        entries.remove(key(name, address));
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * @param failures failures so far
     * @return the wait they impose on the next try
     */
    static Duration delay(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 30);
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    private static boolean forgotten(Entry e, Instant now) {
        return !now.isBefore(e.waitUntil) && e.lastFailure.plus(FORGET_AFTER).isBefore(now);
    }

    /**
     * Makes room: the least recently used entry that holds nobody back and has fewer failures than would (a flood's
     * own entries, typically); else the least recently used one that holds nobody back now; else the one whose wait
     * ends first.
     */
    private void evictOne(Instant now) {
        Key idle = null;
        Key soonest = null;
        Instant soonestEnd = null;
        for (Map.Entry<Key, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            boolean waiting = now.isBefore(v.waitUntil);
            if (!waiting && v.failures < FREE_FAILURES) {
                entries.remove(e.getKey());
                return;
            }
            if (!waiting && idle == null) {
                idle = e.getKey();
            }
            if (waiting && (soonestEnd == null || v.waitUntil.isBefore(soonestEnd))) {
                soonest = e.getKey();
                soonestEnd = v.waitUntil;
            }
        }
        entries.remove(idle != null ? idle : soonest);
    }

    private static Key key(String name, String address) {
        // Only valid user names are kept as they are, so that a guesser cannot fill memory with long names; all
        // others can never sign in and share one entry per address.
        String n = name != null && name.matches("[A-Za-z0-9._-]{1,64}") ? name : INVALID_NAME;
        return new Key(n, network(address));
    }

    /** The address as counted: an IPv4 address as it is, an IPv6 address by its /64 network. */
    static String network(String address) {
        Optional<InetAddress> a = Client.literal(address);
        if (a.isEmpty()) {
            return "unknown";
        }
        byte[] b = a.get().getAddress();
        if (b.length == 16) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return s.append(":/64").toString();
        }
        return a.get().getHostAddress();
    }
}
