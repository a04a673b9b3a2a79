package no.tilskudd.engine.internal.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.IndicatorDefinition;

/** Selects submissions from the store and runs the indicators that apply, each isolated from the others' failures. */
public final class IndicatorRunner implements IndicatorService {

    /**
     * How many declared indicators of one report the store computes at the same time: one per core, at least two
     * (a statement also waits for its reads) and at most four, so that a few reports at once do not take every
     * connection of the pool.
     */
    static final int STORE_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * The order of a report's tables: a scheme's declared indicators as its descriptor lists them, then the others
     * (Java indicators, cross-scheme ones) by id.
     */
    static final Comparator<Indicator> ORDER = Comparator
            .comparingInt((Indicator i) -> i instanceof DeclaredIndicator d ? d.position() : Integer.MAX_VALUE)
            .thenComparing(Indicator::id);

    private final Supplier<? extends Collection<Indicator>> indicators;
    private final Supplier<Optional<SubmissionStore>> store;
    private final SubmissionSelector selector;
    private final OrgUnitRegister orgUnits;
    private final Plugins plugins;

    /** Where indicators come from, which schemes each may serve, and who is told of a failure. */
    public interface Plugins {

        /** Every indicator applies to the schemes it names; failures are named by the indicator's class. */
        Plugins OPEN = new Plugins() {
            @Override
            public boolean applies(Indicator indicator, String schemeId) {
                return true;
            }

            @Override
            public String origin(Indicator indicator) {
                return indicator.getClass().getName();
            }

            @Override
            public void failed(Indicator indicator, String reason) {
                // nobody to tell
            }
        };

        /**
         * Whether an indicator may serve a scheme it names.
         *
         * @param indicator the indicator
         * @param schemeId  a scheme among its {@link Indicator#schemes()}
         * @return true when its plugin owns the scheme or is an approved extension of it
         */
        boolean applies(Indicator indicator, String schemeId);

        /**
         * The plugin of an indicator as people know it.
         *
         * @param indicator the indicator
         * @return e.g. the bundle's symbolic name and version
         */
        String origin(Indicator indicator);

        /**
         * An indicator failed.
         *
         * @param indicator the indicator
         * @param reason    what went wrong
         */
        void failed(Indicator indicator, String reason);
    }
    private final IndicatorInput.GrantLookup grants;

    /** The stored reports of a scheme that no longer validate, for the note under each table that includes them. */
    private volatile java.util.function.Function<String, Optional<StoredReportCheck.Invalid>> invalidReports =
            id -> Optional.empty();

    /** How long a Java indicator may compute one table unless told otherwise. */
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(30);

    private volatile java.time.Duration timeout = DEFAULT_TIMEOUT;
    private volatile String timeoutSetting = "tilskudd.indicator.timeout.ms";

    /**
     * Stops waiting for a Java indicator after this long from now on: it is interrupted and abandoned, named as a
     * failure of its plugin, and its table is left out with a note saying so, as for one that throws.
     *
     * @param limit   how long one indicator may compute one table
     * @param setting the setting that gave it, for the failure's wording
     */
    public void useTimeout(java.time.Duration limit, String setting) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("an indicator's time limit must be positive, not " + limit);
        }
        this.timeout = limit;
        this.timeoutSetting = setting;
    }

    /**
     * Notes under every table how many of its reports no longer validate against a current form, from now on.
     *
     * @param check the stored reports of a scheme that no longer validate
     */
    public void useStoredReportCheck(java.util.function.Function<String, Optional<StoredReportCheck.Invalid>> check) {
        this.invalidReports = check == null ? id -> Optional.empty() : check;
    }

    /**
     * Creates the service without a grant register.
     *
     * @param indicators the installed indicators
     * @param store      the store, when installed
     * @param orgUnits   the org-unit register
     */
    public IndicatorRunner(Supplier<? extends Collection<Indicator>> indicators,
            Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits) {
        this(indicators, store, orgUnits, Plugins.OPEN, IndicatorInput.GrantLookup.NONE);
    }

    /**
     * Creates the service with the host's rules for which scheme an indicator may serve, without a grant register.
     *
     * @param indicators the installed indicators
     * @param store      the store, when installed
     * @param orgUnits   the org-unit register
     * @param plugins    which schemes each indicator may serve, and who is told of failures
     */
    public IndicatorRunner(Supplier<? extends Collection<Indicator>> indicators,
            Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits, Plugins plugins) {
        this(indicators, store, orgUnits, plugins, IndicatorInput.GrantLookup.NONE);
    }

    /**
     * Creates the service with a grant register, every indicator serving the schemes it names.
     *
     * @param indicators the installed indicators
     * @param store      the store, when installed
     * @param orgUnits   the org-unit register
     * @param grants     the grant register, for the indicators of who was funded
     */
    public IndicatorRunner(Supplier<? extends Collection<Indicator>> indicators,
            Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits, IndicatorInput.GrantLookup grants) {
        this(indicators, store, orgUnits, Plugins.OPEN, grants);
    }

    /**
     * Creates the service with the host's rules for which scheme an indicator may serve and the grant register.
     *
     * @param indicators the installed indicators
     * @param store      the store, when installed
     * @param orgUnits   the org-unit register
     * @param plugins    which schemes each indicator may serve, and who is told of failures
     * @param grants     the grant register, for the indicators of who was funded
     */
    public IndicatorRunner(Supplier<? extends Collection<Indicator>> indicators,
            Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits, Plugins plugins,
            IndicatorInput.GrantLookup grants) {
        this.indicators = indicators;
        this.store = store;
        this.selector = new SubmissionSelector(store, orgUnits);
        this.orgUnits = orgUnits;
        this.plugins = plugins;
        this.grants = grants;
    }

    @Override
    public Results compute(Selection selection) {
        // Declared indicators are computed in the store where it offers aggregates; the submissions are read (and
        // held) only when a Java indicator needs them.
        Optional<AnswerAggregates> aggregates = store.get().filter(AnswerAggregates.class::isInstance)
                .map(AnswerAggregates.class::cast).map(OneRun::new);
        Set<String> selected = new LinkedHashSet<>(selection.schemeIds());
        Inputs inputs = new Inputs(selection);
        List<Table> tables = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // A cross-scheme indicator (no schemes of its own) is asked for by selecting several schemes; one scheme's
        // report has only what serves that scheme.
        List<Indicator> applicable = indicators.get().stream()
                .filter(i -> i.schemes().isEmpty() ? selection.severalSchemes()
                        : i.schemes().stream().anyMatch(s -> selected.contains(s) && plugins.applies(i, s)))
                .sorted(ORDER)
                .toList();
        Map<String, long[]> invalidOf = new java.util.HashMap<>();
        List<Run> runs = runs(applicable, selection, failures, plugins);
        List<Computed> computed = computeAll(runs, selection, aggregates, inputs);
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            Optional<Table> table = computed.get(r).table();
            failures.addAll(computed.get(r).failures());
            if (table.isPresent()) {
                Set<String> of = new java.util.TreeSet<>(run.indicator().schemes().isEmpty() ? selected
                        : run.indicator().schemes());
                of.retainAll(selected);
                tables.add(withInvalidNote(table.get(), of, selection, aggregates, inputs, invalidOf));
            }
        }
        long count;
        if (aggregates.isPresent()) {
            count = aggregates.get().formsInUse(selector.scope(selected, selection)).stream()
                    .mapToLong(FormUse::submissions).sum();
        } else {
            count = inputs.of(selected).size();
        }
        // A plugin stopped during the run leaves its indicator's object usable, so the run would end with a table
        // from a plugin that is gone (or from the old version of one being replaced): refuse the whole result.
        Collection<Indicator> installed = indicators.get();
        for (Indicator indicator : applicable) {
            if (installed.stream().noneMatch(i -> i == indicator)) {
                throw new SchemeChangedException(selection.schemeId(), "indicator '" + indicator.id() + "' ("
                        + indicator.getClass().getName() + ") of scheme '" + selection.schemeId()
                        + "' was removed or replaced while it ran; its results are refused. Try again.");
            }
        }
        return new Results(count, tables, failures);
    }

    /** One run's table, or the failures that left it out. */
    private record Computed(Optional<Table> table, List<String> failures) {
    }

    /**
     * Computes the runs' tables, in their order. The declared indicators the store computes run at the same time,
     * each on a connection of its own: a report's eight statements took 0.1–0.65 s each one after another
     * (docs/performance.md, fourth round), and each keeps one core busy; Java indicators run one after another on
     * threads of their own, as {@link #bounded} limits them.
     */
    private List<Computed> computeAll(List<Run> runs, Selection selection, Optional<AnswerAggregates> aggregates,
            Inputs inputs) {
        List<java.util.concurrent.Future<Computed>> inStore = new ArrayList<>(java.util.Collections.nCopies(
                runs.size(), null));
        int parallel = 0;
        for (Run run : runs) {
            if (aggregates.isPresent() && run.indicator() instanceof DeclaredIndicator) {
                parallel++;
            }
        }
        java.util.concurrent.ExecutorService workers = parallel < 2 ? null
                : java.util.concurrent.Executors.newFixedThreadPool(Math.min(parallel, STORE_THREADS), r -> {
                    Thread t = new Thread(r, "tilskudd-indicators");
                    t.setDaemon(true);
                    return t;
                });
        try {
            if (workers != null) {
                for (int r = 0; r < runs.size(); r++) {
                    Run run = runs.get(r);
                    if (run.indicator() instanceof DeclaredIndicator) {
                        inStore.set(r, workers.submit(() -> computed(run, selection, aggregates, inputs)));
                    }
                }
            }
            List<Computed> out = new ArrayList<>(runs.size());
            for (int r = 0; r < runs.size(); r++) {
                java.util.concurrent.Future<Computed> f = inStore.get(r);
                out.add(f == null ? computed(runs.get(r), selection, aggregates, inputs) : result(f));
            }
            return out;
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    private Computed computed(Run run, Selection selection, Optional<AnswerAggregates> aggregates, Inputs inputs) {
        List<String> failures = new ArrayList<>();
        return new Computed(table(run, run.indicator(), selection, aggregates, inputs, failures), failures);
    }

    private static Computed result(java.util.concurrent.Future<Computed> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store computed the indicators", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // table() turns an indicator's own failure into a failure line; what reaches here is the engine's.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A note under a table that includes stored reports that no longer validate against a current form (their form
     * is gone, or they fail it now): they are counted, so the table says how many of its reports they are.
     */
    private Table withInvalidNote(Table table, Set<String> schemes, Selection selection,
            Optional<AnswerAggregates> aggregates, Inputs inputs, Map<String, long[]> invalidOf) {
        long invalid = 0;
        long all = 0;
        for (String scheme : schemes) {
            long[] counts = invalidOf.computeIfAbsent(scheme, id -> {
                Optional<StoredReportCheck.Invalid> inv;
                try {
                    inv = invalidReports.apply(id);
                } catch (RuntimeException e) {
                    inv = Optional.empty();
                }
                long bad = inv.map(i -> i.reports().stream().filter(k -> selected(k, selection)).count()).orElse(0L);
                if (bad == 0) {
                    return new long[] {0, 0};
                }
                long n = aggregates.isPresent()
                        ? aggregates.get().formsInUse(selector.scope(Set.of(id), selection)).stream()
                                .mapToLong(FormUse::submissions).sum()
                        : inputs.of(Set.of(id)).size();
                return new long[] {bad, n};
            });
            invalid += counts[0];
            all += counts[1];
        }
        if (invalid == 0) {
            return table;
        }
        List<Table.Note> notes = new ArrayList<>(table.notes());
        notes.add(Table.Note.remark(new LocalizedText(invalid + " av " + all + " rapporter validerer ikke lenger mot "
                + "et gjeldende skjema (skjemaet er borte eller endret); de er talt med her.",
                invalid + " of " + all + " reports no longer validate against a current form (the form is gone or "
                        + "has changed); they are counted here.")));
        return table.withNotes(notes);
    }

    private boolean selected(no.tilskudd.api.submission.SubmissionKey k, Selection selection) {
        if (k.year() < selection.fromYear() || k.year() > selection.toYear()) {
            return false;
        }
        if (!selection.orgUnits().isEmpty() && !selection.orgUnits().contains(k.orgUnit())) {
            return false;
        }
        return selection.regions().isEmpty() || selection.regions().contains(orgUnits.find(k.orgUnit(), k.year())
                .map(u -> u.region()).orElse(""));
    }

    /** Names the failure by the indicator's plugin (in a host its bundle), and tells the plugins' watcher. */
    private String failed(Indicator indicator, String what) {
        String origin;
        try {
            origin = plugins.origin(indicator);
        } catch (RuntimeException e) {
            origin = indicator.getClass().getName();
        }
        try {
            plugins.failed(indicator, "indicator '" + indicator.id() + "' " + what);
        } catch (RuntimeException e) {
            // telling must not change the result
        }
        return indicator.id() + " (" + origin + "): " + what;
    }

    /**
     * Computes one indicator for a publication's table, with the counting unit the table chooses where the
     * indicator is declared.
     *
     * @param selection the selection
     * @param id        the indicator id
     * @param counting  the counting unit, or empty for the indicator's own
     * @param failures  where a failure is described
     * @return the table, or empty when it failed or the indicator is not installed for the selection
     */
    public Optional<Table> computeOne(Selection selection, String id, Optional<IndicatorDefinition.Counting> counting,
            List<String> failures) {
        Optional<AnswerAggregates> aggregates = store.get().filter(AnswerAggregates.class::isInstance)
                .map(AnswerAggregates.class::cast).map(OneRun::new);
        Set<String> selected = new LinkedHashSet<>(selection.schemeIds());
        // asked for by id, a cross-scheme indicator runs for one scheme too
        List<Indicator> applicable = indicators.get().stream().filter(i -> i.id().equals(id))
                .filter(i -> i.schemes().isEmpty()
                        || i.schemes().stream().anyMatch(s -> selected.contains(s) && plugins.applies(i, s)))
                .toList();
        List<Run> runs = runs(applicable, selection, failures, plugins);
        if (runs.isEmpty()) {
            failures.add(id + ": not installed for " + String.join(", ", selection.schemeIds()));
            return Optional.empty();
        }
        Run run = runs.get(0);
        Indicator indicator = run.indicator();
        if (counting.isPresent() && indicator instanceof DeclaredIndicator d) {
            indicator = d.counting(counting.get());
        }
        return table(run, indicator, selection, aggregates, new Inputs(selection), failures);
    }

    private Optional<Table> table(Run run, Indicator indicator, Selection selection,
            Optional<AnswerAggregates> aggregates, Inputs inputs, List<String> failures) {
        try {
            Optional<Table> stored = Optional.empty();
            if (indicator instanceof DeclaredIndicator declared && aggregates.isPresent()) {
                stored = declared.computeStored(aggregates.get(), selector.scope(run.schemes(), selection),
                        orgUnits);
            }
            Table table = stored.isPresent() ? stored.get()
                    : bounded(indicator, new IndicatorInput(selection, inputs.of(run.schemes()), orgUnits::find,
                            grants));
            if (table == null) {
                failures.add(failed(run.indicator(), "returned no table"));
            } else if (table.n().isEmpty()) {
                failures.add(failed(run.indicator(), "returned a table without its N"));
            } else {
                return Optional.of(run.missing().isEmpty() ? table : withMissing(table, run.missing()));
            }
        } catch (TimedOut e) {
            failures.add(failed(run.indicator(), "did not finish within " + e.limit.toMillis() + " ms ("
                    + timeoutSetting + ") and was stopped"));
        } catch (RuntimeException | LinkageError e) {
            failures.add(failed(run.indicator(), "threw " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        return Optional.empty();
    }

    /** An indicator that did not finish in time; not a RuntimeException, so that it is not taken for its own. */
    private static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;
        final transient java.time.Duration limit;

        TimedOut(java.time.Duration limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }

    /**
     * Computes a table on a thread of its own and waits at most the time limit: a Java indicator that loops or waits
     * would otherwise hold the report (and the caller's thread) for ever. One that does not finish is interrupted and
     * abandoned; it cannot be killed, so what it still holds stays held until it returns. The engine's own declared
     * indicators are not limited: they run on the calling thread (or the report's workers), as the store computes
     * them.
     */
    private Table bounded(Indicator indicator, IndicatorInput input) throws TimedOut {
        if (indicator instanceof DeclaredIndicator) {
            return indicator.compute(input);
        }
        java.time.Duration limit = timeout;
        java.util.concurrent.FutureTask<Table> task = new java.util.concurrent.FutureTask<>(() -> indicator.compute(input));
        Thread t = new Thread(task, "tilskudd-indicator-" + indicator.id());
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            throw new TimedOut(limit);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indicator '" + indicator.id() + "' ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * One indicator to run, over the submissions of some schemes (empty: every scheme), with the selected schemes it
     * does not cover.
     */
    private record Run(Indicator indicator, Set<String> schemes, List<String> missing) {
    }

    /**
     * What runs for a selection. For one scheme: every indicator of it, and the cross-scheme ones. For several: a
     * declared indicator once over every selected scheme that has it, when they define it alike (the standard
     * indicators do); a Java indicator of one scheme is left out, as it was written for that scheme's data alone.
     */
    private static List<Run> runs(List<Indicator> applicable, Selection selection, List<String> failures,
            Plugins plugins) {
        List<Run> runs = new ArrayList<>();
        if (!selection.severalSchemes()) {
            for (Indicator i : applicable) {
                runs.add(new Run(i, i.schemes().isEmpty() ? Set.of() : Set.of(selection.schemeId()), List.of()));
            }
            return runs;
        }
        Map<String, List<DeclaredIndicator>> declared = new TreeMap<>();
        for (Indicator i : applicable) {
            if (i.schemes().isEmpty()) {
                runs.add(new Run(i, Set.of(), List.of()));
            } else if (i instanceof DeclaredIndicator d) {
                declared.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(d);
            }
        }
        for (Map.Entry<String, List<DeclaredIndicator>> e : declared.entrySet()) {
            List<DeclaredIndicator> same = e.getValue();
            DeclaredIndicator first = same.get(0);
            if (same.stream().anyMatch(d -> !d.definition().equals(first.definition()))) {
                failures.add(e.getKey() + ": defined differently in the schemes "
                        + same.stream().flatMap(d -> d.schemes().stream()).sorted().toList()
                        + ", so it cannot be computed across them");
                continue;
            }
            Set<String> covered = new LinkedHashSet<>();
            for (String scheme : selection.schemeIds()) {
                if (same.stream().anyMatch(d -> d.schemes().contains(scheme) && plugins.applies(d, scheme))) {
                    covered.add(scheme);
                }
            }
            List<String> missing = selection.schemeIds().stream().filter(x -> !covered.contains(x)).toList();
            runs.add(new Run(DeclaredIndicator.across(same), covered, missing));
        }
        runs.sort(Comparator.comparing(Run::indicator, ORDER));
        return runs;
    }

    private static Table withMissing(Table table, List<String> missing) {
        List<Table.Note> notes = new ArrayList<>(table.notes());
        String names = String.join(", ", missing);
        notes.add(Table.Note.remark(new LocalizedText("Ikke med: " + names + " har ikke denne indikatoren.",
                "Not included: " + names + " does not have this indicator.")));
        return table.withNotes(notes);
    }

    /** The selected submissions, read from the store once per set of schemes, only when a Java indicator asks. */
    private final class Inputs {
        private final Selection selection;
        private final Map<Set<String>, List<Submission>> read = new java.util.HashMap<>();

        Inputs(Selection selection) {
            this.selection = selection;
        }

        /** The submissions of these schemes; empty means every scheme. */
        synchronized List<Submission> of(Set<String> schemes) {
            return read.computeIfAbsent(Set.copyOf(schemes), k -> {
                if (k.size() == 1) {
                    return selector.select(Optional.of(k.iterator().next()), selection);
                }
                List<Submission> all = selector.select(Optional.empty(), selection);
                return k.isEmpty() ? all : all.stream().filter(s -> k.contains(s.schemeId())).toList();
            });
        }
    }

    /**
     * The store's aggregates for one run: every declared indicator and the count of the selection ask for the forms
     * in use of the same scope, and each asking is a scan of the selected submissions' index; asked once per run,
     * a report of eight indicators scans once instead of nine times. Within a run the answer is as live as before:
     * an import during the run may show in one table and not another, as it could without this.
     */
    private static final class OneRun implements AnswerAggregates {
        private final AnswerAggregates store;
        private final java.util.Map<AnswerScope, List<FormUse>> forms =
                new java.util.concurrent.ConcurrentHashMap<>();

        OneRun(AnswerAggregates store) {
            this.store = store;
        }

        @Override
        public List<FormUse> formsInUse(AnswerScope scope) {
            return forms.computeIfAbsent(scope, store::formsInUse);
        }

        @Override
        public no.tilskudd.api.store.Aggregate aggregate(no.tilskudd.api.store.Aggregation aggregation) {
            return store.aggregate(aggregation);
        }
    }
}
