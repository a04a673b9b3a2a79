package no.tilskudd.engine.internal.publications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.EditionComparison;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.PublicationEdition;
import no.tilskudd.api.service.PublicationException;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.store.PublicationRecords;
import no.tilskudd.api.store.StoredEdition;
import no.tilskudd.api.store.StoredPublication;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.publications.PublicationDefinition.BlockDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.ChartDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.KeyFigureDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.KeyFiguresDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.ParagraphDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.SectionDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.TableDef;
import no.tilskudd.engine.internal.report.SmallCountSuppression;

/**
 * The publications: those the plugins ship and those analysts upload (the latest revision of each), made into the
 * format-neutral report model, so that every exporter renders them; and their frozen editions.
 */
public final class Publications implements PublicationService {

    private static final Pattern EDITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * A definition a plugin ships.
     *
     * @param file   the resource's name, for messages
     * @param source the plugin, e.g. {@code plugin no.tilskudd.cross.scheme.indicators 0.1.0}
     * @param json   the definition
     */
    public record Shipped(String file, String source, byte[] json) {
        /** Checks the parts. */
        public Shipped {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(json, "json");
        }
    }

    /** A publication as found: its definition, or why it cannot be read. */
    private record Entry(String id, String source, String json, Optional<PublicationDefinition> definition,
            List<String> problems, Optional<StoredPublication> stored) {
    }

    private final SchemeRegistry schemes;
    private final IndicatorRunner runner;
    private final OrgUnitRegister orgUnits;
    private final Supplier<? extends Collection<Indicator>> indicators;
    private final Supplier<Optional<SubmissionStore>> store;
    private final Supplier<Optional<PublicationRecords>> records;
    private final Supplier<? extends Collection<Shipped>> shipped;
    private final Supplier<? extends Collection<ReportExporter>> exporters;
    private final int threshold;
    private final Supplier<Optional<AuditLog>> audit;

    /**
     * Creates the service.
     *
     * @param schemes    the installed schemes
     * @param runner     computes one indicator for a table
     * @param orgUnits   the org-unit register
     * @param indicators the installed indicators, to check definitions against
     * @param store      the submissions, for the list an edition keeps
     * @param records    the uploaded publications and the editions, when the store keeps them
     * @param shipped    the definitions plugins ship
     * @param exporters  the installed report exporters
     * @param threshold  the smallest person count shown in published tables
     * @param audit      the audit trail, where uploads and editions are recorded
     */
    public Publications(SchemeRegistry schemes, IndicatorRunner runner, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Indicator>> indicators, Supplier<Optional<SubmissionStore>> store,
            Supplier<Optional<PublicationRecords>> records, Supplier<? extends Collection<Shipped>> shipped,
            Supplier<? extends Collection<ReportExporter>> exporters, int threshold,
            Supplier<Optional<AuditLog>> audit) {
        this.audit = audit;
        this.schemes = schemes;
        this.runner = runner;
        this.orgUnits = orgUnits;
        this.indicators = indicators;
        this.store = store;
        this.records = records;
        this.shipped = shipped;
        this.exporters = exporters;
        this.threshold = threshold;
    }

    // ------------------------------------------------------------------ finding

    private Map<String, Entry> entries() {
        Map<String, Entry> out = new TreeMap<>();
        for (Shipped s : shipped.get()) {
            String json = new String(s.json(), StandardCharsets.UTF_8);
            try {
                PublicationDefinition d = PublicationFile.read(s.file(), s.json());
                Entry before = out.get(d.id());
                if (before != null) {
                    out.put(d.id(), new Entry(d.id(), before.source(), before.json(), before.definition(),
                            concat(before.problems(), s.file() + ": /id: publication '" + d.id()
                                    + "' is also shipped by " + s.source() + ", which is not used"), Optional.empty()));
                } else {
                    out.put(d.id(), new Entry(d.id(), s.source(), json, Optional.of(d), List.of(), Optional.empty()));
                }
            } catch (DefinitionException e) {
                String id = s.file().replaceAll("^.*/", "").replaceAll("\\.json$", "");
                out.putIfAbsent(id, new Entry(id, s.source(), json, Optional.empty(), List.of(e.getMessage()),
                        Optional.empty()));
            }
        }
        Map<String, StoredPublication> latest = new TreeMap<>();
        records.get().ifPresent(r -> r.publications().forEach(p -> latest.put(p.id(), p)));
        for (StoredPublication p : latest.values()) {
            String source = "uploaded " + p.fileName() + " (revision " + p.revision() + ")";
            if (out.containsKey(p.id())) {
                continue; // refused on upload; a plugin that ships the id later wins, as a shipped id is reserved
            }
            try {
                PublicationDefinition d = PublicationFile.read(p.fileName(),
                        p.definition().getBytes(StandardCharsets.UTF_8));
                out.put(p.id(), new Entry(p.id(), source, p.definition(), Optional.of(d), List.of(), Optional.of(p)));
            } catch (DefinitionException e) {
                out.put(p.id(), new Entry(p.id(), source, p.definition(), Optional.empty(), List.of(e.getMessage()),
                        Optional.of(p)));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private PublicationFile.Installed installed() {
        return new PublicationFile.Installed() {
            @Override
            public Optional<no.tilskudd.api.scheme.Scheme> scheme(String id) {
                return schemes.scheme(id);
            }

            @Override
            public List<Indicator> indicators() {
                return List.copyOf(indicators.get());
            }

            @Override
            public List<String> regions() {
                return orgUnits.regions();
            }
        };
    }

    private List<String> problems(Entry e) {
        List<String> out = new ArrayList<>(e.problems());
        e.definition().ifPresent(d -> out.addAll(PublicationFile.check(d, installed())));
        return out;
    }

    private PublicationInfo info(Entry e) {
        List<PublicationEdition> editions = new ArrayList<>();
        records.get().ifPresent(r -> r.editions(e.id()).forEach(x -> editions.add(edition(x))));
        return new PublicationInfo(e.id(), e.definition().map(PublicationDefinition::version).orElse("?"),
                e.definition().map(PublicationDefinition::title).orElse(LocalizedText.of(e.id())), e.source(),
                e.stored().map(StoredPublication::revision), e.stored().map(StoredPublication::actor),
                e.stored().map(StoredPublication::added), editions, problems(e));
    }

    private static PublicationEdition edition(StoredEdition x) {
        int n;
        try {
            n = Json.MAPPER.readTree(x.submissions()).size();
        } catch (IOException e) {
            n = 0;
        }
        return new PublicationEdition(x.publicationId(), x.edition(), x.source(), x.cutOff(), n, x.actor(),
                x.frozen());
    }

    @Override
    public List<PublicationInfo> publications() {
        return entries().values().stream().map(this::info).toList();
    }

    @Override
    public Optional<PublicationInfo> publication(String id) {
        return Optional.ofNullable(entries().get(id)).map(this::info);
    }

    private Entry entry(String id) {
        Entry e = entries().get(id);
        if (e == null) {
            throw new IllegalArgumentException("no publication '" + id + "' (publications: "
                    + String.join(", ", entries().keySet()) + ")");
        }
        return e;
    }

    private PublicationRecords records() {
        return records.get().orElseThrow(() -> new IllegalStateException(
                "no store is installed, so publications cannot be uploaded or frozen"));
    }

    @Override
    public PublicationInfo add(String fileName, byte[] definition, String actor) {
        PublicationDefinition d;
        try {
            d = PublicationFile.read(fileName, definition);
        } catch (DefinitionException e) {
            throw new PublicationException(List.of(e.getMessage()));
        }
        List<String> problems = PublicationFile.check(d, installed());
        if (!problems.isEmpty()) {
            throw new PublicationException(problems);
        }
        Entry existing = entries().get(d.id());
        if (existing != null && existing.stored().isEmpty()) {
            throw new PublicationException(List.of(fileName + ": /id: publication '" + d.id() + "' is shipped by "
                    + existing.source() + "; give the uploaded one an id of its own"));
        }
        StoredPublication p = records().addPublication(d.id(), fileName,
                new String(definition, StandardCharsets.UTF_8), actor);
        audit.get().ifPresent(a -> a.record(new AuditEntry(actor, "publication.add", p.id(), Map.of("revision",
                String.valueOf(p.revision()), "file", fileName))));
        return info(new Entry(p.id(), "uploaded " + p.fileName() + " (revision " + p.revision() + ")",
                p.definition(), Optional.of(d), List.of(), Optional.of(p)));
    }

    // ------------------------------------------------------------------ computing

    private PublicationDefinition usable(Entry e) {
        List<String> problems = problems(e);
        if (!problems.isEmpty()) {
            throw new PublicationException(problems);
        }
        return e.definition().orElseThrow();
    }

    /** The tables of a definition, live, by their id in the publication, as computed (before suppression). */
    private Map<String, Table> compute(PublicationDefinition d) {
        Map<String, Table> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (TableDef t : d.tables().values()) {
            List<String> failures = new ArrayList<>();
            Optional<Table> table = runner.computeOne(t.selection(), t.indicator(), t.count(), failures);
            if (table.isEmpty()) {
                failures.forEach(f -> problems.add(d.file() + ": " + t.pointer() + "/indicator: " + f));
                continue;
            }
            Table x = table.get();
            x = new Table(t.id(), t.title().orElse(x.title()), x.columns(), x.rows(), x.n(), x.notes(), x.chart(),
                    x.suppression());
            if (t.yearsAsRows()) {
                try {
                    x = YearsAsRows.transpose(x);
                } catch (IllegalArgumentException e) {
                    problems.add(d.file() + ": " + t.pointer() + "/years: " + e.getMessage());
                    continue;
                }
            }
            out.put(t.id(), x);
        }
        if (!problems.isEmpty()) {
            throw new PublicationException(problems);
        }
        return out;
    }

    /** An edition's parts, or the live ones. */
    private record Made(PublicationDefinition definition, Map<String, Table> tables, Optional<StoredEdition> edition,
            String source) {
    }

    private Made made(String id, Optional<String> edition) {
        if (edition.isPresent()) {
            StoredEdition e = records().edition(id, edition.get()).orElseThrow(() -> new IllegalArgumentException(
                    "publication '" + id + "' has no edition '" + edition.get() + "' (editions: "
                            + records().editions(id).stream().map(StoredEdition::edition).toList() + ")"));
            PublicationDefinition d;
            try {
                d = PublicationFile.read(id + " edition " + e.edition(), e.definition()
                        .getBytes(StandardCharsets.UTF_8));
            } catch (DefinitionException x) {
                throw new IllegalStateException("the definition of edition '" + e.edition() + "' cannot be read: "
                        + x.getMessage(), x);
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            TableCodec.read(e.figures()).forEach(t -> tables.put(t.id(), t));
            return new Made(d, tables, Optional.of(e), e.source());
        }
        Entry e = entry(id);
        PublicationDefinition d = usable(e);
        return new Made(d, compute(d), Optional.empty(), e.source());
    }

    @Override
    public Report assemble(String id, Optional<String> edition, ReportOptions options) {
        Made m = made(id, edition);
        return report(m, options);
    }

    private Report report(Made m, ReportOptions options) {
        Locale locale = options.locale();
        boolean en = "en".equals(locale.getLanguage());
        PublicationDefinition d = m.definition();
        Map<String, Table> shown = new LinkedHashMap<>();
        m.tables().forEach((k, t) -> shown.put(k, options.suppressSmallCounts()
                ? SmallCountSuppression.apply(t, threshold) : t));
        List<String> problems = new ArrayList<>();
        List<ReportSection> sections = new ArrayList<>();
        for (SectionDef s : d.sections()) {
            List<ReportBlock> blocks = new ArrayList<>();
            for (BlockDef b : s.blocks()) {
                try {
                    block(b, shown, locale).ifPresent(blocks::add);
                } catch (IllegalArgumentException e) {
                    problems.add(d.file() + ": " + b.pointer() + ": " + e.getMessage());
                }
            }
            sections.add(new ReportSection(s.heading().in(locale), blocks));
        }
        if (!problems.isEmpty()) {
            throw new PublicationException(problems);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(en ? "Publication" : "Publikasjon", d.id() + " " + (en ? "version " : "versjon ") + d.version());
        meta.put(en ? "Edition" : "Utgave", m.edition().map(e -> e.edition() + (en ? ", frozen " : ", frosset ")
                + time(e.frozen()) + (en ? " by " : " av ") + e.actor())
                .orElse(en ? "live figures (not frozen)" : "løpende tall (ikke frosset)"));
        m.edition().ifPresent(e -> meta.put(en ? "Data cut-off" : "Data til og med", time(e.cutOff())));
        Set<String> selections = new LinkedHashSet<>();
        for (TableDef t : d.tables().values()) {
            Selection sel = t.selection();
            selections.add(String.join(", ", sel.schemeIds()) + " " + sel.fromYear()
                    + (sel.toYear() == sel.fromYear() ? "" : "–" + sel.toYear())
                    + (sel.regions().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(sel.regions())) + ")"));
        }
        meta.put(en ? "Selection" : "Utvalg", String.join("; ", selections));
        meta.put(en ? "Definition" : "Definisjon", m.source());
        meta.put(en ? "Privacy" : "Personvern", options.suppressSmallCounts()
                ? (en ? "Counts of persons below " + threshold + " are hidden (–)."
                        : "Antall personer under " + threshold + " er skjult (–).")
                : (en ? "INTERNAL USE ONLY: small counts of persons are NOT hidden. Do not publish."
                        : "KUN TIL INTERN BRUK: små antall personer er IKKE skjult. Skal ikke publiseres."));
        // An edition is the same file whenever it is exported: its time is that of freezing, not of exporting.
        meta.put(en ? "Generated" : "Laget", time(m.edition().map(StoredEdition::frozen).orElse(Instant.now())));
        String title = d.title().in(locale) + m.edition().map(e -> (en ? " (edition " : " (utgave ") + e.edition()
                + ")").orElse("");
        return new Report(title, en ? "en" : "nb-NO", meta, sections, List.of());
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t.atZone(ZoneId.of("Europe/Oslo")));
    }

    private static Optional<ReportBlock> block(BlockDef b, Map<String, Table> tables, Locale locale) {
        if (b instanceof ParagraphDef p) {
            return Optional.of(new ReportBlock.Paragraph(Placeholders.fill(Placeholders.parse(p.text().in(locale)),
                    id -> table(tables, id), locale)));
        }
        if (b instanceof TableDef t) {
            return Optional.of(table(tables, t.id()));
        }
        if (b instanceof ChartDef c) {
            return Optional.of(chart(c, table(tables, c.table()), locale));
        }
        KeyFiguresDef k = (KeyFiguresDef) b;
        List<ReportBlock.KeyFigure> figures = new ArrayList<>();
        for (KeyFigureDef f : k.figures()) {
            Placeholders.Value v = Placeholders.resolve(f.value(), table(tables, f.value().table()));
            // A hidden or empty figure is no headline: it is left out rather than shown as a number it is not.
            v.number().ifPresent(n -> figures.add(new ReportBlock.KeyFigure(f.label().in(locale), n, v.kind())));
        }
        return figures.isEmpty() ? Optional.empty() : Optional.of(new ReportBlock.KeyFigures(figures));
    }

    private static Table table(Map<String, Table> tables, String id) {
        Table t = tables.get(id);
        if (t == null) {
            throw new IllegalArgumentException("table '" + id + "' was not computed");
        }
        return t;
    }

    private static ReportBlock.Chart chart(ChartDef c, Table t, Locale locale) {
        List<String> categories = new ArrayList<>();
        List<Integer> rows = t.rowsOf(Table.RowKind.DATA);
        for (int r : rows) {
            Object label = t.rows().get(r).cellsIn(locale).get(0);
            categories.add(String.valueOf(label));
        }
        List<ReportBlock.Series> series = new ArrayList<>();
        for (String s : c.series()) {
            int col = -1;
            for (int i = 0; i < t.columns().size(); i++) {
                if (t.columns().get(i).id().equals(s)) {
                    col = i;
                }
            }
            if (col < 0) {
                throw new IllegalArgumentException("series '" + s + "': table '" + t.id() + "' has no such column "
                        + "(columns: " + t.columns().stream().map(Table.Column::id).toList() + ")");
            }
            if (t.columns().get(col).kind() != c.unit()) {
                throw new IllegalArgumentException("series '" + s + "' is " + t.columns().get(col).kind().name()
                        .toLowerCase(Locale.ROOT) + ", but the axis shows " + c.unit().name().toLowerCase(Locale.ROOT)
                        + ": one unit per axis");
            }
            List<Number> values = new ArrayList<>();
            for (int r : rows) {
                Object v = t.rows().get(r).cells().get(col);
                values.add(v instanceof Number n ? n : null);
            }
            series.add(new ReportBlock.Series(t.columns().get(col).label().in(locale), values));
        }
        return new ReportBlock.Chart(t.id() + "-chart-" + String.join("-", c.series()), c.title().in(locale),
                c.type(), categories, series, c.unit());
    }

    @Override
    public void writeReport(String id, Optional<String> edition, ReportOptions options, String format,
            OutputStream out) throws IOException {
        ReportExporter exporter = exporters.get().stream().filter(e -> e.format().equals(format)).findFirst()
                .orElseThrow(() -> {
                    Set<String> f = new TreeSet<>();
                    exporters.get().forEach(e -> f.add(e.format()));
                    return new UnknownFormatException(format, f);
                });
        exporter.export(assemble(id, edition, options), out);
    }

    // ------------------------------------------------------------------ editions

    /** A submission as an edition lists it. */
    private record Used(String schemeId, int year, String orgUnit, Instant stored, String source) {
        String key() {
            return schemeId + "/" + year + "/" + orgUnit;
        }
    }

    /** The submissions the tables of a definition are computed from, by scheme, year and org unit. */
    private Map<String, Used> used(PublicationDefinition d) {
        SubmissionStore s = store.get().orElseThrow(() -> new IllegalStateException("no store is installed"));
        Map<String, Used> out = new TreeMap<>();
        Set<Selection> seen = new LinkedHashSet<>();
        for (TableDef t : d.tables().values()) {
            Selection sel = t.selection();
            if (!seen.add(sel)) {
                continue;
            }
            for (String scheme : sel.schemeIds()) {
                for (StoredSubmission x : s.find(SubmissionQuery.scheme(scheme, sel.fromYear(), sel.toYear()))) {
                    var sub = x.submission();
                    if (!sel.regions().isEmpty() && !sel.regions().contains(orgUnits.find(sub.orgUnit(), sub.year())
                            .map(u -> u.region()).orElse(""))) {
                        continue;
                    }
                    Used u = new Used(sub.schemeId(), sub.year(), sub.orgUnit(), x.importedAt(), x.source());
                    out.put(u.key(), u);
                }
            }
        }
        return out;
    }

    private static String usedJson(Collection<Used> used) {
        ArrayNode a = F.arrayNode();
        for (Used u : used) {
            a.addObject().put("scheme", u.schemeId()).put("year", u.year()).put("orgUnit", u.orgUnit())
                    .put("stored", u.stored().toString()).put("source", u.source());
        }
        return a.toString();
    }

    private static Map<String, Used> usedOf(String json) {
        Map<String, Used> out = new TreeMap<>();
        try {
            for (JsonNode n : Json.MAPPER.readTree(json)) {
                Used u = new Used(n.get("scheme").asText(), n.get("year").asInt(), n.get("orgUnit").asText(),
                        Instant.parse(n.get("stored").asText()), n.get("source").asText());
                out.put(u.key(), u);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the edition's list of submissions cannot be read: " + e, e);
        }
        return out;
    }

    @Override
    public PublicationEdition freeze(String id, String edition, String actor) {
        if (!EDITION.matcher(edition).matches()) {
            throw new IllegalArgumentException("edition '" + edition + "' must be letters, digits, '.', '-' or '_' "
                    + "(at most 64), e.g. 2009-11");
        }
        PublicationRecords r = records();
        if (r.edition(id, edition).isPresent()) {
            throw new IllegalArgumentException("publication '" + id + "' already has an edition '" + edition
                    + "'; an edition is frozen once. Choose another name.");
        }
        Entry e = entry(id);
        PublicationDefinition d = usable(e);
        // The figures and the list must be of the same data: an import between the two would make the list lie, so
        // the list is taken before and after, and the figures again until both agree.
        Map<String, Used> before = used(d);
        Map<String, Table> tables = compute(d);
        Map<String, Used> after = used(d);
        for (int attempt = 0; !before.equals(after); attempt++) {
            if (attempt == 3) {
                throw new IllegalStateException("submissions of publication '" + id + "' kept changing while it "
                        + "was frozen; try again when the imports are done");
            }
            before = after;
            tables = compute(d);
            after = used(d);
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Instant cutOff = after.values().stream().map(Used::stored).max(Instant::compareTo).orElse(now);
        StoredEdition stored = new StoredEdition(id, edition, e.source(), e.json(),
                TableCodec.write(List.copyOf(tables.values())), usedJson(after.values()), cutOff, actor, now);
        if (!r.saveEdition(stored)) {
            throw new IllegalArgumentException("publication '" + id + "' already has an edition '" + edition
                    + "' (frozen meanwhile); an edition is frozen once");
        }
        String count = String.valueOf(after.size());
        audit.get().ifPresent(a -> a.record(new AuditEntry(actor, "publication.freeze", id, Map.of("edition",
                edition, "cutOff", cutOff.toString(), "submissions", count))));
        return edition(stored);
    }

    @Override
    public EditionComparison compare(String id, String edition) {
        Made frozen = made(id, Optional.of(edition));
        StoredEdition e = frozen.edition().orElseThrow();
        // The live figures of the edition's own definition: what changed is the data, not the definition.
        Map<String, Table> live = compute(frozen.definition());
        List<EditionComparison.FigureChange> figures = new ArrayList<>();
        for (Map.Entry<String, Table> f : frozen.tables().entrySet()) {
            Table l = live.get(f.getKey());
            diff(f.getKey(), f.getValue(), l, figures);
        }
        Map<String, Used> was = usedOf(e.submissions());
        Map<String, Used> now = used(frozen.definition());
        List<EditionComparison.SubmissionChange> changes = new ArrayList<>();
        Set<String> keys = new TreeSet<>(was.keySet());
        keys.addAll(now.keySet());
        for (String k : keys) {
            Used a = was.get(k);
            Used b = now.get(k);
            EditionComparison.Change c = a == null ? EditionComparison.Change.ADDED
                    : b == null ? EditionComparison.Change.DELETED
                    : a.stored().equals(b.stored()) ? null : EditionComparison.Change.REPLACED;
            if (c != null) {
                Used any = b != null ? b : a;
                changes.add(new EditionComparison.SubmissionChange(c, any.schemeId(), any.year(), any.orgUnit(),
                        Optional.ofNullable(a).map(Used::stored), Optional.ofNullable(b).map(Used::stored),
                        Optional.ofNullable(b).map(Used::source)));
            }
        }
        return new EditionComparison(id, edition, e.cutOff(), figures, changes);
    }

    private static void diff(String id, Table frozen, Table live, List<EditionComparison.FigureChange> out) {
        Optional<String> fn = frozen.n().map(n -> String.valueOf(n.value()));
        Optional<String> ln = live == null ? Optional.empty() : live.n().map(n -> String.valueOf(n.value()));
        if (!fn.equals(ln)) {
            out.add(new EditionComparison.FigureChange(id, "N", "", fn, ln));
        }
        Map<String, Map<String, Object>> a = cells(frozen);
        Map<String, Map<String, Object>> b = live == null ? Map.of() : cells(live);
        Set<String> rows = new LinkedHashSet<>(a.keySet());
        rows.addAll(b.keySet());
        for (String row : rows) {
            Map<String, Object> ra = a.getOrDefault(row, Map.of());
            Map<String, Object> rb = b.getOrDefault(row, Map.of());
            Set<String> cols = new LinkedHashSet<>(ra.keySet());
            cols.addAll(rb.keySet());
            for (String col : cols) {
                Optional<String> x = text(ra.get(col));
                Optional<String> y = text(rb.get(col));
                if (!x.equals(y)) {
                    out.add(new EditionComparison.FigureChange(id, row, col, x, y));
                }
            }
        }
    }

    /** The figures of a table by row label (bokmål) and column id; text cells are labels, not figures. */
    private static Map<String, Map<String, Object>> cells(Table t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Table.Row r : t.rows()) {
            Object first = r.cells().get(0);
            String label = first instanceof LocalizedText l ? l.nb() : String.valueOf(first);
            Map<String, Object> m = out.computeIfAbsent(label, k -> new LinkedHashMap<>());
            for (int c = 1; c < t.columns().size(); c++) {
                Object v = r.cells().get(c);
                if (v == null || v instanceof Number || v instanceof Table.Suppressed) {
                    m.put(t.columns().get(c).id(), v);
                }
            }
        }
        return out;
    }

    private static Optional<String> text(Object v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Double || n instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            return Optional.of(d.stripTrailingZeros().toPlainString());
        }
        return Optional.of("–");
    }
}
