package no.tilskudd.engine.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.TableColumn;
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

    static List<ReportBlock.Table> build(Scheme scheme, List<Submission> submissions, OrgUnitRegister orgUnits,
            boolean en) {
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
        List<TableColumn> head = new ArrayList<>(List.of(
                new TableColumn(en ? "Year" : "År", ValueKind.YEAR),
                new TableColumn(en ? "Org unit" : "Kommunenr.", ValueKind.TEXT),
                new TableColumn(en ? "Name" : "Navn", ValueKind.TEXT),
                new TableColumn(en ? "County" : "Fylke", ValueKind.TEXT),
                new TableColumn(en ? "Region" : "Region", ValueKind.TEXT),
                new TableColumn(en ? "Form version" : "Skjemaversjon", ValueKind.TEXT)));
        List<ReportBlock.Table> tables = new ArrayList<>();

        List<TableColumn> columns = new ArrayList<>(head);
        topFields.values().forEach(f -> columns.add(new TableColumn(f.id(), kind(f))));
        List<List<Object>> rows = new ArrayList<>();
        for (Submission s : submissions) {
            List<Object> row = headCells(s, orgUnits);
            topFields.keySet().forEach(id -> row.add(cell(s.values().get(id))));
            rows.add(row);
        }
        tables.add(new ReportBlock.Table("data-submissions", en ? "Submissions" : "Rapporter", columns, rows,
                Optional.of((long) rows.size()), List.of()));

        for (Map.Entry<String, Map<String, Field>> g : groups.entrySet()) {
            List<TableColumn> gc = new ArrayList<>(head);
            gc.add(new TableColumn(en ? "Row" : "Rad", ValueKind.COUNT));
            g.getValue().values().forEach(f -> gc.add(new TableColumn(f.id(), kind(f))));
            List<List<Object>> gr = new ArrayList<>();
            for (Submission s : submissions) {
                List<Map<String, Object>> groupRows = s.rows(g.getKey());
                for (int i = 0; i < groupRows.size(); i++) {
                    List<Object> row = headCells(s, orgUnits);
                    row.add((long) i + 1);
                    Map<String, Object> values = groupRows.get(i);
                    g.getValue().keySet().forEach(id -> row.add(cell(values.get(id))));
                    gr.add(row);
                }
            }
            tables.add(new ReportBlock.Table("data-" + g.getKey(), g.getKey(), gc, gr, Optional.of((long) gr.size()),
                    List.of()));
        }
        return tables;
    }

    private static List<Object> headCells(Submission s, OrgUnitRegister orgUnits) {
        Optional<OrgUnit> unit = orgUnits.find(s.orgUnit(), s.year());
        List<Object> row = new ArrayList<>();
        row.add((long) s.year());
        row.add(s.orgUnit());
        row.add(unit.map(OrgUnit::name).orElse(""));
        row.add(unit.map(OrgUnit::county).orElse(""));
        row.add(unit.map(OrgUnit::region).orElse(""));
        row.add(s.formVersion().orElse(""));
        return row;
    }

    private static Object cell(Object v) {
        if (v instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        if (v instanceof Boolean b) {
            return b ? "ja" : "nei";
        }
        return v;
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
