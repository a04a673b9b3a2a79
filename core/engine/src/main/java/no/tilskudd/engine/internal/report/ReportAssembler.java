package no.tilskudd.engine.internal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.TemplateExporter;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;

/** Builds the format-neutral report from the indicators, and hands reports and templates to the exporters. */
public final class ReportAssembler implements ReportService {

    private final SchemeRegistry schemes;
    private final IndicatorService indicators;
    private final SubmissionSelector selector;
    private final int threshold;
    private final OrgUnitRegister orgUnits;
    private final Supplier<? extends Collection<ReportExporter>> exporters;
    private final Supplier<? extends Collection<TemplateExporter>> templates;
    private final Supplier<Optional<GrantService>> grants;

    /**
     * Creates the service.
     *
     * @param schemes    the installed schemes
     * @param indicators the indicator service
     * @param selector   reads the submissions for the data tables
     * @param threshold  the smallest person count shown in published tables
     * @param orgUnits   the org-unit register
     * @param exporters  the installed report exporters
     * @param templates  the installed template exporters
     */
    public ReportAssembler(SchemeRegistry schemes, IndicatorService indicators, SubmissionSelector selector,
            int threshold, OrgUnitRegister orgUnits, Supplier<? extends Collection<ReportExporter>> exporters,
            Supplier<? extends Collection<TemplateExporter>> templates) {
        this(schemes, indicators, selector, threshold, orgUnits, exporters, templates, Optional::empty);
    }

    /**
     * Creates the service, with the response rates of the grant register in the reports.
     *
     * @param schemes    the installed schemes
     * @param indicators the indicator service
     * @param selector   reads the submissions for the data tables
     * @param threshold  the smallest person count shown in published tables
     * @param orgUnits   the org-unit register
     * @param exporters  the installed report exporters
     * @param templates  the installed template exporters
     * @param grants     the grant register, when installed: a report with grants in its years gets a response rate
     */
    public ReportAssembler(SchemeRegistry schemes, IndicatorService indicators, SubmissionSelector selector,
            int threshold, OrgUnitRegister orgUnits, Supplier<? extends Collection<ReportExporter>> exporters,
            Supplier<? extends Collection<TemplateExporter>> templates, Supplier<Optional<GrantService>> grants) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the suppression threshold must be at least 1, not " + threshold);
        }
        this.schemes = schemes;
        this.indicators = indicators;
        this.selector = selector;
        this.threshold = threshold;
        this.orgUnits = orgUnits;
        this.exporters = exporters;
        this.templates = templates;
        this.grants = grants;
    }

    @Override
    public Report assemble(Selection selection, ReportOptions options) {
        boolean en = "en".equals(options.locale().getLanguage());
        List<Scheme> selected = installed(selection);
        IndicatorService.Results results = indicators.compute(selection);
        String years = selection.fromYear() == selection.toYear() ? String.valueOf(selection.fromYear())
                : selection.fromYear() + "–" + selection.toYear();
        Map<String, String> meta = new LinkedHashMap<>();
        if (selected.size() == 1) {
            Scheme scheme = selected.get(0);
            meta.put(en ? "Scheme" : "Ordning", en ? scheme.name().en() : scheme.name().nb());
            meta.put(en ? "Agency" : "Forvaltes av", en ? scheme.agency().en() : scheme.agency().nb());
            meta.put(en ? "Budget line" : "Budsjettpost", scheme.budgetLine());
        } else {
            // Several schemes together: every line names each scheme, so that no reader takes the first for all.
            meta.put(en ? "Schemes" : "Ordninger", String.join("; ", selected.stream()
                    .map(s -> (en ? s.name().en() : s.name().nb()) + " (" + s.id() + ")").toList()));
            meta.put(en ? "Agencies" : "Forvaltes av", perScheme(selected,
                    s -> en ? s.agency().en() : s.agency().nb()));
            meta.put(en ? "Budget lines" : "Budsjettposter", perScheme(selected, Scheme::budgetLine));
        }
        meta.put(en ? "Reporting years" : "Rapporteringsår", years);
        meta.put(en ? "Selection" : "Utvalg", describeSelection(selection, en));
        meta.put(en ? "Reports (N)" : "Antall rapporter (N)", String.valueOf(results.submissions()));
        String source = en ? "Annual reports from municipalities and districts, form "
                : "Årsrapporter fra kommuner og bydeler, skjema ";
        meta.put(en ? "Data source" : "Datakilde", selected.size() == 1
                ? source + forms(selected.get(0), selection)
                : source + perScheme(selected, s -> forms(s, selection).toString()));
        meta.put(en ? "Privacy" : "Personvern", options.suppressSmallCounts()
                ? (en ? "Counts of persons below " + threshold + " are hidden (–)."
                        : "Antall personer under " + threshold + " er skjult (–).")
                : (en ? "INTERNAL USE ONLY: small counts of persons are NOT hidden. Do not publish."
                        : "KUN TIL INTERN BRUK: små antall personer er IKKE skjult. Skal ikke publiseres."));
        if (options.includeData()) {
            meta.put(en ? "Data tables" : "Datagrunnlag", en
                    ? "The data tables hold the reports as submitted, without hidden cells: for internal use."
                    : "Datatabellene viser rapportene slik de ble sendt inn, uten skjulte celler: til intern bruk.");
        }
        meta.put(en ? "Generated" : "Laget", ZonedDateTime.now(ZoneId.of("Europe/Oslo"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));

        // The tables as published (small counts hidden), in the order of the scheme's descriptor; the summary's
        // figures are taken from them, so that it shows nothing a table hides.
        int shownThreshold = options.suppressSmallCounts() ? threshold : 0;
        List<Table> shown = new ArrayList<>();
        Optional<Table> rate = responseRate(selection).map(t -> shownThreshold > 0
                ? SmallCountSuppression.apply(t, shownThreshold) : t);
        rate.ifPresent(shown::add);
        for (Table t : results.tables()) {
            shown.add(shownThreshold > 0 ? SmallCountSuppression.apply(t, shownThreshold) : t);
        }
        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection(en ? "Summary" : "Sammendrag", summary(results, shown, selected.size(),
                options.locale())));
        // Each title once: a table is captioned by its title, its chart by what the chart shows, and the section
        // that holds them has a heading of its own (a section per table would repeat the table's title above it).
        List<ReportBlock> body = new ArrayList<>();
        for (Table t : shown) {
            body.add(t);
            t.chart().flatMap(type -> chart(t, type, options.locale())).ifPresent(body::add);
        }
        if (!body.isEmpty()) {
            sections.add(new ReportSection(en ? "Tables and figures" : "Tabeller og figurer", body));
        }
        List<String> names = selected.stream().map(s -> en ? s.name().en() : s.name().nb()).toList();
        String title = names.size() == 1 ? names.get(0) + " " + years
                : String.join(", ", names.subList(0, names.size() - 1)) + (en ? " and " : " og ")
                        + names.get(names.size() - 1) + " " + years;
        List<Table> data = new ArrayList<>();
        if (options.includeData()) {
            for (Scheme scheme : selected) {
                // One set of data tables per scheme: their forms differ, and a column means one scheme's field.
                data.addAll(DataTables.build(scheme, selector.select(Optional.of(scheme.id()), selection), orgUnits,
                        selected.size() == 1 ? Optional.empty() : Optional.of(scheme.id())));
            }
        }
        selected.forEach(this::unchanged);
        return new Report(title, en ? "en" : "nb-NO", meta, sections, data, options.synthetic());
    }

    /** The selected schemes, each installed, in the order of the selection. */
    private List<Scheme> installed(Selection selection) {
        List<Scheme> selected = new ArrayList<>();
        for (String id : selection.schemeIds()) {
            selected.add(schemes.scheme(id).orElseThrow(() -> new IllegalArgumentException(
                    "scheme '" + id + "' is not installed")));
        }
        return selected;
    }

    private static String perScheme(List<Scheme> selected, java.util.function.Function<Scheme, String> part) {
        return String.join("; ", selected.stream().map(s -> s.id() + ": " + part.apply(s)).toList());
    }

    private static List<String> forms(Scheme scheme, Selection selection) {
        return scheme.forms().stream()
                .filter(f -> f.firstYear() <= selection.toYear() && f.lastYear() >= selection.fromYear())
                .map(FormDefinition::version).toList();
    }

    /** The response-rate table, when a grant register is installed and has grants in the selection's years. */
    private Optional<Table> responseRate(Selection selection) {
        Optional<GrantService> register = grants.get();
        // A response rate is of one scheme's grants; a report of several schemes leaves it to each scheme's own.
        if (register.isEmpty() || selection.severalSchemes()) {
            return Optional.empty();
        }
        try {
            return ResponseRateTable.build(selection, year -> register.get().responses(selection.schemeId(), year),
                    orgUnits);
        } catch (IllegalStateException e) {
            // No store: no grants to count, and the report is of the indicators alone.
            return Optional.empty();
        }
    }

    /**
     * The scheme a report describes must still be the installed one when the report is complete: one removed or
     * replaced in the meantime would leave a report of a plugin that is gone, or of two versions at once.
     */
    private void unchanged(Scheme scheme) {
        if (schemes.scheme(scheme.id()).orElse(null) != scheme) {
            throw new SchemeChangedException(scheme.id(), "scheme '" + scheme.id() + "' (plugin " + scheme.origin()
                    + ") was removed or replaced while its report was made; the report is refused. Try again.");
        }
    }

    private String describeSelection(Selection s, boolean en) {
        List<String> parts = new ArrayList<>();
        if (!s.regions().isEmpty()) {
            parts.add((en ? "regions " : "regioner ") + String.join(", ", new TreeSet<>(s.regions())));
        }
        if (!s.orgUnits().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (String code : new TreeSet<>(s.orgUnits())) {
                names.add(orgUnits.find(code, s.toYear()).map(OrgUnit::name).map(n -> code + " " + n).orElse(code));
            }
            parts.add(String.join(", ", names));
        }
        return parts.isEmpty() ? (en ? "all municipalities and districts" : "alle kommuner og bydeler")
                : String.join("; ", parts);
    }

    /**
     * The summary: the number of reports and, for each table, its key finding in numbers (the largest share of its
     * last percent column, or its total, with N), as key figures and as one sentence each.
     */
    private static List<ReportBlock> summary(IndicatorService.Results results, List<Table> shown, int schemes,
            Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        List<ReportBlock> blocks = new ArrayList<>();
        List<ReportBlock.KeyFigure> figures = new ArrayList<>();
        figures.add(new ReportBlock.KeyFigure(en ? "Reports (N)" : "Rapporter (N)", results.submissions(),
                ValueKind.COUNT));
        List<String> findings = new ArrayList<>();
        for (Table t : shown) {
            finding(t, locale).ifPresent(f -> {
                figures.add(new ReportBlock.KeyFigure(f.label(), f.value(), f.kind()));
                findings.add(f.sentence());
            });
        }
        blocks.add(new ReportBlock.KeyFigures(figures));
        if (!findings.isEmpty()) {
            blocks.add(new ReportBlock.Paragraph(String.join(" ", findings)));
        }
        if (results.tables().isEmpty()) {
            blocks.add(new ReportBlock.Paragraph(schemes == 1
                    ? (en ? "No indicators are installed for this scheme."
                            : "Ingen indikatorer er installert for denne ordningen.")
                    : (en ? "No indicators are installed for these schemes."
                            : "Ingen indikatorer er installert for disse ordningene.")));
        }
        for (String failure : results.failures()) {
            blocks.add(new ReportBlock.Paragraph((en ? "Indicator failed and is left out: "
                    : "Indikatoren feilet og er utelatt: ") + failure));
        }
        return blocks;
    }

    /** A table's key finding: a figure, its label and a sentence that says it with its N. */
    record Finding(String label, Number value, ValueKind kind, String sentence) {
    }

    static Optional<Finding> finding(Table t, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String title = t.title().in(locale);
        String n = t.n().map(c -> " (N = " + c.value() + ")").orElse("");
        int percent = -1;
        for (int c = t.columns().size() - 1; c > 0 && percent < 0; c--) {
            if (t.columns().get(c).kind() == ValueKind.PERCENT) {
                percent = c;
            }
        }
        if (percent > 0) {
            int best = -1;
            BigDecimal max = null;
            for (int r : t.rowsOf(RowKind.DATA)) {
                if (t.rows().get(r).cells().get(percent) instanceof Number v
                        && (max == null || new BigDecimal(v.toString()).compareTo(max) > 0)) {
                    max = new BigDecimal(v.toString());
                    best = r;
                }
            }
            if (best >= 0) {
                Object label = t.rows().get(best).cellsIn(locale).get(0);
                Number v = (Number) t.rows().get(best).cells().get(percent);
                String column = t.columns().get(percent).label().in(locale);
                return Optional.of(new Finding(title + ": " + label, v, ValueKind.PERCENT, title + ": " + label + " "
                        + v + " % (" + column + ")" + n + "."));
            }
            return Optional.empty();
        }
        List<Integer> totals = t.rowsOf(RowKind.TOTAL);
        for (int c = 1; c < t.columns().size() && !totals.isEmpty(); c++) {
            if (t.rows().get(totals.get(0)).cells().get(c) instanceof Number v) {
                String column = t.columns().get(c).label().in(locale);
                return Optional.of(new Finding(title, v, t.kind(totals.get(0), c), title + ": " + v + " "
                        + column.toLowerCase(locale) + (en ? " in all." : " i alt.")));
            }
        }
        return t.n().map(c -> new Finding(title, c.value(), ValueKind.COUNT, title + ": N = " + c.value() + "."));
    }

    /** What a chart of values of a kind by the rows' dimension is called: "Percent by region". */
    private static String chartTitle(ValueKind kind, Table shown, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String what = switch (kind) {
            case PERCENT -> en ? "Percent" : "Prosent";
            case AMOUNT -> en ? "Amount" : "Beløp";
            case PERSONS -> en ? "Persons" : "Personer";
            default -> en ? "Number" : "Antall";
        };
        String by = shown.columns().get(0).label().in(locale).toLowerCase(locale);
        return what + (en ? " by " : " etter ") + by;
    }

    /** A chart of the table's numeric columns, one category per row labelled by the first column. */
    private static Optional<ReportBlock> chart(Table shown, ReportBlock.ChartType type, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Table.Row row : shown.rows()) {
            // Totals and rows of counts (such as N under a percent table) are not categories of the chart.
            if (row.kind() == RowKind.DATA) {
                rows.add(row.cellsIn(locale));
            }
        }
        if (rows.isEmpty() || shown.columns().size() < 2) {
            return Optional.empty();
        }
        List<String> categories = rows.stream().map(r -> String.valueOf(r.get(0))).toList();
        List<ReportBlock.Series> series = new ArrayList<>();
        ValueKind kind = null;
        for (int c = 1; c < shown.columns().size(); c++) {
            Column col = shown.columns().get(c);
            if (col.kind() == ValueKind.TEXT) {
                continue;
            }
            kind = kind == null ? col.kind() : kind;
            if (col.kind() != kind) {
                continue;
            }
            List<Number> values = new ArrayList<>();
            for (List<Object> row : rows) {
                Object v = row.get(c);
                values.add(v instanceof Number n ? n : null);
            }
            series.add(new ReportBlock.Series(col.label().in(locale), values));
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReportBlock.Chart(shown.id() + "-chart", chartTitle(kind, shown, locale), type,
                categories, series, kind));
    }

    @Override
    public Set<String> reportFormats() {
        Set<String> f = new TreeSet<>();
        exporters.get().forEach(e -> f.add(e.format()));
        return f;
    }

    @Override
    public String fileExtension(String format) {
        return exporter(format).fileExtension();
    }

    private ReportExporter exporter(String format) {
        return exporters.get().stream().filter(e -> e.format().equals(format)).findFirst()
                .orElseThrow(() -> new UnknownFormatException(format, reportFormats()));
    }

    @Override
    public void writeReport(Selection selection, ReportOptions options, String format, OutputStream out)
            throws IOException {
        ReportExporter exporter = exporter(format);
        List<Scheme> selected = installed(selection);
        exporter.export(assemble(selection, options), out);
        selected.forEach(this::unchanged);
    }

    @Override
    public Set<String> templateFormats() {
        Set<String> f = new TreeSet<>();
        templates.get().forEach(e -> f.add(e.format()));
        return f;
    }

    @Override
    public void writeTemplate(String schemeId, int year, String format, Optional<String> orgUnit, OutputStream out)
            throws IOException {
        TemplateExporter exporter = templates.get().stream().filter(e -> e.format().equals(format)).findFirst()
                .orElseThrow(() -> new UnknownFormatException(format, templateFormats()));
        Scheme scheme = schemes.scheme(schemeId).orElseThrow(() -> new IllegalArgumentException(
                "scheme '" + schemeId + "' is not installed"));
        FormDefinition form = scheme.formForYear(year).orElseThrow(() -> new IllegalArgumentException(
                "scheme '" + schemeId + "' has no form for " + year + " (has " + scheme.formVersions() + ")"));
        Optional<OrgUnit> unit = Optional.empty();
        if (orgUnit.isPresent()) {
            unit = orgUnits.find(orgUnit.get(), year);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("org unit '" + orgUnit.get() + "' is not in the register");
            }
        }
        exporter.writeTemplate(scheme, form, year, unit, out);
    }

}
