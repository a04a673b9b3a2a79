package no.tilskudd.engine.internal.declared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Answers;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Code;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Condition;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Dimension;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Heading;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Measure;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader.Node;
import no.tilskudd.engine.internal.json.Json;

/**
 * Reads an indicator definition ({@code docs/indicator-format.md}) and checks it against the fields it may name.
 *
 * <p>Reading is strict, as for forms: an unknown property, a field no form has, a code not in the field's code list,
 * a field of the wrong type for its use, or band labels that do not match the bands refuse the definition with the
 * file, the JSON pointer and the reason, because a definition that silently counted nothing would publish zeros.
 */
public final class DefinitionFile {

    /** The format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> KEYS = Set.of("$schema", "formatVersion", "id", "title", "count", "group",
            "answers", "filter", "rows", "columns", "measures", "total", "n", "notes", "chart");
    private static final Set<String> DIMENSION_KEYS = Set.of("by", "field", "id", "label", "codes", "limits",
            "labels", "regions");
    private static final Set<String> MEASURE_KEYS = Set.of("id", "label", "type", "field", "kind", "decimals");
    private static final Set<String> CONDITION_KEYS = Set.of("field", "present", "gt", "ge", "lt", "le", "in", "is");

    private DefinitionFile() {
    }

    /**
     * Reads a definition.
     *
     * @param file       the name to use in messages
     * @param in         the JSON
     * @param vocabulary the fields it may name
     * @return the definition
     * @throws DefinitionException naming the file, the JSON pointer and the reason
     */
    public static IndicatorDefinition read(String file, InputStream in, Vocabulary vocabulary)
            throws DefinitionException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DefinitionException(file + ": not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new Reader(vocabulary).definition(new Node(file, "", json));
    }

    private static final class Reader {
        private final Vocabulary vocabulary;
        private Optional<String> group = Optional.empty();

        Reader(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        IndicatorDefinition definition(Node root) throws DefinitionException {
            root.onlyKeys(KEYS);
            if (root.has("formatVersion") && root.integer("formatVersion") != FORMAT_VERSION) {
                throw root.child("formatVersion").error("format version " + root.integer("formatVersion")
                        + " is not supported (this core reads " + FORMAT_VERSION + ")");
            }
            String id = root.text("id");
            if (!ID.matcher(id).matches()) {
                throw root.child("id").error("indicator id '" + id + "' must be lower case letters, digits and "
                        + "hyphens");
            }
            LocalizedText title = root.bilingual("title");
            Counting counting = root.oneOf("count", Counting.values(), Counting::json);
            if (counting == Counting.ROW) {
                String g = root.text("group");
                Optional<Field> f = vocabulary.field(Optional.empty(), g);
                if (f.isEmpty() || f.get().type() != FieldType.GROUP) {
                    throw root.child("group").error("'" + g + "' is not a repeating group of " + vocabulary.name());
                }
                group = Optional.of(g);
            } else if (root.has("group")) {
                throw root.child("group").error("only a definition that counts rows names a group");
            }
            boolean unitCounting = counting == Counting.SCHEME_UNIT || counting == Counting.UNIT;
            Answers answers = Answers.LATEST;
            if (root.has("answers")) {
                if (!unitCounting) {
                    throw root.child("answers").error("only a definition that counts units says how their answers "
                            + "combine");
                }
                answers = root.oneOf("answers", Answers.values(), a -> a.name().toLowerCase(Locale.ROOT));
            }
            List<Condition> filter = new ArrayList<>();
            if (root.has("filter")) {
                Node list = root.array("filter");
                for (int i = 0; i < list.json().size(); i++) {
                    filter.add(condition(list.index(i)));
                }
            }
            Dimension rows = dimension(root.required("rows"), true);
            Optional<Dimension> columns = root.has("columns")
                    ? Optional.of(dimension(root.child("columns"), false)) : Optional.empty();
            if (columns.isPresent() && columns.get().by() == rows.by() && rows.by() != Dimension.By.FIELD) {
                throw root.child("columns").child("by").error("rows and columns are both by " + lower(rows.by()));
            }
            List<Measure> measures = new ArrayList<>();
            Node list = root.array("measures");
            if (list.json().isEmpty()) {
                throw list.error("needs at least one measure");
            }
            Set<String> ids = new HashSet<>();
            ids.add(rows.heading().orElseThrow().id());
            for (int i = 0; i < list.json().size(); i++) {
                Measure m = measure(list.index(i), columns.isPresent());
                if (!ids.add(m.id())) {
                    throw list.index(i).child("id").error("column id '" + m.id() + "' is used twice");
                }
                if (answers == Answers.ANY && m.field().isPresent()) {
                    throw list.index(i).child("type").error("a " + lower(m.type()) + " needs one answer per unit; "
                            + "with \"answers\": \"any\" only count and share can be computed");
                }
                measures.add(m);
            }
            Optional<LocalizedText> total = Optional.empty();
            if (root.has("total")) {
                if (multiValued(rows) || (answers == Answers.ANY)) {
                    throw root.child("total").error("a unit can fall in several rows here, so a total row would "
                            + "not be the sum of the rows");
                }
                total = Optional.of(root.bilingual("total"));
            }
            Optional<LocalizedText> counted = root.has("n") ? Optional.of(root.bilingual("n")) : Optional.empty();
            List<LocalizedText> notes = new ArrayList<>();
            if (root.has("notes")) {
                Node nl = root.array("notes");
                for (int i = 0; i < nl.json().size(); i++) {
                    Node note = nl.index(i);
                    LocalizedText t = note.asBilingual();
                    for (String text : List.of(t.nb(), t.en())) {
                        java.util.regex.Matcher m = Pattern.compile("\\{all:([^}]*)}").matcher(text);
                        while (m.find()) {
                            String ref = m.group(1);
                            if (measures.stream().noneMatch(x -> x.id().equals(ref))) {
                                throw note.error("the note names measure '" + ref + "', which is not a measure here");
                            }
                        }
                    }
                    notes.add(t);
                }
            }
            Optional<ChartType> chart = root.has("chart")
                    ? Optional.of(root.oneOf("chart", ChartType.values(), c -> lower(c).replace('_', '-')))
                    : Optional.empty();
            return new IndicatorDefinition(id, title, counting, group, answers, filter, rows, columns, measures,
                    total, counted, notes, chart);
        }

        private boolean multiValued(Dimension d) {
            return d.by() == Dimension.By.FIELD
                    && vocabulary.field(group, d.field().orElseThrow()).orElseThrow().type() == FieldType.MULTI_CHOICE;
        }

        private Condition condition(Node c) throws DefinitionException {
            c.onlyKeys(CONDITION_KEYS);
            Field f = field(c, Set.of());
            List<String> ops = new ArrayList<>();
            c.json().fieldNames().forEachRemaining(n -> {
                if (!n.equals("field")) {
                    ops.add(n);
                }
            });
            if (ops.size() != 1) {
                throw c.error("a condition has the field and exactly one of present, gt, ge, lt, le, in, is");
            }
            String op = ops.get(0);
            Node v = c.child(op);
            switch (op) {
                case "present":
                    if (!v.json().isBoolean() || !v.json().booleanValue()) {
                        throw v.error("must be true");
                    }
                    return new Condition(f.id(), Condition.Op.PRESENT, Optional.empty(), List.of(), Optional.empty());
                case "in":
                    if (f.type() != FieldType.CHOICE && f.type() != FieldType.MULTI_CHOICE) {
                        throw c.child("field").error("'" + f.id() + "' is a " + type(f) + " field; 'in' needs a "
                                + "choice or multi-choice field");
                    }
                    if (!v.json().isArray() || v.json().isEmpty()) {
                        throw v.error("must be a non-empty list of codes");
                    }
                    List<String> codes = new ArrayList<>();
                    for (int i = 0; i < v.json().size(); i++) {
                        Node code = v.index(i);
                        codes.add(knownCode(f, code, code.json().isTextual() ? code.json().asText() : null));
                    }
                    return new Condition(f.id(), Condition.Op.IN, Optional.empty(), codes, Optional.empty());
                case "is":
                    if (f.type() != FieldType.BOOLEAN) {
                        throw c.child("field").error("'" + f.id() + "' is a " + type(f) + " field; 'is' needs a "
                                + "yes/no field");
                    }
                    if (!v.json().isBoolean()) {
                        throw v.error("must be true or false");
                    }
                    return new Condition(f.id(), Condition.Op.IS, Optional.empty(), List.of(),
                            Optional.of(v.json().booleanValue()));
                default:
                    if (!f.type().isNumeric()) {
                        throw c.child("field").error("'" + f.id() + "' is a " + type(f) + " field; '" + op
                                + "' needs a number field");
                    }
                    if (!v.json().isNumber()) {
                        throw v.error("must be a number");
                    }
                    return new Condition(f.id(), Condition.Op.valueOf(op.toUpperCase(Locale.ROOT)),
                            Optional.of(v.json().decimalValue()), List.of(), Optional.empty());
            }
        }

        private Dimension dimension(Node d, boolean rows) throws DefinitionException {
            d.onlyKeys(DIMENSION_KEYS);
            Dimension.By by = d.oneOf("by", Dimension.By.values(), lowerName());
            Optional<Heading> heading = Optional.empty();
            if (rows) {
                heading = Optional.of(new Heading(d.text("id"), d.bilingual("label")));
            } else {
                for (String k : List.of("id", "label")) {
                    if (d.has(k)) {
                        throw d.child(k).error("columns take their headings from the measures");
                    }
                }
            }
            Set<String> allowed = switch (by) {
                case FIELD -> Set.of("by", "field", "id", "label", "codes");
                case BAND -> Set.of("by", "field", "id", "label", "limits", "labels");
                case REGION -> Set.of("by", "id", "label", "regions");
                case YEAR, SCHEME -> Set.of("by", "id", "label");
            };
            d.onlyKeys(allowed);
            Optional<String> field = Optional.empty();
            List<Code> codes = new ArrayList<>();
            List<BigDecimal> limits = new ArrayList<>();
            List<LocalizedText> bandLabels = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            if (by == Dimension.By.FIELD) {
                Field f = field(d, Set.of(FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.BOOLEAN));
                field = Optional.of(f.id());
                if (f.type() == FieldType.MULTI_CHOICE && !rows) {
                    throw d.child("field").error("a multi-choice field can only be the rows");
                }
                codes = codes(d, f);
            } else if (by == Dimension.By.BAND) {
                Field f = field(d, Set.of(FieldType.AMOUNT, FieldType.INTEGER, FieldType.DECIMAL,
                        FieldType.PERCENT));
                field = Optional.of(f.id());
                Node l = d.array("limits");
                if (l.json().isEmpty()) {
                    throw l.error("needs at least one limit (two bands)");
                }
                for (int i = 0; i < l.json().size(); i++) {
                    Node x = l.index(i);
                    if (!x.json().isNumber()) {
                        throw x.error("must be a number");
                    }
                    BigDecimal v = x.json().decimalValue();
                    if (!limits.isEmpty() && v.compareTo(limits.get(limits.size() - 1)) <= 0) {
                        throw x.error("band limits must ascend (" + v.toPlainString() + " after "
                                + limits.get(limits.size() - 1).toPlainString() + ")");
                    }
                    limits.add(v);
                }
                if (d.has("labels")) {
                    Node ls = d.array("labels");
                    if (ls.json().size() != limits.size() + 1) {
                        throw ls.error(limits.size() + " limits make " + (limits.size() + 1) + " bands, but "
                                + ls.json().size() + " labels are given");
                    }
                    for (int i = 0; i < ls.json().size(); i++) {
                        bandLabels.add(ls.index(i).asBilingual());
                    }
                } else {
                    bandLabels = Bands.labels(limits);
                }
            } else if (by == Dimension.By.REGION && d.has("regions")) {
                Node rl = d.array("regions");
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < rl.json().size(); i++) {
                    Node r = rl.index(i);
                    if (!r.json().isTextual() || r.json().asText().isBlank()) {
                        throw r.error("must be a region name (text)");
                    }
                    if (!seen.add(r.json().asText())) {
                        throw r.error("region '" + r.json().asText() + "' is listed twice");
                    }
                    regions.add(r.json().asText());
                }
            }
            return new Dimension(by, field, heading, codes, limits, bandLabels, regions);
        }

        private List<Code> codes(Node d, Field f) throws DefinitionException {
            List<Code> out = new ArrayList<>();
            if (f.type() == FieldType.BOOLEAN) {
                if (!d.has("codes")) {
                    return List.of(new Code("true", new LocalizedText("Ja", "Yes")),
                            new Code("false", new LocalizedText("Nei", "No")));
                }
            } else if (!d.has("codes")) {
                // The form's code list, with its labels in both languages.
                for (Choice c : vocabulary.choices(group, f.id())) {
                    out.add(new Code(c.code(), c.label()));
                }
                return out;
            }
            Node list = d.array("codes");
            if (list.json().isEmpty()) {
                throw list.error("needs at least one code");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.json().size(); i++) {
                Node c = list.index(i);
                String code;
                Optional<LocalizedText> label = Optional.empty();
                if (c.json().isTextual()) {
                    code = c.json().asText();
                } else {
                    c.onlyKeys(Set.of("code", "label"));
                    code = c.text("code");
                    label = Optional.of(c.bilingual("label"));
                    c = c.child("code");
                }
                String known = knownCode(f, c, code);
                if (!seen.add(known)) {
                    throw c.error("code '" + known + "' is listed twice");
                }
                LocalizedText fallback = f.type() == FieldType.BOOLEAN
                        ? (known.equals("true") ? new LocalizedText("Ja", "Yes") : new LocalizedText("Nei", "No"))
                        : vocabulary.choices(group, f.id()).stream().filter(x -> x.code().equals(known))
                                .findFirst().orElseThrow().label();
                out.add(new Code(known, label.orElse(fallback)));
            }
            return out;
        }

        private String knownCode(Field f, Node where, String code) throws DefinitionException {
            if (code == null) {
                throw where.error("must be a code (text)");
            }
            if (f.type() == FieldType.BOOLEAN) {
                if (!code.equals("true") && !code.equals("false")) {
                    throw where.error("a yes/no field has the codes true and false, not '" + code + "'");
                }
                return code;
            }
            List<Choice> list = vocabulary.choices(group, f.id());
            if (list.stream().noneMatch(c -> c.code().equals(code))) {
                throw where.error("unknown code '" + code + "' of field '" + f.id() + "' (codes: "
                        + String.join(", ", list.stream().map(Choice::code).toList()) + ")");
            }
            return code;
        }

        private Measure measure(Node m, boolean perColumn) throws DefinitionException {
            m.onlyKeys(MEASURE_KEYS);
            String id = m.text("id");
            LocalizedText label = m.bilingual("label");
            if (perColumn && !id.contains("{column}")) {
                throw m.child("id").error("with columns, a measure's id must contain {column}, so that each "
                        + "column's id is distinct");
            }
            Measure.Type type = m.oneOf("type", Measure.Type.values(), lowerName());
            boolean numeric = type == Measure.Type.SUM || type == Measure.Type.MEAN || type == Measure.Type.MEDIAN;
            Optional<String> field = Optional.empty();
            if (numeric) {
                field = Optional.of(field(m, Set.of(FieldType.AMOUNT, FieldType.INTEGER, FieldType.DECIMAL,
                        FieldType.PERCENT, FieldType.YEAR)).id());
            } else if (m.has("field")) {
                throw m.child("field").error("a " + lower(type) + " counts items and names no field");
            }
            ValueKind kind = switch (type) {
                case COUNT -> ValueKind.COUNT;
                case SHARE -> ValueKind.PERCENT;
                case MEAN, MEDIAN -> ValueKind.DECIMAL;
                case SUM -> vocabulary.field(group, field.get()).orElseThrow().type() == FieldType.AMOUNT
                        ? ValueKind.AMOUNT : ValueKind.COUNT;
            };
            if (m.has("kind")) {
                ValueKind given = m.oneOf("kind", ValueKind.values(), lowerName());
                boolean fits = given == kind || (type == Measure.Type.SUM || type == Measure.Type.COUNT)
                        && (given == ValueKind.PERSONS && kind == ValueKind.COUNT);
                if (!fits) {
                    throw m.child("kind").error("a " + lower(type) + " of this field is " + lower(kind)
                            + (kind == ValueKind.COUNT ? " (or persons)" : ""));
                }
                kind = given;
            }
            int decimals = 0;
            if (m.has("decimals")) {
                if (type != Measure.Type.MEAN && type != Measure.Type.MEDIAN) {
                    throw m.child("decimals").error("only a mean or median has decimals");
                }
                decimals = m.integer("decimals");
                if (decimals < 0 || decimals > 6) {
                    throw m.child("decimals").error("must be from 0 to 6");
                }
            }
            return new Measure(id, label, type, field, kind, decimals);
        }

        private Field field(Node n, Set<FieldType> types) throws DefinitionException {
            String id = n.text("field");
            Optional<Field> f = vocabulary.field(group, id);
            if (f.isEmpty()) {
                throw n.child("field").error("unknown field '" + id + "'" + group.map(g -> " in the rows of '" + g
                        + "'").orElse("") + " (" + vocabulary.name() + " have: " + String.join(", ",
                                vocabulary.ids(group)) + ")");
            }
            if (!types.isEmpty() && !types.contains(f.get().type())) {
                throw n.child("field").error("'" + id + "' is a " + type(f.get()) + " field; here it must be "
                        + String.join(" or ", types.stream().map(t -> t.name().toLowerCase(Locale.ROOT))
                                .sorted().toList()));
            }
            return f.get();
        }

        private static String type(Field f) {
            return f.type().name().toLowerCase(Locale.ROOT);
        }
    }

    private static <E extends Enum<E>> java.util.function.Function<E, String> lowerName() {
        return DefinitionFile::lower;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }


}
