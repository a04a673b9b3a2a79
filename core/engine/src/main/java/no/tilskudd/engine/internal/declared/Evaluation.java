package no.tilskudd.engine.internal.declared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput.OrgUnitLookup;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Answers;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Code;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Condition;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Dimension;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Measure;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.Values;
import no.tilskudd.engine.internal.standard.indicators.Tables;

/**
 * Computes a declared indicator's table in memory, in one pass over the submissions ({@link #add}), holding per
 * cell only counts and sums, and per unit (for the unit countings) its latest answer or the set of rows it names.
 * A median keeps the values of its cells.
 */
public final class Evaluation {

    /** The key of the row for units the org-unit register does not know. */
    private static final String UNKNOWN_REGION = "\u0000unknown";
    private static final LocalizedText UNKNOWN_LABEL = new LocalizedText("Ukjent", "Unknown");

    /** The form a submission was made against, so that a field it lacks counts as "not asked". */
    @FunctionalInterface
    public interface Forms {
        /**
         * The form of a submission.
         *
         * @param submission the submission
         * @return its form, or empty when it is not known (the fields then count as asked)
         */
        Optional<FormDefinition> formOf(Submission submission);

        /** Forms unknown: every field counts as asked. */
        Forms UNKNOWN = s -> Optional.empty();

        /**
         * The forms of one scheme: the version a submission names, else the form for its year.
         *
         * @param schemeId the scheme
         * @param forms    its forms
         * @return the lookup; submissions of other schemes have no known form
         */
        static Forms ofScheme(String schemeId, List<FormDefinition> forms) {
            List<FormDefinition> copy = List.copyOf(forms);
            return s -> !s.schemeId().equals(schemeId) ? Optional.empty() : s.formVersion()
                    .flatMap(v -> copy.stream().filter(f -> f.version().equals(v)).findFirst())
                    .or(() -> copy.stream().filter(f -> f.coversYear(s.year())).reduce((a, b) -> b));
        }

        /**
         * The forms of every scheme a registry knows, for selections across schemes.
         *
         * @param schemes the scheme by id
         * @return the lookup
         */
        static Forms of(java.util.function.Function<String, Optional<Scheme>> schemes) {
            return s -> schemes.apply(s.schemeId()).flatMap(x -> ofScheme(x.id(), x.forms()).formOf(s));
        }
    }

    private final IndicatorDefinition def;
    private final OrgUnitLookup orgUnits;
    private final Forms forms;
    private final Set<String> fields;
    private final Map<String, Map<String, Cell>> cells = new HashMap<>();
    private final Map<String, Cell> columnTotals = new HashMap<>();
    private final Cell overall;
    /** Which measures need their values kept (medians). */
    private final boolean[] keep;
    private final Map<String, Latest> latest = new HashMap<>();
    private final Map<String, Set<List<String>>> named = new HashMap<>();
    private final Map<String, Set<Integer>> notAsked = new TreeMap<>();
    private final Set<String> seenRows = new TreeSet<>();
    private final Set<String> seenColumns = new TreeSet<>();

    /**
     * Starts an evaluation.
     *
     * @param definition the definition
     * @param orgUnits   the org-unit register, for regions
     * @param forms      the forms of the submissions, for what was not asked
     */
    public Evaluation(IndicatorDefinition definition, OrgUnitLookup orgUnits, Forms forms) {
        this.def = definition;
        this.orgUnits = orgUnits;
        this.forms = forms;
        this.keep = new boolean[definition.measures().size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = definition.measures().get(i).type() == Measure.Type.MEDIAN;
        }
        this.overall = newCell();
        Set<String> used = new LinkedHashSet<>();
        definition.filter().forEach(c -> used.add(c.field()));
        definition.rows().field().ifPresent(used::add);
        definition.columns().flatMap(Dimension::field).ifPresent(used::add);
        definition.measures().forEach(m -> m.field().ifPresent(used::add));
        this.fields = Collections.unmodifiableSet(used);
    }

    /**
     * Takes one submission into account.
     *
     * @param s the submission
     */
    public void add(Submission s) {
        if (!asked(s)) {
            notAsked.computeIfAbsent(s.schemeId(), k -> new TreeSet<>()).add(s.year());
            return;
        }
        if (def.counting() == Counting.ROW) {
            for (Map<String, Object> row : s.rows(def.group().orElseThrow())) {
                consider(s, row);
            }
        } else {
            consider(s, s.values());
        }
    }

    private boolean asked(Submission s) {
        return asks(forms.formOf(s));
    }

    /**
     * Whether a form asks every field the definition uses.
     *
     * @param form the form, if known (an unknown form counts as asking)
     * @return whether its submissions count
     */
    boolean asks(Optional<FormDefinition> form) {
        if (form.isEmpty()) {
            return true;
        }
        if (def.group().isPresent()) {
            Optional<Field> g = form.get().field(def.group().get());
            return g.isPresent() && fields.stream().allMatch(f -> g.get().field(f).isPresent());
        }
        return fields.stream().allMatch(f -> form.get().field(f).isPresent());
    }

    private void consider(Submission s, Map<String, Object> values) {
        for (Condition c : def.filter()) {
            if (!holds(c, values.get(c.field()))) {
                return;
            }
        }
        List<String> rowKeys = keys(def.rows(), s, values);
        if (rowKeys.isEmpty()) {
            return;
        }
        String column = "";
        if (def.columns().isPresent()) {
            List<String> c = keys(def.columns().get(), s, values);
            if (c.isEmpty()) {
                return;
            }
            column = c.get(0);
        }
        BigDecimal[] numbers = new BigDecimal[def.measures().size()];
        for (int i = 0; i < numbers.length; i++) {
            Optional<String> f = def.measures().get(i).field();
            numbers[i] = f.flatMap(x -> Values.number(values.get(x))).orElse(null);
        }
        switch (def.counting()) {
            case REPORT, ROW -> count(column, rowKeys, numbers);
            case SCHEME_UNIT, UNIT -> {
                String unit = def.counting() == Counting.UNIT ? s.orgUnit() : s.schemeId() + "\u0000" + s.orgUnit();
                if (def.answers() == Answers.ANY) {
                    Set<List<String>> pairs = named.computeIfAbsent(unit, u -> new LinkedHashSet<>());
                    for (String r : rowKeys) {
                        pairs.add(List.of(column, r));
                    }
                } else {
                    Latest seen = latest.get(unit);
                    if (seen == null || s.year() > seen.year
                            || s.year() == seen.year && s.schemeId().compareTo(seen.scheme) > 0) {
                        latest.put(unit, new Latest(s.year(), s.schemeId(), column, rowKeys, numbers));
                    }
                }
            }
            default -> throw new IllegalStateException(def.counting().toString());
        }
    }

    private record Latest(int year, String scheme, String column, List<String> rows, BigDecimal[] numbers) {
    }

    private void count(String column, List<String> rowKeys, BigDecimal[] numbers) {
        seenColumns.add(column);
        overall.add(numbers);
        columnTotals.computeIfAbsent(column, c -> newCell()).add(numbers);
        Map<String, Cell> byRow = cells.computeIfAbsent(column, c -> new HashMap<>());
        for (String r : rowKeys) {
            seenRows.add(r);
            byRow.computeIfAbsent(r, x -> newCell()).add(numbers);
        }
    }

    private static boolean holds(Condition c, Object value) {
        return switch (c.op()) {
            case PRESENT -> value instanceof List<?> l ? !l.isEmpty()
                    : value instanceof String t ? !t.isBlank() : value != null;
            case GT, GE, LT, LE -> Values.number(value).map(n -> {
                int cmp = n.compareTo(c.number().orElseThrow());
                return switch (c.op()) {
                    case GT -> cmp > 0;
                    case GE -> cmp >= 0;
                    case LT -> cmp < 0;
                    default -> cmp <= 0;
                };
            }).orElse(false);
            case IN -> value instanceof List<?> ? Values.codes(value).stream().anyMatch(c.codes()::contains)
                    : Values.code(value).map(c.codes()::contains).orElse(false);
            case IS -> Values.flag(value).map(b -> b.equals(c.flag().orElseThrow())).orElse(false);
        };
    }

    /** The keys an item has in a dimension: none when it does not answer, several for a multi-choice. */
    private List<String> keys(Dimension d, Submission s, Map<String, Object> values) {
        switch (d.by()) {
            case YEAR:
                return List.of(String.valueOf(s.year()));
            case SCHEME:
                return List.of(s.schemeId());
            case REGION:
                return List.of(orgUnits.find(s.orgUnit(), s.year()).map(OrgUnit::region).orElse(UNKNOWN_REGION));
            case BAND:
                return Values.number(values.get(d.field().orElseThrow()))
                        .map(n -> List.of(String.valueOf(Bands.band(d.limits(), n)))).orElse(List.of());
            default:
                Object v = values.get(d.field().orElseThrow());
                List<String> given;
                if (v instanceof Boolean b) {
                    given = List.of(b.toString());
                } else if (v instanceof List<?>) {
                    given = Values.codes(v);
                } else {
                    given = Values.code(v).map(List::of).orElse(List.of());
                }
                List<String> out = new ArrayList<>();
                for (Code c : d.codes()) {
                    if (given.contains(c.code())) {
                        out.add(c.code());
                    }
                }
                return out;
        }
    }

    /**
     * The table of an aggregate computed elsewhere (in the store), laid out, labelled and annotated exactly as the
     * table of submissions added one by one. Call it instead of {@link #add}, once.
     *
     * @param aggregate   the cells, column totals and overall total
     * @param skipped     the years per scheme whose forms do not ask what the definition uses
     * @param rowKey      maps a row value of the aggregate to the definition's (an org unit and year to a region)
     * @param columnKey   the same for column values
     * @return the table with its N
     */
    Table table(Aggregate aggregate, Map<String, Set<Integer>> skipped, UnaryOperator<String> rowKey,
            UnaryOperator<String> columnKey) {
        skipped.forEach((scheme, years) -> notAsked.computeIfAbsent(scheme, k -> new TreeSet<>()).addAll(years));
        for (Aggregate.Cell c : aggregate.cells()) {
            String column = columnKey.apply(c.column());
            String row = rowKey.apply(c.row());
            seenColumns.add(column);
            seenRows.add(row);
            cells.computeIfAbsent(column, x -> new HashMap<>()).computeIfAbsent(row, x -> newCell()).add(c);
        }
        for (Aggregate.Cell c : aggregate.columnTotals()) {
            String column = columnKey.apply(c.column());
            seenColumns.add(column);
            columnTotals.computeIfAbsent(column, x -> newCell()).add(c);
        }
        overall.add(aggregate.overall());
        return table();
    }

    /**
     * The table of what was added. Call it once, after the last {@link #add}: it settles the units' answers.
     *
     * @return the table with its N
     */
    public Table table() {
        for (Latest l : latest.values()) {
            count(l.column, l.rows, l.numbers);
        }
        latest.clear();
        BigDecimal[] none = new BigDecimal[def.measures().size()];
        for (Set<List<String>> pairs : named.values()) {
            overall.add(none);
            Set<String> columns = new LinkedHashSet<>();
            for (List<String> p : pairs) {
                if (columns.add(p.get(0))) {
                    seenColumns.add(p.get(0));
                    columnTotals.computeIfAbsent(p.get(0), c -> newCell()).add(none);
                }
                seenRows.add(p.get(1));
                cells.computeIfAbsent(p.get(0), c -> new HashMap<>())
                        .computeIfAbsent(p.get(1), x -> newCell()).add(none);
            }
        }
        named.clear();

        Map<String, LocalizedText> rowValues = values(def.rows(), seenRows);
        Map<String, LocalizedText> columnValues = def.columns().isPresent()
                ? values(def.columns().get(), seenColumns) : Map.of("", LocalizedText.of(""));
        List<Table.Column> columns = new ArrayList<>();
        Dimension.By rowsBy = def.rows().by();
        IndicatorDefinition.Heading heading = def.rows().heading().orElseThrow();
        columns.add(new Table.Column(heading.id(), heading.label(),
                rowsBy == Dimension.By.YEAR ? ValueKind.YEAR : ValueKind.TEXT));
        for (Map.Entry<String, LocalizedText> c : columnValues.entrySet()) {
            for (Measure m : def.measures()) {
                columns.add(new Table.Column(m.id().replace("{column}", c.getKey()),
                        new LocalizedText(m.label().nb().replace("{column}", c.getValue().nb()),
                                m.label().en().replace("{column}", c.getValue().en())), m.kind()));
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        for (Map.Entry<String, LocalizedText> r : rowValues.entrySet()) {
            List<Object> row = new ArrayList<>();
            row.add(rowsBy == Dimension.By.YEAR ? (Object) Long.valueOf(r.getKey()) : r.getValue());
            for (String c : columnValues.keySet()) {
                Cell cell = cells.getOrDefault(c, Map.of()).getOrDefault(r.getKey(), newCell());
                Cell of = columnTotals.getOrDefault(c, newCell());
                for (int i = 0; i < def.measures().size(); i++) {
                    row.add(value(def.measures().get(i), i, cell, of));
                }
            }
            rows.add(new Table.Row(Table.RowKind.DATA, row));
        }
        if (def.total().isPresent()) {
            List<Object> row = new ArrayList<>();
            row.add(def.total().get());
            for (String c : columnValues.keySet()) {
                Cell cell = columnTotals.getOrDefault(c, newCell());
                for (int i = 0; i < def.measures().size(); i++) {
                    Measure m = def.measures().get(i);
                    boolean additive = m.type() == Measure.Type.COUNT || m.type() == Measure.Type.SUM;
                    row.add(additive ? value(m, i, cell, cell) : null);
                }
            }
            rows.add(new Table.Row(Table.RowKind.TOTAL, row));
        }
        Table table = Table.of(def.id(), def.title(), columns, rows);
        table = def.counted().isPresent() ? table.withN(Table.Count.of(overall.count, def.counted().get()))
                : table.withN(overall.count);
        List<Table.Note> notes = new ArrayList<>();
        for (LocalizedText n : def.notes()) {
            notes.add(Table.Note.remark(new LocalizedText(fill(n.nb(), false), fill(n.en(), true))));
        }
        if (!notAsked.isEmpty()) {
            List<String> parts = new ArrayList<>();
            notAsked.forEach((scheme, years) -> parts.add(scheme + " " + String.join(", ",
                    years.stream().map(String::valueOf).toList())));
            String where = String.join("; ", parts);
            notes.add(Table.Note.remark(new LocalizedText(
                    "Ikke spurt i skjemaet for " + where + "; de rapportene er ikke med.",
                    "Not asked in the form for " + where + "; those reports are left out.")));
        }
        if (def.measures().stream().anyMatch(m -> m.type() == Measure.Type.SHARE)) {
            notes.add(Table.Note.remark(Tables.ROUNDING_NOTE));
        }
        notes.add(Table.Note.remark(countingNote(def)));
        table = table.withNotes(notes);
        return def.chart().isPresent() ? table.withChart(def.chart().get()) : table;
    }

    /** The start of every counting note, so that readers (and tests) can tell it from the author's notes. */
    public static final LocalizedText COUNTING_PREFIX = new LocalizedText("Telleenhet: ", "Counted: ");

    /**
     * What one counted item is, in words: a reader comparing tables must know whether N counts reports, units once
     * per scheme or distinct units (the seed's 61/67/64 reports, 86 scheme-units and 67 municipalities and districts
     * come from the same reports).
     */
    static LocalizedText countingNote(IndicatorDefinition def) {
        boolean latest = def.answers() == Answers.LATEST;
        String nb;
        String en;
        switch (def.counting()) {
            case REPORT -> {
                nb = "rapporter. Hver rapport telles for seg, så en kommune eller bydel telles én gang per år og "
                        + "ordning den rapporterte for.";
                en = "reports. Each report counts on its own, so a municipality or district counts once for each "
                        + "year and scheme it reported for.";
            }
            case SCHEME_UNIT -> {
                nb = "kommuner og bydeler per ordning. Hver telles én gang per ordning, " + (latest
                        ? "med det siste svaret den ga i perioden." : "i hver rad som et av svarene i perioden nevner.");
                en = "municipalities and districts per scheme. Each counts once per scheme, " + (latest
                        ? "with the latest answer it gave in the period." : "in each row any of its answers in the "
                                + "period names.");
            }
            case UNIT -> {
                nb = "kommuner og bydeler. Hver telles én gang uansett hvor mange ordninger den rapporterte for, "
                        + (latest ? "med det siste svaret den ga i perioden."
                                : "i hver rad som et av svarene i perioden nevner.");
                en = "municipalities and districts. Each counts once however many schemes it reported for, "
                        + (latest ? "with the latest answer it gave in the period." : "in each row any of its "
                                + "answers in the period names.");
            }
            case ROW -> {
                String group = def.group().orElseThrow();
                LocalizedText what = def.counted().orElse(new LocalizedText("rader i «" + group + "»",
                        "rows of “" + group + "”"));
                nb = what.nb() + ". Hver rad i hver rapport telles for seg.";
                en = what.en() + ". Each row of each report counts on its own.";
            }
            default -> throw new IllegalStateException(def.counting().toString());
        }
        return new LocalizedText(COUNTING_PREFIX.nb() + nb, COUNTING_PREFIX.en() + en);
    }

    private String fill(String text, boolean english) {
        String out = text.replace("{n}", Long.toString(overall.count));
        for (int i = 0; i < def.measures().size(); i++) {
            Measure m = def.measures().get(i);
            String key = "{all:" + m.id() + "}";
            if (out.contains(key)) {
                Object v = value(m, i, overall, overall);
                String shown = v == null ? "–" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
                out = out.replace(key, english ? shown : shown.replace('.', ','));
            }
        }
        return out;
    }

    static LocalizedText regionLabel(String region) {
        return no.tilskudd.engine.internal.orgunits.RegionNames.label(region);
    }

    /** The values of a dimension in table order, with their labels. */
    private static Map<String, LocalizedText> values(Dimension d, Set<String> seen) {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        switch (d.by()) {
            case FIELD -> d.codes().forEach(c -> out.put(c.code(), c.label()));
            case BAND -> {
                for (int i = 0; i < d.bandLabels().size(); i++) {
                    out.put(String.valueOf(i), d.bandLabels().get(i));
                }
            }
            case REGION -> {
                d.regions().forEach(r -> out.put(r, regionLabel(r)));
                seen.stream().filter(r -> !r.equals(UNKNOWN_REGION) && !out.containsKey(r))
                        .forEach(r -> out.put(r, regionLabel(r)));
                if (seen.contains(UNKNOWN_REGION)) {
                    out.put(UNKNOWN_REGION, UNKNOWN_LABEL);
                }
            }
            case YEAR -> seen.stream().map(Integer::valueOf).sorted()
                    .forEach(y -> out.put(String.valueOf(y), LocalizedText.of(String.valueOf(y))));
            case SCHEME -> seen.forEach(s -> out.put(s, LocalizedText.of(s)));
            default -> throw new IllegalStateException(d.by().toString());
        }
        return out;
    }

    private Cell newCell() {
        return new Cell(keep);
    }

    private static Object value(Measure m, int i, Cell cell, Cell of) {
        return switch (m.type()) {
            case COUNT -> cell.count;
            case SHARE -> Percentages.whole(cell.count, of.count);
            case SUM -> m.kind() == ValueKind.AMOUNT || m.kind() == ValueKind.DECIMAL ? cell.sums[i]
                    : (Object) cell.sums[i].longValue();
            case MEAN -> Percentages.mean(cell.sums[i], cell.given[i], m.decimals());
            case MEDIAN -> cell.median(i, m.decimals());
        };
    }

    /** The counted items of a cell, with a sum per measure of the values given. */
    private static final class Cell {
        private long count;
        private final BigDecimal[] sums;
        private final long[] given;
        private final boolean[] keep;
        private List<List<BigDecimal>> values;
        private BigDecimal[] medians;

        Cell(boolean[] keep) {
            this.keep = keep;
            sums = new BigDecimal[keep.length];
            java.util.Arrays.fill(sums, BigDecimal.ZERO);
            given = new long[keep.length];
        }

        void add(BigDecimal[] numbers) {
            count++;
            for (int i = 0; i < numbers.length; i++) {
                if (numbers[i] != null) {
                    sums[i] = sums[i].add(numbers[i]);
                    given[i]++;
                    if (keep[i]) {
                        if (values == null) {
                            values = new ArrayList<>();
                            for (int j = 0; j < numbers.length; j++) {
                                values.add(new ArrayList<>());
                            }
                        }
                        values.get(i).add(numbers[i]);
                    }
                }
            }
        }

        /** Adds an aggregated cell; a median cannot be combined, so a cell takes at most one that has any. */
        void add(Aggregate.Cell cell) {
            count += cell.count();
            for (int i = 0; i < sums.length; i++) {
                sums[i] = sums[i].add(cell.sums().get(i));
                given[i] += cell.given().get(i);
                if (keep[i] && cell.given().get(i) > 0) {
                    if (medians == null) {
                        medians = new BigDecimal[sums.length];
                    }
                    if (medians[i] != null) {
                        throw new IllegalStateException("two medians for one cell cannot be combined");
                    }
                    medians[i] = cell.medians().get(i).orElseThrow(() -> new IllegalStateException(
                            "the aggregate has no median where one was asked for"));
                }
            }
        }

        BigDecimal median(int i, int decimals) {
            if (given[i] == 0) {
                return null;
            }
            if (medians != null && medians[i] != null) {
                return medians[i].setScale(decimals, RoundingMode.HALF_UP);
            }
            List<BigDecimal> v = new ArrayList<>(values.get(i));
            Collections.sort(v);
            int mid = v.size() / 2;
            BigDecimal m = v.size() % 2 == 1 ? v.get(mid)
                    : v.get(mid - 1).add(v.get(mid)).divide(BigDecimal.valueOf(2));
            return m.setScale(decimals, RoundingMode.HALF_UP);
        }
    }
}
