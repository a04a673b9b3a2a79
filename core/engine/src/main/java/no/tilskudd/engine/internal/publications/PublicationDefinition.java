package no.tilskudd.engine.internal.publications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;

/**
 * A publication as read from its definition ({@code docs/publication-format.md}): sections of paragraphs, tables,
 * charts and key figures. Every part keeps its JSON pointer, so that a problem found only when the figures are
 * computed (a row a placeholder names is not in its table) still names the place in the file.
 *
 * @param file     the file name, for messages
 * @param id       the publication id
 * @param version  the version the definition gives itself
 * @param title    the title
 * @param sections the sections in order
 */
public record PublicationDefinition(String file, String id, String version, LocalizedText title,
        List<SectionDef> sections) {

    /** Freezes the list. */
    public PublicationDefinition {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        sections = List.copyOf(sections);
    }

    /**
     * The tables, by their local id, in the order they appear.
     *
     * @return the tables
     */
    public Map<String, TableDef> tables() {
        Map<String, TableDef> out = new LinkedHashMap<>();
        for (SectionDef s : sections) {
            for (BlockDef b : s.blocks()) {
                if (b instanceof TableDef t) {
                    out.put(t.id(), t);
                }
            }
        }
        return out;
    }

    /**
     * A section.
     *
     * @param pointer where it is in the file
     * @param heading the heading
     * @param blocks  the content in order
     */
    public record SectionDef(String pointer, LocalizedText heading, List<BlockDef> blocks) {
        /** Freezes the list. */
        public SectionDef {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    public sealed interface BlockDef permits ParagraphDef, TableDef, ChartDef, KeyFiguresDef {
        /** @return where it is in the file */
        String pointer();
    }

    /**
     * A paragraph whose numbers are placeholders.
     *
     * @param pointer where it is in the file
     * @param text    the text in both languages, with placeholders
     */
    public record ParagraphDef(String pointer, LocalizedText text) implements BlockDef {
    }

    /**
     * A table: an indicator over a selection.
     *
     * @param pointer     where it is in the file
     * @param id          the table's id in the publication, which placeholders and charts name
     * @param indicator   the indicator id
     * @param selection   the schemes, years and regions
     * @param count       the counting unit, when the table chooses one
     * @param yearsAsRows whether the years are rows (the indicator has them as columns)
     * @param title       a caption of the publication's own, instead of the indicator's
     */
    public record TableDef(String pointer, String id, String indicator, Selection selection, Optional<Counting> count,
            boolean yearsAsRows, Optional<LocalizedText> title) implements BlockDef {
    }

    /**
     * A chart of a table of the publication.
     *
     * @param pointer where it is in the file
     * @param table   the table's id
     * @param type    the kind of chart
     * @param series  the table's column ids that are the series, in order
     * @param unit    what the value axis shows (one unit per axis; the axis starts at 0)
     * @param title   the caption
     */
    public record ChartDef(String pointer, String table, ChartType type, List<String> series, ValueKind unit,
            LocalizedText title) implements BlockDef {
        /** Freezes the list. */
        public ChartDef {
            series = List.copyOf(series);
        }
    }

    /**
     * A row of headline numbers.
     *
     * @param pointer where it is in the file
     * @param figures the figures
     */
    public record KeyFiguresDef(String pointer, List<KeyFigureDef> figures) implements BlockDef {
        /** Freezes the list. */
        public KeyFiguresDef {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One headline number.
     *
     * @param pointer where it is in the file
     * @param label   what it is
     * @param value   the figure it shows
     */
    public record KeyFigureDef(String pointer, LocalizedText label, Placeholders.Ref value) {
    }
}
