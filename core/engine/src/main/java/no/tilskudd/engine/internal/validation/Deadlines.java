package no.tilskudd.engine.internal.validation;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sets the cancellation flag of form expressions that run past their deadline. One daemon thread ticks every
 * {@value #TICK_MS} ms while any check is running and ends when none is; starting a deadline costs a set insertion,
 * where a scheduled task per submission would wake a timer thread for every submission.
 */
final class Deadlines {

    static final long TICK_MS = 20;

    private static final Set<Deadline> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean TICKING = new AtomicBoolean();

    private Deadlines() {
    }

    /** A running check's deadline; close it when the check is done. */
    static final class Deadline implements AutoCloseable {
        final AtomicBoolean expired = new AtomicBoolean();
        private final long at;

        private Deadline(long at) {
            this.at = at;
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
        }
    }

    /**
     * Starts a deadline.
     *
     * @param limit how long from now
     * @return the deadline, whose flag is set once it has passed
     */
    static Deadline start(Duration limit) {
        Deadline d = new Deadline(System.nanoTime() + limit.toNanos());
        ACTIVE.add(d);
        if (TICKING.compareAndSet(false, true)) {
            Thread t = new Thread(Deadlines::tick, "tilskudd-rule-deadlines");
            t.setDaemon(true);
            t.start();
        }
        return d;
    }

    private static void tick() {
        while (true) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                TICKING.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Deadline d : ACTIVE) {
                if (now - d.at >= 0) {
                    d.expired.set(true);
                }
            }
            if (ACTIVE.isEmpty()) {
                TICKING.set(false);
                // A deadline started between the look and the reset found the flag set and started no thread.
                if (ACTIVE.isEmpty() || !TICKING.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }
}
