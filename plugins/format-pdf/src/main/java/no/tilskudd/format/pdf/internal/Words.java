package no.tilskudd.format.pdf.internal;

import no.tilskudd.api.report.ValueKind;

/**
 * The few words the PDF adds around the report's own texts, in the report's language: bokmål unless the report is
 * English.
 *
 * @param contents      the heading of the table of contents
 * @param table         the caption prefix of tables
 * @param figure        the caption prefix of charts
 * @param page          "side" in "side 3 av 12"
 * @param of            "av" in "side 3 av 12"
 * @param hidden        the note for hidden cells, with %d for the threshold
 * @param revealsHidden what it adds when some cells were hidden because a total would reveal a hidden count
 * @param source        the prefix of a note that names a source
 * @param noRows        what an empty table shows
 * @param noData        what an empty chart shows
 * @param dataLeftOut   the cover note when the report carries data tables, with %d for their number
 * @param dataLeftOutKey the cover label of that note
 * @param creator       the document's creator entry
 * @param notShown      a chart value that is not shown (a hidden cell or a gap)
 * @param synthetic     the mark of a report on synthetic demo data, on the cover and in the running header
 * @param syntheticNote what the cover says under that mark
 * @param continued     the caption of a table's further columns, with the caption, the part and the parts
 */
record Words(String contents, String table, String figure, String page, String of, String hidden, String revealsHidden,
        String source, String noRows, String noData, String dataLeftOut, String dataLeftOutKey, String creator,
        String notShown, String synthetic, String syntheticNote, String continued) {

    static final Words BOKMAL = new Words("Innhold", "Tabell", "Figur", "side", "av",
            "Skjult for å verne små grupper: tallet er lavere enn %d",
            ", eller ville avsløre et skjult tall gjennom en sum", "Kilde", "Ingen rader.", "Ingen tall å vise.",
            "Datatabellene (%d) er ikke med i PDF-en, som er laget for lesing. Velg formatet xlsx for å få dem.",
            "Datatabeller", "Tilskudd, PDF-eksport", "ikke vist", "Syntetiske data",
            "Rapportene bak tallene er oppdiktet for å vise verktøyet. Tallene sier ingenting om virkeligheten.",
            "%s, del %d av %d");

    static final Words ENGLISH = new Words("Contents", "Table", "Figure", "page", "of",
            "Hidden to protect small groups: the count is below %d",
            ", or would reveal a hidden count through a total", "Source", "No rows.", "No numbers to show.",
            "The data tables (%d) are left out of this PDF, which is made for reading. Choose the xlsx format for them.",
            "Data tables", "Tilskudd, PDF export", "not shown", "Synthetic data",
            "The reports behind these figures are invented to show the tool. The figures say nothing about reality.",
            "%s, part %d of %d");

    static Words forLanguage(String languageTag) {
        return languageTag.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? ENGLISH : BOKMAL;
    }

    /** What kind of chart it is, as the alternate text begins. */
    String chartKind(no.tilskudd.api.report.ReportBlock.ChartType type) {
        boolean en = this == ENGLISH;
        return switch (type) {
            case BAR -> en ? "Bar chart" : "Stolpediagram";
            case STACKED_BAR -> en ? "Stacked bar chart" : "Stablet stolpediagram";
            case LINE -> en ? "Line chart" : "Linjediagram";
            case PIE -> en ? "Pie chart" : "Sektordiagram";
        };
    }

    /** The value-axis label of a chart. */
    String axis(ValueKind kind) {
        boolean en = this == ENGLISH;
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> en ? "Percent" : "Prosent";
            case AMOUNT -> en ? "NOK" : "Kroner";
            case PERSONS -> en ? "Persons" : "Personer";
            case COUNT -> en ? "Number" : "Antall";
            default -> "";
        };
    }
}
