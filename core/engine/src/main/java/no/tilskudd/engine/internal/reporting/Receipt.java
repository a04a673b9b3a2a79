package no.tilskudd.engine.internal.reporting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.store.ReportDraft;

/**
 * The receipt of a submitted browser report as a report model, for the installed PDF exporter: who submitted what,
 * when, and every answer beside its label. A report of one unit, so it is not a published table: no N, nothing
 * suppressed.
 */
final class Receipt {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private Receipt() {
    }

    static Report of(Scheme scheme, FormDefinition form, ReportDraft d, Optional<OrgUnit> unit,
            Map<String, Object> values, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String unitName = d.key().orgUnit() + unit.map(u -> " " + u.name()).orElse("");
        String title = (en ? "Receipt: " : "Kvittering: ") + scheme.name().in(locale) + " " + d.key().year() + ", "
                + unitName;
        String at = TIME.format(d.updated().atZone(OSLO));
        List<ReportBlock> head = new ArrayList<>();
        head.add(new ReportBlock.Paragraph((en ? "The report of " : "Rapporten fra ") + unitName
                + (en ? " to the scheme " : " til ordningen ") + scheme.name().in(locale) + " (" + scheme.id() + ")"
                + (en ? " for " : " for ") + d.key().year() + (en ? " was submitted " : " ble sendt inn ") + at
                + (en ? " (Norwegian time) by " : " (norsk tid) av ") + d.updatedBy() + "."));
        head.add(new ReportBlock.Paragraph((en ? "Version " : "Versjon ") + d.version() + (en ? ", form " : ", skjema ")
                + d.formVersion() + "."));
        List<Table.Row> rows = new ArrayList<>();
        for (Section s : form.sections()) {
            for (Field f : s.fields()) {
                Object v = values.get(f.id());
                if (f.type() == FieldType.GROUP) {
                    List<?> list = v instanceof List<?> l ? l : List.of();
                    for (int i = 0; i < list.size(); i++) {
                        if (!(list.get(i) instanceof Map<?, ?> row)) {
                            continue;
                        }
                        for (Field c : f.fields()) {
                            rows.add(Table.Row.data(f.label().in(locale) + " " + (i + 1) + ": " + c.label().in(locale),
                                    text(c, row.get(c.id()), locale)));
                        }
                    }
                    if (list.isEmpty()) {
                        rows.add(Table.Row.data(f.label().in(locale), "–"));
                    }
                } else {
                    rows.add(Table.Row.data(f.label().in(locale), text(f, v, locale)));
                }
            }
        }
        Table answers = Table.of("answers", new LocalizedText("Svar", "Answers"), List.of(
                new Table.Column("field", new LocalizedText("Spørsmål", "Question"), ValueKind.TEXT),
                new Table.Column("answer", new LocalizedText("Svar", "Answer"), ValueKind.TEXT)), rows);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("scheme", scheme.id());
        meta.put("year", Integer.toString(d.key().year()));
        meta.put("orgUnit", d.key().orgUnit());
        meta.put("version", Integer.toString(d.version()));
        meta.put("submitted", d.updated().toString());
        meta.put("submittedBy", d.updatedBy());
        return new Report(title, en ? "en" : "nb", meta, List.of(
                new ReportSection(en ? "Submission" : "Innsending", head),
                new ReportSection(form.title().in(locale), List.of(answers))), List.of());
    }

    private static String text(Field f, Object v, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        if (v == null || (v instanceof String s && s.isBlank())) {
            return "–";
        }
        return switch (f.type()) {
            case BOOLEAN -> Boolean.TRUE.equals(v) ? (en ? "Yes" : "Ja") : (en ? "No" : "Nei");
            case CHOICE -> f.choice(String.valueOf(v)).map(c -> c.label().in(locale)).orElse(String.valueOf(v));
            case MULTI_CHOICE -> v instanceof List<?> l ? String.join(", ", l.stream().map(code -> f.choice(
                    String.valueOf(code)).map(c -> c.label().in(locale)).orElse(String.valueOf(code))).toList())
                    : String.valueOf(v);
            case AMOUNT -> (v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v)) + " kr";
            default -> v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
        };
    }
}
