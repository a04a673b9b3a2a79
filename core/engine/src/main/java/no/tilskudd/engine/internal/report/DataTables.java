package no.tilskudd.engine.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.submission.Submission;

/**
 * The underlying data of a report as plain tables: one row per submission, and one row per row of each repeating
 * group (e.g. one per measure). Columns are the union of the fields of the forms involved, by field id, so that years
 * with different form versions line up.
 */
final class DataTables {

    private DataTables() {
    }

    private static final LocalizedText YES = new LocalizedText("ja", "yes");
    private static final LocalizedText NO = new LocalizedText("nei", "no");

    static List<Table> build(Scheme scheme, List<Submission> submissions, OrgUnitRegister orgUnits) {
        return build(scheme, submissions, orgUnits, Optional.empty());
    }

    /**
     * The data tables of one scheme.
     *
     * @param ofScheme when several schemes' tables go into one report: the scheme's id, put into each table's id
     *                 and title so that the tables of two schemes stay apart
     */
    static List<Table> build(Scheme scheme, List<Submission> submissions, OrgUnitRegister orgUnits,
            Optional<String> ofScheme) {
        String idPrefix = ofScheme.map(id -> "data-" + id + "-").orElse("data-");
        String titleSuffix = ofScheme.map(id -> " (" + id + ")").orElse("");
        Map<String, Field> topFields = new LinkedHashMap<>();
        Map<String, Map<String, Field>> groups = new LinkedHashMap<>();
        for (FormDefinition form : scheme.forms()) {
            for (Field f : form.fields()) {
                if (f.type() == FieldType.GROUP) {
                    Map<String, Field> cols = groups.computeIfAbsent(f.id(), k -> new LinkedHashMap<>());
                    f.fields().forEach(child -> cols.putIfAbsent(child.id(), child));
                } else {
                    topFields.putIfAbsent(f.id(), f);
                }
            }
        }
        List<Column> head = new ArrayList<>(List.of(
                new Column("year", new LocalizedText("År", "Year"), ValueKind.YEAR),
                new Column("orgUnit", new LocalizedText("Kommunenr.", "Org unit"), ValueKind.TEXT),
                new Column("name", new LocalizedText("Navn", "Name"), ValueKind.TEXT),
                new Column("county", new LocalizedText("Fylke", "County"), ValueKind.TEXT),
                new Column("region", new LocalizedText("Region", "Region"), ValueKind.TEXT),
                new Column("formVersion", new LocalizedText("Skjemaversjon", "Form version"), ValueKind.TEXT)));
        List<Table> tables = new ArrayList<>();

        Map<String, Map<String, LocalizedText>> labels = choiceLabels(scheme);
        List<Column> columns = new ArrayList<>(head);
        topFields.values().forEach(f -> addColumns(columns, f, labels));
        List<Row> rows = new ArrayList<>();
        for (Submission s : submissions) {
            List<Object> row = headCells(s, orgUnits);
            topFields.keySet().forEach(id -> addCells(row, s.values().get(id), labels.get(id)));
            rows.add(new Row(Table.RowKind.DATA, row));
        }
        tables.add(Table.of(idPrefix + "submissions",
                new LocalizedText("Rapporter" + titleSuffix, "Submissions" + titleSuffix), columns, rows)
                .withN(rows.size()));

        for (Map.Entry<String, Map<String, Field>> g : groups.entrySet()) {
            List<Column> gc = new ArrayList<>(head);
            gc.add(new Column("row", new LocalizedText("Rad", "Row"), ValueKind.COUNT));
            g.getValue().values().forEach(f -> addColumns(gc, f, labels));
            List<Row> gr = new ArrayList<>();
            for (Submission s : submissions) {
                List<Map<String, Object>> groupRows = s.rows(g.getKey());
                for (int i = 0; i < groupRows.size(); i++) {
                    List<Object> row = headCells(s, orgUnits);
                    row.add((long) i + 1);
                    Map<String, Object> values = groupRows.get(i);
                    g.getValue().keySet().forEach(id -> addCells(row, values.get(id), labels.get(id)));
                    gr.add(new Row(Table.RowKind.DATA, row));
                }
            }
            LocalizedText groupTitle = groupLabel(scheme, g.getKey());
            tables.add(Table.of(idPrefix + g.getKey(), new LocalizedText(groupTitle.nb() + titleSuffix,
                    groupTitle.en() + titleSuffix), gc, gr)
                    .withN(gr.size()));
        }
        return tables;
    }

    /**
     * A field's column, headed by its label, and for a field with a code list a second column beside it with the
     * answers' labels: an analyst filters on the words and the codes stay for joins and pivots.
     */
    private static void addColumns(List<Column> columns, Field f, Map<String, Map<String, LocalizedText>> labels) {
        if (labels.containsKey(f.id())) {
            columns.add(new Column(f.id(), new LocalizedText(f.label().nb() + " (kode)", f.label().en() + " (code)"),
                    ValueKind.TEXT));
            columns.add(new Column(f.id() + "-label", f.label(), ValueKind.TEXT));
        } else {
            columns.add(new Column(f.id(), f.label(), kind(f)));
        }
    }

    private static void addCells(List<Object> row, Object value, Map<String, LocalizedText> labels) {
        row.add(cell(value));
        if (labels != null) {
            row.add(label(value, labels));
        }
    }

    /** The answer's label in both languages; a code the list lacks is shown as itself. */
    private static Object label(Object value, Map<String, LocalizedText> labels) {
        if (value == null) {
            return null;
        }
        List<?> codes = value instanceof List<?> list ? list : List.of(value);
        List<String> nb = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (Object code : codes) {
            LocalizedText l = labels.get(String.valueOf(code));
            nb.add(l == null ? String.valueOf(code) : l.nb());
            en.add(l == null ? String.valueOf(code) : l.en());
        }
        return new LocalizedText(String.join("; ", nb), String.join("; ", en));
    }

    /** For every field with a code list (in any form of the scheme): code → label, the first form's label first. */
    private static Map<String, Map<String, LocalizedText>> choiceLabels(Scheme scheme) {
        Map<String, Map<String, LocalizedText>> out = new LinkedHashMap<>();
        for (FormDefinition form : scheme.forms()) {
            for (Field f : form.fields()) {
                collectChoices(f, out);
                f.fields().forEach(child -> collectChoices(child, out));
            }
        }
        return out;
    }

    private static void collectChoices(Field f, Map<String, Map<String, LocalizedText>> out) {
        if (!f.choices().isEmpty()) {
            Map<String, LocalizedText> codes = out.computeIfAbsent(f.id(), k -> new LinkedHashMap<>());
            f.choices().forEach(c -> codes.putIfAbsent(c.code(), c.label()));
        }
    }

    private static LocalizedText groupLabel(Scheme scheme, String groupId) {
        for (FormDefinition form : scheme.forms()) {
            for (Field f : form.fields()) {
                if (f.id().equals(groupId)) {
                    return f.label();
                }
            }
        }
        return LocalizedText.of(groupId);
    }

    private static List<Object> headCells(Submission s, OrgUnitRegister orgUnits) {
        Optional<OrgUnit> unit = orgUnits.find(s.orgUnit(), s.year());
        List<Object> row = new ArrayList<>();
        row.add((long) s.year());
        row.add(s.orgUnit());
        row.add(unit.map(OrgUnit::name).orElse(""));
        row.add(unit.map(OrgUnit::county).orElse(""));
        row.add(unit.<Object>map(u -> no.tilskudd.engine.internal.orgunits.RegionNames.label(u.region())).orElse(""));
        row.add(s.formVersion().orElse(""));
        return row;
    }

    private static Object cell(Object v) {
        if (v instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        if (v instanceof Boolean b) {
            return b ? YES : NO;
        }
        // a table cell is text or a number; anything else a plugin's reader stored is shown as its text
        return v == null || v instanceof String || v instanceof Number ? v : String.valueOf(v);
    }

    private static ValueKind kind(Field f) {
        return switch (f.type()) {
            case INTEGER -> ValueKind.COUNT;
            case DECIMAL -> ValueKind.DECIMAL;
            case AMOUNT -> ValueKind.AMOUNT;
            case PERCENT -> ValueKind.PERCENT;
            case YEAR -> ValueKind.YEAR;
            default -> ValueKind.TEXT;
        };
    }
}
