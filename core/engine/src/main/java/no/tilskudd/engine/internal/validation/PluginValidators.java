package no.tilskudd.engine.internal.validation;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;

/**
 * Runs plugin validators so that a broken plugin cannot harm an import: an exception becomes a
 * {@code VALIDATOR_FAILED} violation, and a validator that does not finish a chunk of submissions within the time
 * limit gets {@code VALIDATOR_TIMEOUT} for them and is not called again (until its plugin is replaced, which gives a
 * new instance).
 *
 * <p>Validators run on a separate thread per chunk of {@value #CHUNK} submissions, not per submission, so the
 * hand-over costs nothing measurable. A thread stuck in a hanging validator cannot be stopped in Java; it is a daemon
 * thread and is left behind once, since the validator is then quarantined.
 */
final class PluginValidators {

    /** The default time one validator may take for one chunk. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    static final int CHUNK = 1000;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tilskudd-validator-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final Set<Validator> quarantined = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    PluginValidators(Duration timeout) {
        this.timeout = timeout;
    }

    void run(Collection<Validator> validators, List<Submission> submissions, List<ValidationContext> contexts,
            List<List<Violation>> results) {
        for (Validator v : validators) {
            for (int from = 0; from < submissions.size(); from += CHUNK) {
                int to = Math.min(submissions.size(), from + CHUNK);
                if (quarantined.contains(v)) {
                    timedOut(v, submissions, contexts, results, from, to);
                    continue;
                }
                runChunk(v, submissions, contexts, results, from, to);
            }
        }
    }

    private void runChunk(Validator v, List<Submission> submissions, List<ValidationContext> contexts,
            List<List<Violation>> results, int from, int to) {
        String scheme;
        try {
            scheme = v.schemeId();
        } catch (RuntimeException | LinkageError e) {
            for (int i = from; i < to; i++) {
                results.get(i).add(failed(v, e));
            }
            return;
        }
        boolean any = false;
        for (int i = from; i < to && !any; i++) {
            any = contexts.get(i) != null && submissions.get(i).schemeId().equals(scheme);
        }
        if (!any) {
            return;
        }
        // The task fills its own lists; they are merged only when it finishes in time, so a validator that hangs
        // and later wakes up cannot touch results that the caller already reads.
        Future<List<List<Violation>>> task = EXECUTOR.submit(() -> {
            List<List<Violation>> local = new java.util.ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Submission s = submissions.get(i);
                List<Violation> found = List.of();
                if (contexts.get(i) != null && s.schemeId().equals(scheme)) {
                    try {
                        found = v.validate(s, contexts.get(i));
                    } catch (RuntimeException | LinkageError e) {
                        found = List.of(failed(v, e));
                    }
                }
                local.add(found == null ? List.of() : found);
            }
            return local;
        });
        try {
            List<List<Violation>> local = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (int i = from; i < to; i++) {
                results.get(i).addAll(local.get(i - from));
            }
        } catch (TimeoutException e) {
            task.cancel(true);
            quarantined.add(v);
            timedOut(v, submissions, contexts, results, from, to);
        } catch (ExecutionException e) {
            for (int i = from; i < to; i++) {
                results.get(i).add(failed(v, e.getCause()));
            }
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation was interrupted", e);
        }
    }

    private void timedOut(Validator v, List<Submission> submissions, List<ValidationContext> contexts,
            List<List<Violation>> results, int from, int to) {
        String scheme;
        try {
            scheme = v.schemeId();
        } catch (RuntimeException e) {
            return;
        }
        for (int i = from; i < to; i++) {
            if (contexts.get(i) != null && submissions.get(i).schemeId().equals(scheme)) {
                results.get(i).add(Violation.error("", "VALIDATOR_TIMEOUT",
                            "Kontrollen " + v.getClass().getName() + " ble ikke ferdig innen "
                                    + timeout.toMillis() + " ms og er slått av til tillegget erstattes.",
                            "Validator " + v.getClass().getName() + " did not finish within " + timeout.toMillis()
                                    + " ms and is switched off until its plugin is replaced."));
            }
        }
    }

    private static Violation failed(Validator v, Throwable e) {
        return Violation.error("", "VALIDATOR_FAILED", "Kontrollen " + v.getClass().getName() + " feilet: " + e,
                "Validator " + v.getClass().getName() + " failed: " + e);
    }
}
