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
 * errors. The result is kept while the scheme is the same (the same registration: an update makes a new one), for at
 * most ten minutes after the validation that made it, so that the host's status, asked every second, does not
 * validate every report each time; a changed validator of another bundle (an extension approved or revoked) is seen
 * once the scheme changes, or after ten minutes.
 *
 * <p>When only the stored reports changed, they are not all validated again: a report is stored only after it
 * validated against its form (an import, a browser submission), so a report added or replaced since the last
 * validation is valid, and only the reports that were invalid can have become valid (replaced) or gone. Those are
 * validated again, and the total is the stores' count. All are validated again when a form version that the scheme
 * does not have appears among the stored reports, or when more than {@link #RECHECK_LIMIT} were invalid. At a million
 * reports on H2 validating them all took more than eight minutes, which every import started again
 * (docs/performance.md, fifth round).
 */
public final class StoredReports implements StoredReportCheck {

    private final Supplier<Optional<SubmissionStore>> store;
    private final SchemeRegistry schemes;
    private final ValidationService validation;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The stored reports' count per form version and year, and the result for them. */
    private record Cached(Scheme scheme, Map<FormYear, Long> stored, Invalid result, long nanos) {
    }

    private record FormYear(String formVersion, int year) {
    }

    /**
     * A result is also made again after this long: a report stored without validation (by code that uses the store
     * directly) or a changed validator of another bundle is then counted as it is now.
     */
    static final long MAX_AGE_NANOS = 600_000_000_000L;

    /** Up to this many invalid reports are validated again one by one; more, and all are validated again. */
    static final int RECHECK_LIMIT = 1_000;

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
    private static Map<FormYear, Long> formsOf(SubmissionStore store, SubmissionQuery all) {
        Map<FormYear, Long> forms = new java.util.HashMap<>();
        store.forEach(all, s -> forms.merge(new FormYear(s.submission().formVersion().orElse(""),
                s.submission().year()), 1L, Long::sum));
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
        Map<FormYear, Long> stored;
        try {
            // A store with aggregates keeps these counts (a lookup).
            if (st.get() instanceof AnswerAggregates a) {
                stored = new java.util.HashMap<>();
                for (no.tilskudd.api.store.FormUse use : a.formsInUse(AnswerScope.of(Set.of(schemeId), 1900, 2100))) {
                    stored.merge(new FormYear(use.formVersion(), use.year()), use.submissions(), Long::sum);
                }
            } else {
                stored = formsOf(st.get(), all);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Cached c = cache.get(schemeId);
        if (c != null && c.scheme() == scheme.get() && System.nanoTime() - c.nanos() < MAX_AGE_NANOS) {
            if (c.stored().equals(stored)) {
                return Optional.of(c.result());
            }
            if (onlyValidatedAdded(c, stored, scheme.get())) {
                Invalid again = recheck(st.get(), c.result(), stored);
                cache.put(schemeId, new Cached(scheme.get(), stored, again, c.nanos()));
                return Optional.of(again);
            }
        }
        Map<String, Long> byCode = new TreeMap<>();
        List<SubmissionKey> reports = new ArrayList<>();
        long[] count = {0};
        // One report at a time: the whole store never sits in the heap (an indicator run asks for this too).
        st.get().forEach(all, s -> {
            count[0]++;
            Submission sub = s.submission();
            if (!errors(sub, byCode)) {
                return;
            }
            reports.add(new SubmissionKey(sub.schemeId(), sub.year(), sub.orgUnit()));
        });
        Invalid result = new Invalid(schemeId, reports.size(), count[0], byCode, reports);
        cache.put(schemeId, new Cached(scheme.get(), stored, result, System.nanoTime()));
        return Optional.of(result);
    }

    /** Whether a report has errors against its form; their codes are counted, each once per report. */
    private boolean errors(Submission sub, Map<String, Long> byCode) {
        List<Violation> errors = validation.validate(sub).stream().filter(Violation::isError).toList();
        errors.stream().map(Violation::code).distinct().forEach(code -> byCode.merge(code, 1L, Long::sum));
        return !errors.isEmpty();
    }

    /**
     * Whether the reports stored since the cached result can only be valid ones: every form version and year now in
     * use was in use then or names a form the scheme has, and few enough were invalid to validate them one by one.
     */
    private static boolean onlyValidatedAdded(Cached c, Map<FormYear, Long> stored, Scheme scheme) {
        if (c.result().reports().size() > RECHECK_LIMIT) {
            return false;
        }
        for (FormYear f : stored.keySet()) {
            if (!c.stored().containsKey(f) && scheme.form(f.formVersion()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The invalid reports of a result validated again as they are stored now, with the store's total. */
    private Invalid recheck(SubmissionStore st, Invalid before, Map<FormYear, Long> stored) {
        Map<String, Long> byCode = new TreeMap<>();
        List<SubmissionKey> reports = new ArrayList<>();
        for (SubmissionKey k : before.reports()) {
            for (no.tilskudd.api.store.StoredSubmission s : st.find(new SubmissionQuery(Optional.of(k.schemeId()),
                    Optional.of(k.year()), Optional.of(k.year()), Set.of(k.orgUnit())))) {
                if (errors(s.submission(), byCode)) {
                    reports.add(k);
                }
            }
        }
        long total = stored.values().stream().mapToLong(Long::longValue).sum();
        return new Invalid(before.schemeId(), reports.size(), total, byCode, reports);
    }
}
