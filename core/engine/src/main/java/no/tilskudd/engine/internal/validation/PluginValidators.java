package no.tilskudd.engine.internal.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import no.tilskudd.api.service.Quarantine;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;

/**
 * Runs plugin validators so that a broken plugin cannot harm an import, nor other people's submissions:
 * <ul>
 * <li>an exception becomes {@code VALIDATOR_FAILED} on the submission it was thrown for;</li>
 * <li>a validator that does not finish one submission within the time limit fails <em>that</em> submission with
 * {@code VALIDATOR_TIMEOUT}; its worker is interrupted and abandoned, and the next submission gets a fresh one;</li>
 * <li>Java cannot stop a thread that ignores interrupts (a busy loop), so a worker that is still running after the
 * interrupt counts as stuck; a plugin with {@code maxStuck} workers stuck at once is quarantined as a whole: its
 * validators are not called again, and the submissions of its scheme get {@code VALIDATOR_QUARANTINED}, until the
 * plugin is updated (an update gives a new identity). {@link #quarantined} reports it.</li>
 * </ul>
 *
 * <p>One worker validates a chunk of up to {@value #CHUNK} submissions, so the hand-over costs nothing measurable; the
 * time limit still applies to each submission, because the worker publishes which one it is on and since when.
 */
final class PluginValidators {

    /** The default time one validator may take for one submission. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The default number of stuck workers that quarantines a plugin. */
    static final int DEFAULT_MAX_STUCK = 3;

    static final int CHUNK = 1000;

    private static final System.Logger LOG = System.getLogger("no.tilskudd.engine.validation");

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tilskudd-validator-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final int maxStuck;
    private final Function<Validator, ValidatorPlugin> plugins;
    private final ValidatorFailureListener listener;
    /** By plugin identity; weak, so that a replaced plugin's classes can be unloaded. */
    private final Map<Object, State> states = Collections.synchronizedMap(new WeakHashMap<>());

    PluginValidators(Duration timeout, int maxStuck, Function<Validator, ValidatorPlugin> plugins) {
        this(timeout, maxStuck, plugins, (v, p, reason) -> { });
    }

    PluginValidators(Duration timeout, int maxStuck, Function<Validator, ValidatorPlugin> plugins,
            ValidatorFailureListener listener) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the validator time limit must be positive, not " + timeout);
        }
        if (maxStuck < 1) {
            throw new IllegalArgumentException("the stuck-worker limit must be at least 1, not " + maxStuck);
        }
        this.timeout = timeout;
        this.maxStuck = maxStuck;
        this.plugins = plugins;
        this.listener = listener;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The quarantined plugins among the installed validators.
     *
     * @param validators the installed validators
     * @return one entry per quarantined plugin
     */
    List<Quarantine> quarantined(Collection<Validator> validators) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Quarantine> out = new ArrayList<>();
        for (Validator v : validators) {
            ValidatorPlugin p = plugins.apply(v);
            State st = p == null || !seen.add(p.identity()) ? null : states.get(p.identity());
            Quarantine q = st == null ? null : st.quarantine();
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    void run(Collection<Validator> validators, List<Submission> submissions, List<ValidationContext> contexts,
            List<List<Violation>> results) {
        for (Validator v : validators) {
            ValidatorPlugin p = plugins.apply(v);
            String scheme;
            try {
                scheme = v.schemeId();
            } catch (RuntimeException | LinkageError e) {
                for (int i = 0; i < submissions.size(); i++) {
                    if (contexts.get(i) != null) {
                        results.get(i).add(failed(v, p, e));
                    }
                }
                continue;
            }
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                if (contexts.get(i) != null && submissions.get(i).schemeId().equals(scheme)) {
                    mine.add(i);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            State st = states.computeIfAbsent(p.identity(), k -> new State(p.name()));
            for (int from = 0; from < mine.size(); from += CHUNK) {
                runChunk(v, p, st, mine.subList(from, Math.min(mine.size(), from + CHUNK)), submissions, contexts,
                        results);
            }
        }
    }

    private void runChunk(Validator v, ValidatorPlugin p, State st, List<Integer> chunk, List<Submission> submissions,
            List<ValidationContext> contexts, List<List<Violation>> results) {
        int next = 0;
        while (next < chunk.size()) {
            Quarantine q = st.quarantine();
            if (q != null) {
                for (int j = next; j < chunk.size(); j++) {
                    results.get(chunk.get(j)).add(quarantined(v, p, q));
                }
                return;
            }
            Worker w = new Worker(v, p, chunk, next, submissions, contexts);
            EXECUTOR.execute(w);
            int stuckAt;
            try {
                stuckAt = await(w);
            } catch (InterruptedException e) {
                w.abandon();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("validation was interrupted", e);
            }
            int end = stuckAt < 0 ? chunk.size() : stuckAt;
            for (int j = next; j < end; j++) {
                results.get(chunk.get(j)).addAll(w.result(j));
            }
            if (stuckAt < 0) {
                return;
            }
            Submission s = submissions.get(chunk.get(stuckAt));
            results.get(chunk.get(stuckAt)).add(timedOut(v, p));
            abandon(w, st, s);
            next = stuckAt + 1;
        }
    }

    /** Waits for the worker; returns the position it is stuck at, or -1 when it finished its chunk. */
    private int await(Worker w) throws InterruptedException {
        long limit = timeout.toNanos();
        while (true) {
            Progress at = w.progress;
            long left = at.startNanos() + limit - System.nanoTime();
            if (left <= 0) {
                if (w.done.getCount() == 0) {
                    return -1;
                }
                if (w.progress == at) {
                    return at.position();
                }
                continue;
            }
            if (w.done.await(left, TimeUnit.NANOSECONDS)) {
                return -1;
            }
        }
    }

    private void abandon(Worker w, State st, Submission s) {
        w.abandon();
        boolean ended;
        try {
            // An interruptible validator (sleeping, waiting on I/O) ends at once; give it a moment before it counts.
            ended = w.done.await(Math.min(timeout.toMillis() / 4 + 1, 100), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        int stuck = ended ? st.stuckCount() : w.countAsStuck(st);
        LOG.log(System.Logger.Level.WARNING, "validator " + w.v.getClass().getName() + " (" + w.p.name()
                + ") did not finish submission " + s.key() + " within " + timeout.toMillis() + " ms; "
                + (ended ? "it stopped when interrupted" : "its worker is stuck (" + stuck + " of at most " + maxStuck
                        + " for this plugin)"));
    }

    /**
     * The plugin as people know it (in a host: bundle symbolic name and version); the class only where there is
     * nothing else to name (a validator on a plain class path).
     */
    private static String describe(ValidatorPlugin p) {
        return p.name();
    }

    private Violation timedOut(Validator v, ValidatorPlugin p) {
        notify(v, p, "validator for scheme '" + scheme(v) + "' did not finish a submission within "
                + timeout.toMillis() + " ms");
        return Violation.error("", "VALIDATOR_TIMEOUT",
                "Kontrollen i tillegget " + describe(p) + " ble ikke ferdig med denne rapporten innen "
                        + timeout.toMillis()
                        + " ms, så rapporten kan ikke godkjennes nå. Andre rapporter kontrolleres som vanlig.",
                "The validator of plugin " + describe(p) + " did not finish this submission within "
                        + timeout.toMillis()
                        + " ms, so it cannot be accepted now. Other submissions are checked as usual.");
    }

    private Violation quarantined(Validator v, ValidatorPlugin p, Quarantine q) {
        return Violation.error("", "VALIDATOR_QUARANTINED",
                "Kontrollen i tillegget " + describe(p) + " er slått av fordi tillegget har hengt seg opp ("
                        + q.reason()
                        + "); rapporter til ordningen kan ikke godkjennes før tillegget er oppdatert. Se tilskudd "
                        + "status.",
                "The validator of plugin " + describe(p) + " is switched off because its plugin hung ("
                        + q.reason()
                        + "); submissions of this scheme cannot be accepted until the plugin is updated. See "
                        + "tilskudd status.");
    }

    private Violation failed(Validator v, ValidatorPlugin p, Throwable e) {
        String why = reason(e);
        notify(v, p, "validator for scheme '" + scheme(v) + "' threw " + why);
        return Violation.error("", "VALIDATOR_FAILED", "Kontrollen i tillegget " + describe(p) + " feilet: " + why,
                "The validator of plugin " + describe(p) + " failed: " + why);
    }

    /** The exception without the plugin's own class names in front: its type's simple name and its message. */
    private static String reason(Throwable e) {
        if (e == null) {
            return "(no reason given)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String scheme(Validator v) {
        try {
            return v.schemeId();
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }

    private void notify(Validator v, ValidatorPlugin p, String reason) {
        try {
            listener.failed(v, p, reason);
        } catch (RuntimeException e) {
            // Reporting must not change what the validation finds.
        }
    }

    /** Which submission of its chunk a worker is on, and since when. */
    private record Progress(int position, long startNanos) {
    }

    /** A plugin's stuck workers and quarantine. */
    private final class State {
        private final String plugin;
        private int stuck;
        private Quarantine quarantine;

        State(String plugin) {
            this.plugin = plugin;
        }

        synchronized Quarantine quarantine() {
            return quarantine;
        }

        synchronized int stuckCount() {
            return stuck;
        }

        synchronized int stuck(Validator v) {
            stuck++;
            if (quarantine == null && stuck >= maxStuck) {
                quarantine = new Quarantine(plugin, stuck + " validation workers stuck in " + v.getClass().getName()
                        + " (limit " + maxStuck + ", time limit " + timeout.toMillis() + " ms per submission)",
                        Instant.now());
                LOG.log(System.Logger.Level.ERROR, "plugin " + plugin + " is quarantined: " + quarantine.reason()
                        + "; its validators are switched off until it is updated");
            }
            return stuck;
        }

        synchronized void unstuck() {
            stuck--;
        }
    }

    /** Validates a chunk from a position on; results are read only up to the position it has passed. */
    private final class Worker implements Runnable {
        final Validator v;
        final ValidatorPlugin p;
        final List<Integer> chunk;
        final List<Submission> submissions;
        final List<ValidationContext> contexts;
        final Object[] found;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Progress progress;
        volatile boolean abandoned;
        private Thread thread;
        private boolean ended;
        private State stuckIn;
        private Throwable died;
        private String threadName;

        Worker(Validator v, ValidatorPlugin p, List<Integer> chunk, int from, List<Submission> submissions,
                List<ValidationContext> contexts) {
            this.v = v;
            this.p = p;
            this.chunk = chunk;
            this.submissions = submissions;
            this.contexts = contexts;
            this.found = new Object[chunk.size()];
            this.progress = new Progress(from, System.nanoTime());
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
                threadName = thread.getName();
            }
            try {
                for (int j = progress.position(); j < chunk.size() && !abandoned; j++) {
                    progress = new Progress(j, System.nanoTime());
                    int i = chunk.get(j);
                    List<Violation> out;
                    try {
                        out = v.validate(submissions.get(i), contexts.get(i));
                    } catch (RuntimeException | LinkageError | StackOverflowError e) {
                        out = List.of(failed(v, p, e));
                    }
                    found[j] = out == null ? List.of() : List.copyOf(out);
                }
            } catch (Error e) {
                died = e;
            } finally {
                synchronized (this) {
                    ended = true;
                    Thread.currentThread().setName(threadName);
                    thread = null;
                    // An interrupt meant for this task must not reach the next task of the pooled thread.
                    Thread.interrupted();
                    if (stuckIn != null) {
                        stuckIn.unstuck();
                    }
                }
                done.countDown();
            }
        }

        @SuppressWarnings("unchecked")
        List<Violation> result(int j) {
            Object r = found[j];
            if (r == null) {
                return List.of(failed(v, p, died));
            }
            return (List<Violation>) r;
        }

        synchronized void abandon() {
            abandoned = true;
            if (thread != null) {
                thread.interrupt();
                // So that a thread dump names the plugin that holds the thread.
                thread.setName(threadName + " stuck in " + p.name());
            }
        }

        /** Counts this worker as stuck in its plugin unless it has ended meanwhile; returns the plugin's count. */
        synchronized int countAsStuck(State st) {
            if (ended) {
                return st.stuckCount();
            }
            stuckIn = st;
            return st.stuck(v);
        }
    }
}
