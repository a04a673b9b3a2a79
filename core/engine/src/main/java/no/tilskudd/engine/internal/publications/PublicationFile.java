package no.tilskudd.engine.internal.publications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.IndicatorDefinition;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader.Node;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.publications.PublicationDefinition.BlockDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.ChartDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.KeyFigureDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.KeyFiguresDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.ParagraphDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.SectionDef;
import no.tilskudd.engine.internal.publications.PublicationDefinition.TableDef;

/**
 * Reads a publication definition ({@code docs/publication-format.md}) strictly, as forms and indicator definitions
 * are read: an unknown property, a bad year range, a placeholder or chart that names no table of the publication, or
 * a number typed into the text refuses the file with the JSON pointer and the reason. {@link #check} then checks it
 * against what is installed: the schemes, their indicators, the regions and the counting units the indicators offer.
 */
public final class PublicationFile {

    /** The format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> KEYS = Set.of("$schema", "formatVersion", "id", "version", "title", "selection",
            "sections");
    private static final Set<String> SELECTION_KEYS = Set.of("schemes", "years", "regions");
    private static final Set<String> SECTION_KEYS = Set.of("heading", "blocks");
    private static final Set<String> PARAGRAPH_KEYS = Set.of("type", "text");
    private static final Set<String> TABLE_KEYS = Set.of("type", "id", "indicator", "selection", "count", "years",
            "title");
    private static final Set<String> CHART_KEYS = Set.of("type", "table", "chart", "series", "axis", "title");
    private static final Set<String> FIGURES_KEYS = Set.of("type", "figures");

    private PublicationFile() {
    }

    /**
     * Reads a definition.
     *
     * @param file the name to use in messages
     * @param json the definition
     * @return the definition
     * @throws DefinitionException naming the file, the JSON pointer and the reason
     */
    public static PublicationDefinition read(String file, byte[] json) throws DefinitionException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DefinitionException(file + ": not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new DefinitionException(file + ": /: the file is empty");
        }
        return definition(new Node(file, "", root));
    }

    private static PublicationDefinition definition(Node root) throws DefinitionException {
        root.onlyKeys(KEYS);
        if (root.integer("formatVersion") != FORMAT_VERSION) {
            throw root.child("formatVersion").error("format version " + root.integer("formatVersion")
                    + " is not supported (this core reads " + FORMAT_VERSION + ")");
        }
        String id = root.text("id");
        if (!ID.matcher(id).matches()) {
            throw root.child("id").error("publication id '" + id + "' must be lower case letters, digits and "
                    + "hyphens, at most 64");
        }
        String version = root.text("version");
        LocalizedText title = root.bilingual("title");
        Optional<Partial> defaults = root.has("selection") ? Optional.of(partial(root.child("selection")))
                : Optional.empty();
        Node list = root.array("sections");
        if (list.json().isEmpty()) {
            throw list.error("a publication has at least one section");
        }
        List<SectionDef> sections = new ArrayList<>();
        Set<String> tableIds = new HashSet<>();
        List<Pending> references = new ArrayList<>();
        for (int i = 0; i < list.json().size(); i++) {
            Node s = list.index(i);
            s.onlyKeys(SECTION_KEYS);
            LocalizedText heading = s.bilingual("heading");
            Node blocks = s.array("blocks");
            List<BlockDef> out = new ArrayList<>();
            for (int b = 0; b < blocks.json().size(); b++) {
                BlockDef block = block(blocks.index(b), defaults, references);
                if (block instanceof TableDef t && !tableIds.add(t.id())) {
                    throw blocks.index(b).child("id").error("table id '" + t.id() + "' is used twice");
                }
                out.add(block);
            }
            sections.add(new SectionDef(s.path(), heading, out));
        }
        // A placeholder or chart may name a table that comes later in the publication (a summary at the start).
        for (Pending p : references) {
            if (!tableIds.contains(p.table())) {
                throw p.node().error("unknown table '" + p.table() + "' in " + p.what() + " (tables of this "
                        + "publication: " + new java.util.TreeSet<>(tableIds) + ")");
            }
        }
        return new PublicationDefinition(root.file(), id, version, title, sections);
    }

    /** A reference to a table of the publication, checked once every table is read. */
    private record Pending(Node node, String table, String what) {
    }

    /** A selection as written: each part may be left to the publication's. */
    private record Partial(Optional<List<String>> schemes, Optional<int[]> years, Optional<Set<String>> regions) {
    }

    private static Partial partial(Node n) throws DefinitionException {
        n.onlyKeys(SELECTION_KEYS);
        Optional<List<String>> schemes = Optional.empty();
        if (n.has("schemes")) {
            Node list = n.array("schemes");
            if (list.json().isEmpty()) {
                throw list.error("names at least one scheme");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < list.json().size(); i++) {
                Node s = list.index(i);
                if (!s.json().isTextual() || s.json().asText().isBlank()) {
                    throw s.error("a scheme id is text");
                }
                if (ids.contains(s.json().asText())) {
                    throw s.error("scheme '" + s.json().asText() + "' is named twice");
                }
                ids.add(s.json().asText());
            }
            schemes = Optional.of(ids);
        }
        Optional<int[]> years = Optional.empty();
        if (n.has("years")) {
            Node y = n.child("years");
            y.onlyKeys(Set.of("from", "to"));
            int from = y.year("from");
            int to = y.year("to");
            if (to < from) {
                throw y.child("to").error("the years end (" + to + ") before they start (" + from + ")");
            }
            years = Optional.of(new int[] {from, to});
        }
        Optional<Set<String>> regions = Optional.empty();
        if (n.has("regions")) {
            Node list = n.array("regions");
            Set<String> rs = new LinkedHashSet<>();
            for (int i = 0; i < list.json().size(); i++) {
                if (!list.index(i).json().isTextual()) {
                    throw list.index(i).error("a region is text");
                }
                rs.add(list.index(i).json().asText());
            }
            regions = Optional.of(rs);
        }
        return new Partial(schemes, years, regions);
    }

    private static BlockDef block(Node b, Optional<Partial> defaults, List<Pending> references)
            throws DefinitionException {
        String type = b.text("type");
        switch (type) {
            case "paragraph" -> {
                b.onlyKeys(PARAGRAPH_KEYS);
                LocalizedText text = b.bilingual("text");
                placeholders(b.child("text").child("nb"), text.nb(), references);
                placeholders(b.child("text").child("en"), text.en(), references);
                return new ParagraphDef(b.path(), text);
            }
            case "table" -> {
                b.onlyKeys(TABLE_KEYS);
                String id = b.text("id");
                if (!ID.matcher(id).matches()) {
                    throw b.child("id").error("table id '" + id + "' must be lower case letters, digits and "
                            + "hyphens");
                }
                String indicator = b.text("indicator");
                Partial own = b.has("selection") ? partial(b.child("selection"))
                        : new Partial(Optional.empty(), Optional.empty(), Optional.empty());
                List<String> schemes = own.schemes().or(() -> defaults.flatMap(Partial::schemes)).orElseThrow(
                        () -> error(b, "selection", "names no schemes, and the publication has no selection of "
                                + "schemes"));
                int[] years = own.years().or(() -> defaults.flatMap(Partial::years)).orElseThrow(
                        () -> error(b, "selection", "names no years, and the publication has no selection of "
                                + "years"));
                Set<String> regions = own.regions().or(() -> defaults.flatMap(Partial::regions)).orElse(Set.of());
                Optional<Counting> count = b.has("count") ? Optional.of(b.oneOf("count", new Counting[] {
                        Counting.REPORT, Counting.SCHEME_UNIT, Counting.UNIT}, Counting::json)) : Optional.empty();
                boolean rows = b.has("years") && b.oneOf("years", new String[] {"columns", "rows"}, s -> s)
                        .equals("rows");
                Optional<LocalizedText> title = b.has("title") ? Optional.of(b.bilingual("title")) : Optional.empty();
                return new TableDef(b.path(), id, indicator, new Selection(schemes, years[0], years[1], Set.of(),
                        regions), count, rows, title);
            }
            case "chart" -> {
                b.onlyKeys(CHART_KEYS);
                String table = b.text("table");
                references.add(new Pending(b.child("table"), table, "the chart"));
                ChartType chart = b.oneOf("chart", ChartType.values(),
                        c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                Node series = b.array("series");
                if (series.json().isEmpty()) {
                    throw series.error("a chart has at least one series");
                }
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < series.json().size(); i++) {
                    if (!series.index(i).json().isTextual()) {
                        throw series.index(i).error("a series is a column id of the table");
                    }
                    columns.add(series.index(i).json().asText());
                }
                Node axis = b.required("axis");
                axis.onlyKeys(Set.of("unit", "from"));
                ValueKind unit = axis.oneOf("unit", new ValueKind[] {ValueKind.COUNT, ValueKind.PERSONS,
                        ValueKind.AMOUNT, ValueKind.PERCENT, ValueKind.DECIMAL}, k -> k.name().toLowerCase(Locale.ROOT));
                if (axis.has("from") && (!axis.child("from").json().isNumber()
                        || axis.child("from").json().asDouble() != 0)) {
                    throw axis.child("from").error("the value axis starts at 0, so that bars compare by their "
                            + "length");
                }
                return new ChartDef(b.path(), table, chart, columns, unit, b.bilingual("title"));
            }
            case "keyFigures" -> {
                b.onlyKeys(FIGURES_KEYS);
                Node list = b.array("figures");
                if (list.json().isEmpty()) {
                    throw list.error("needs at least one figure");
                }
                List<KeyFigureDef> figures = new ArrayList<>();
                for (int i = 0; i < list.json().size(); i++) {
                    Node f = list.index(i);
                    f.onlyKeys(Set.of("label", "value"));
                    String value = f.text("value");
                    Placeholders.Ref ref;
                    try {
                        ref = Placeholders.ref(value.startsWith("{") && value.endsWith("}")
                                ? value.substring(1, value.length() - 1) : value);
                    } catch (IllegalArgumentException e) {
                        throw f.child("value").error(e.getMessage());
                    }
                    references.add(new Pending(f.child("value"), ref.table(), "{" + ref + "}"));
                    figures.add(new KeyFigureDef(f.path(), f.bilingual("label"), ref));
                }
                return new KeyFiguresDef(b.path(), figures);
            }
            default -> throw b.child("type").error("unknown block type '" + type + "' (allowed: paragraph, table, "
                    + "chart, keyFigures)");
        }
    }

    private static DefinitionException error(Node n, String key, String reason) {
        return n.child(key).error(reason);
    }

    private static void placeholders(Node n, String text, List<Pending> references) throws DefinitionException {
        try {
            for (Placeholders.Part p : Placeholders.parse(text)) {
                if (p instanceof Placeholders.Figure f) {
                    references.add(new Pending(n, f.ref().table(), "{" + f.ref() + "}"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    /** What is installed, for {@link #check}. */
    public interface Installed {
        /**
         * @param id a scheme id
         * @return the scheme, if installed
         */
        Optional<Scheme> scheme(String id);

        /** @return the installed indicators */
        List<Indicator> indicators();

        /** @return the org-unit register's regions */
        List<String> regions();
    }

    /**
     * Checks a definition against what is installed: every table's schemes are installed and have its indicator,
     * its regions are regions of the register, and the counting unit and years as rows are ones the indicator
     * offers.
     *
     * @param def       the definition
     * @param installed what is installed
     * @return the problems, each {@code file: /pointer: reason}; empty when it can be made
     */
    public static List<String> check(PublicationDefinition def, Installed installed) {
        List<String> problems = new ArrayList<>();
        List<Indicator> indicators = installed.indicators();
        for (TableDef t : def.tables().values()) {
            String at = def.file() + ": " + t.pointer();
            for (String s : t.selection().schemeIds()) {
                if (installed.scheme(s).isEmpty()) {
                    problems.add(at + "/selection/schemes: scheme '" + s + "' is not installed");
                }
            }
            for (String r : t.selection().regions()) {
                if (!installed.regions().contains(r)) {
                    problems.add(at + "/selection/regions: unknown region '" + r + "' (regions: "
                            + installed.regions() + ")");
                }
            }
            List<Indicator> same = indicators.stream().filter(i -> i.id().equals(t.indicator())).toList();
            List<String> lacking = t.selection().schemeIds().stream().filter(s -> installed.scheme(s).isPresent())
                    .filter(s -> same.stream().noneMatch(i -> i.schemes().isEmpty() || i.schemes().contains(s)))
                    .toList();
            if (same.isEmpty()) {
                Set<String> known = new java.util.TreeSet<>();
                indicators.forEach(i -> known.add(i.id()));
                problems.add(at + "/indicator: unknown indicator '" + t.indicator() + "' (installed indicators: "
                        + String.join(", ", known) + ")");
                continue;
            }
            if (!lacking.isEmpty()) {
                problems.add(at + "/indicator: indicator '" + t.indicator() + "' is not one of scheme "
                        + String.join(", ", lacking));
                continue;
            }
            Optional<IndicatorDefinition> declared = same.stream().filter(DeclaredIndicator.class::isInstance)
                    .map(i -> ((DeclaredIndicator) i).definition()).findFirst();
            if (t.count().isPresent()) {
                if (declared.isEmpty()) {
                    problems.add(at + "/count: indicator '" + t.indicator() + "' is computed by a plugin's code, "
                            + "which fixes what it counts; leave count out");
                } else if (declared.get().counting() == Counting.ROW) {
                    problems.add(at + "/count: indicator '" + t.indicator() + "' counts rows of '"
                            + declared.get().group().orElse("?") + "'; only indicators that count reports or units "
                            + "may count another of them");
                }
            }
            if (t.yearsAsRows() && (declared.isEmpty() || declared.get().columns()
                    .filter(c -> c.by() == IndicatorDefinition.Dimension.By.YEAR).isEmpty())) {
                problems.add(at + "/years: indicator '" + t.indicator() + "' has no column per year to turn into "
                        + "rows");
            }
        }
        return problems;
    }
}
