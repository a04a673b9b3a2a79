package no.tilskudd.engine.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.api.submission.Violation;

/**
 * Re-validates a scheme's stored reports, each against the form version it was stored with, and counts those with
 * errors. The result is kept while the scheme is the same (the same registration: an update makes a new one) and the
 * scheme has as many stored reports of each form version and year, for at most ten minutes, so that the host's status,
 * asked every second, does not validate every report each time; a changed validator of another bundle (an extension
 * approved or revoked) is seen once the scheme or its reports change, or after ten minutes.
 */
public final class StoredReports implements StoredReportCheck {

    private final Supplier<Optional<SubmissionStore>> store;
    private final SchemeRegistry schemes;
    private final ValidationService validation;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Scheme scheme, Object stored, Invalid result, long nanos) {
    }

    /**
     * A result is also made again after this long: a report replaced under the same form version, which the key does
     * not see, is then counted as it is now.
     */
    static final long MAX_AGE_NANOS = 600_000_000_000L;

    /**
     * @param store      the store, when installed
     * @param schemes    the installed schemes
     * @param validation the validation of submissions, with the plugins' validators
     */
    public StoredReports(Supplier<Optional<SubmissionStore>> store, SchemeRegistry schemes,
            ValidationService validation) {
        this.store = store;
        this.schemes = schemes;
        this.validation = validation;
    }

    /** A store without aggregates (tests, embedding) is read for the form versions in use; reading is cheap. */
    private static Map<String, Long> formsOf(SubmissionStore store, SubmissionQuery all) {
        Map<String, Long> forms = new TreeMap<>();
        store.forEach(all, s -> forms.merge(s.submission().formVersion().orElse("") + "/" + s.submission().year(),
                1L, Long::sum));
        return forms;
    }

    @Override
    public List<Invalid> invalid() {
        List<Invalid> out = new ArrayList<>();
        for (Scheme s : schemes.schemes()) {
            invalid(s.id()).filter(i -> i.invalid() > 0).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Invalid> invalid(String schemeId) {
        Optional<SubmissionStore> st = store.get();
        Optional<Scheme> scheme = schemes.schemes().stream().filter(s -> s.id().equals(schemeId)).findFirst();
        if (st.isEmpty() || scheme.isEmpty()) {
            return Optional.empty();
        }
        SubmissionQuery all = new SubmissionQuery(Optional.of(schemeId), Optional.empty(), Optional.empty(), Set.of());
        Object stored;
        try {
            // How many of which form version and year: an import that replaces reports with another form version
            // changes the key too. A store with aggregates keeps these counts (a lookup); counting the reports as
            // well took a scan of the scheme's submissions on every indicator run (docs/performance.md, fifth
            // round), and the counts add up to it.
            stored = st.get() instanceof AnswerAggregates a
                    ? a.formsInUse(AnswerScope.of(Set.of(schemeId), 1900, 2100)) : formsOf(st.get(), all);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached c = cache.get(schemeId);
        if (c != null && c.scheme() == scheme.get() && c.stored().equals(stored) && now - c.nanos() < MAX_AGE_NANOS) {
            return Optional.of(c.result());
        }
        Map<String, Long> byCode = new TreeMap<>();
        List<SubmissionKey> reports = new ArrayList<>();
        long[] count = {0};
        // One report at a time: the whole store never sits in the heap (an indicator run asks for this too).
        st.get().forEach(all, s -> {
            count[0]++;
            Submission sub = s.submission();
            List<Violation> errors = validation.validate(sub).stream().filter(Violation::isError).toList();
            if (!errors.isEmpty()) {
                reports.add(new SubmissionKey(sub.schemeId(), sub.year(), sub.orgUnit()));
                errors.stream().map(Violation::code).distinct().forEach(code -> byCode.merge(code, 1L, Long::sum));
            }
        });
        Invalid result = new Invalid(schemeId, reports.size(), count[0], byCode, reports);
        cache.put(schemeId, new Cached(scheme.get(), stored, result, now));
        return Optional.of(result);
    }
}
