package no.tilskudd.format.xlsx.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.Section;

/**
 * Where every answer of a form goes in a template workbook. The template writer and the importer both take the cell
 * positions from here, computed from the form definition alone, so that the importer never trusts positions written
 * in the file; the file carries only a fingerprint of this layout to tell that it was made from the same definition.
 *
 * <p>Layout: a cover sheet with the header (scheme, form version, year, org unit); one sheet per section with one row
 * per field (label in A, answer in B, help in C) and, for a multi-choice field, one Ja/Nei row per option under the
 * field's own row; one table sheet per repeating group with one column per row field (one Ja/Nei column per option
 * of a multi-choice row field) and a fixed number of empty rows. Two hidden sheets hold the template's identity and
 * the code lists for the drop-downs.
 */
final class TemplateLayout {

    /** Bump when the layout changes in a way old templates cannot be read with. */
    static final int LAYOUT_VERSION = 1;
    static final String KIND = "tilskudd-mal";
    static final String META_SHEET = "_tilskudd";
    static final String LISTS_SHEET = "_lister";
    static final String COVER_SHEET = "Forside";
    /** Rows of a repeating group when the form sets no maximum, and the most rows a template ever offers. */
    static final int DEFAULT_GROUP_ROWS = 50;
    static final int MAX_GROUP_ROWS = 500;

    static final int LABEL_COL = 0;
    static final int INPUT_COL = 1;
    static final int HELP_COL = 2;

    // cover rows (answers in column B)
    static final int COVER_SCHEME_ROW = 3;
    static final int COVER_VERSION_ROW = 4;
    static final int COVER_YEAR_ROW = 5;
    static final int COVER_ORG_UNIT_ROW = 6;
    static final int COVER_NAME_ROW = 7;
    static final int COVER_HELP_ROW = 9;

    // section sheets
    static final int SECTION_HEADER_ROW = 2;
    static final int SECTION_FIRST_ROW = 3;

    // group sheets
    static final int GROUP_HEADER_ROW = 2;
    static final int GROUP_HELP_ROW = 3;
    static final int GROUP_FIRST_ROW = 4;

    /**
     * One answer cell of a section sheet.
     *
     * @param field  the field
     * @param option for a multi-choice field, the option this Ja/Nei cell is for
     * @param row    the row (0-based)
     */
    record Input(Field field, Optional<Choice> option, int row) {
    }

    /**
     * A row of a section sheet that only labels: a multi-choice field's own row, or a pointer to a group's sheet.
     *
     * @param field the field
     * @param row   the row
     * @param group the group's sheet, for a repeating group
     */
    record Label(Field field, int row, Optional<String> group) {
    }

    /**
     * A section's sheet.
     *
     * @param section the section
     * @param sheet   the sheet name
     * @param inputs  the answer cells, in form order
     * @param labels  rows without an answer cell of their own
     */
    record SectionSheet(Section section, String sheet, List<Input> inputs, List<Label> labels) {
    }

    /**
     * A column of a group sheet.
     *
     * @param field  the row field
     * @param option for a multi-choice row field, the option of this Ja/Nei column
     * @param col    the column (0-based)
     */
    record Column(Field field, Optional<Choice> option, int col) {
    }

    /**
     * A repeating group's sheet.
     *
     * @param group   the group field
     * @param sheet   the sheet name
     * @param rows    how many empty rows the template offers
     * @param columns the columns after the row number in column A
     */
    record GroupSheet(Field group, String sheet, int rows, List<Column> columns) {
        int lastRow() {
            return GROUP_FIRST_ROW + rows - 1;
        }
    }

    final FormDefinition form;
    final List<SectionSheet> sections = new ArrayList<>();
    final List<GroupSheet> groups = new ArrayList<>();
    /** Every visible sheet in workbook order. */
    final List<String> sheetOrder = new ArrayList<>();

    private TemplateLayout(FormDefinition form) {
        this.form = form;
    }

    /**
     * Lays out a form.
     *
     * @param form the form
     * @return the layout
     * @throws IllegalArgumentException for a repeating group inside a repeating group, which a sheet cannot show
     */
    static TemplateLayout of(FormDefinition form) {
        TemplateLayout l = new TemplateLayout(form);
        SheetNames names = new SheetNames();
        names.reserve(META_SHEET);
        names.reserve(LISTS_SHEET);
        l.sheetOrder.add(names.unique(COVER_SHEET, COVER_SHEET));
        for (Section s : form.sections()) {
            List<Field> plain = s.fields().stream().filter(f -> f.type() != FieldType.GROUP).toList();
            List<Field> groupFields = s.fields().stream().filter(f -> f.type() == FieldType.GROUP).toList();
            String sectionSheet = null;
            if (!plain.isEmpty()) {
                sectionSheet = names.unique(s.title().nb(), s.id());
                l.sheetOrder.add(sectionSheet);
            }
            List<String> groupSheets = new ArrayList<>();
            for (Field g : groupFields) {
                String wanted = plain.isEmpty() && groupFields.size() == 1 ? s.title().nb() : g.label().nb();
                String name = names.unique(wanted, g.id());
                groupSheets.add(name);
                l.sheetOrder.add(name);
                l.groups.add(group(g, name));
            }
            if (sectionSheet != null) {
                List<Input> inputs = new ArrayList<>();
                List<Label> labels = new ArrayList<>();
                int row = SECTION_FIRST_ROW;
                int groupIndex = 0;
                for (Field f : s.fields()) {
                    if (f.type() == FieldType.GROUP) {
                        labels.add(new Label(f, row++, Optional.of(groupSheets.get(groupIndex++))));
                    } else if (f.type() == FieldType.MULTI_CHOICE) {
                        labels.add(new Label(f, row++, Optional.empty()));
                        for (Choice c : f.choices()) {
                            inputs.add(new Input(f, Optional.of(c), row++));
                        }
                    } else {
                        inputs.add(new Input(f, Optional.empty(), row++));
                    }
                }
                l.sections.add(new SectionSheet(s, sectionSheet, inputs, labels));
            }
        }
        return l;
    }

    private static GroupSheet group(Field g, String sheet) {
        List<Column> cols = new ArrayList<>();
        int col = 1;
        for (Field f : g.fields()) {
            if (f.type() == FieldType.GROUP) {
                throw new IllegalArgumentException("field '" + g.id() + "." + f.id() + "': a repeating group inside a "
                        + "repeating group cannot be laid out in a workbook template");
            }
            if (f.type() == FieldType.MULTI_CHOICE) {
                for (Choice c : f.choices()) {
                    cols.add(new Column(f, Optional.of(c), col++));
                }
            } else {
                cols.add(new Column(f, Optional.empty(), col++));
            }
        }
        int rows = Math.min(MAX_GROUP_ROWS, g.constraints().maxRows().orElse(DEFAULT_GROUP_ROWS));
        rows = Math.max(rows, Math.min(MAX_GROUP_ROWS, g.constraints().minRows().orElse(1)));
        return new GroupSheet(g, sheet, Math.max(1, rows), cols);
    }

    /**
     * A short digest of everything the importer relies on: sheet names, cell positions, field ids and types, and the
     * codes and labels of the code lists.
     *
     * @return 16 hex digits
     */
    String fingerprint() {
        StringBuilder b = new StringBuilder();
        b.append(LAYOUT_VERSION).append('|').append(form.schemeId()).append('|').append(form.version()).append('\n');
        b.append(String.join("/", sheetOrder)).append('\n');
        for (SectionSheet s : sections) {
            for (Input in : s.inputs()) {
                b.append(s.sheet()).append('!').append(in.row()).append(':').append(describe(in.field()))
                        .append(in.option().map(o -> "=" + o.code()).orElse("")).append('\n');
            }
        }
        for (GroupSheet g : groups) {
            b.append(g.sheet()).append('#').append(g.group().id()).append('x').append(g.rows()).append('\n');
            for (Column c : g.columns()) {
                b.append(c.col()).append(':').append(describe(c.field()))
                        .append(c.option().map(o -> "=" + o.code()).orElse("")).append('\n');
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String describe(Field f) {
        StringBuilder b = new StringBuilder(f.id()).append(' ').append(f.type());
        for (Choice c : f.choices()) {
            b.append(' ').append(c.code()).append('=').append(c.label().nb());
        }
        return b.toString();
    }
}
