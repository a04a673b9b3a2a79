package no.tilskudd.format.xlsx.internal;

/** The few fixed texts a workbook shows, in bokmål or English. */
record Texts(boolean en) {

    static Texts forLanguage(String languageTag) {
        return new Texts(languageTag != null && languageTag.toLowerCase(java.util.Locale.ROOT).startsWith("en"));
    }

    String t(String nb, String english) {
        return en ? english : nb;
    }

    String cover() {
        return t("Forside", "Cover");
    }

    String contents() {
        return t("Innhold", "Contents");
    }

    String notes() {
        return t("Merknader", "Notes");
    }

    String data() {
        return "Data";
    }

    String chartData() {
        return t("Diagramdata", "Chart data");
    }

    String chartAlt(String title) {
        return t("Diagram: " + title + ".", "Chart: " + title + ".");
    }

    java.util.Locale locale() {
        return en ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("nb-NO");
    }

    /** Why cells are hidden: below the threshold, and (if some are) because a total would reveal a hidden count. */
    String hiddenBecause(int threshold, boolean revealsHidden) {
        return t("tallet er lavere enn " + threshold + (revealsHidden ? ", eller ville avsløre et skjult tall "
                + "gjennom en sum" : ""), "the count is below " + threshold + (revealsHidden ? ", or would reveal a "
                + "hidden count through a total" : ""));
    }

    String source(String text) {
        return t("Kilde: ", "Source: ") + text;
    }

    String suppressedNote(String reasons, String where) {
        return t("– betyr at tallet er skjult av personvernhensyn (" + reasons + "). Gjelder: " + where + ".",
                "– means that the number is hidden to protect privacy (" + reasons + "). In: " + where + ".");
    }

    String suppressedFootnote(String reasons) {
        return t("– Skjult av personvernhensyn: " + reasons + ".", "– Hidden to protect privacy: " + reasons + ".");
    }

    String numbersAsTextNote(String where) {
        return t("Tall som Excel ikke kan lagre nøyaktig (flere enn 15 sifre, eller utenfor Excels tallområde), står "
                + "som tekst, siffer for siffer. Gjelder: " + where + ".", "Numbers that Excel cannot hold exactly "
                + "(more than 15 digits, or outside Excel's range) are written as text, digit for digit. In: " + where
                + ".");
    }

    String numbersAsTextFootnote() {
        return t("Tall med flere enn 15 sifre, eller utenfor Excels tallområde, står som tekst, siffer for siffer.",
                "Numbers of more than 15 digits, or outside Excel's range, are written as text, digit for digit.");
    }

    String dataSheetNote() {
        return t("Datatabellene (arkene som begynner med «Data») er Excel-tabeller som kan brukes i pivottabeller.",
                "The data tables (sheets starting with \"Data\") are Excel tables that can be used in pivot tables.");
    }

    String axisTitle(no.tilskudd.api.report.ValueKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> t("Prosent", "Percent");
            case AMOUNT -> t("Kroner", "NOK");
            case PERSONS -> t("Antall personer", "Persons");
            case COUNT -> t("Antall", "Count");
            case YEAR -> t("År", "Year");
            default -> "";
        };
    }
}
