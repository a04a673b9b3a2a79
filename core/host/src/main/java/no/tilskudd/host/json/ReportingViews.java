package no.tilskudd.host.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Constraints;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.ReportCheck;
import no.tilskudd.api.service.ReportForm;
import no.tilskudd.api.service.ReportState;
import no.tilskudd.api.service.ReportingAssignments;
import no.tilskudd.api.service.ReportingStatus;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.submission.Violation;

/**
 * The JSON documents of browser reporting ({@code /api/reporting/...}, {@code tilskudd reporting status --json}), and
 * the reminder list as CSV. Texts are in the language asked for; where nynorsk is asked and a text has none, the
 * bokmål text is given and the object that carries it says {@code "fallback": "nb"}.
 *
 * @since 1.4
 */
public final class ReportingViews {

    /** The languages a form may be asked for; nynorsk falls back to bokmål text by text. */
    public static final List<String> LANGUAGES = List.of("nb", "nn", "en");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReportingViews() {
    }

    /**
     * The locale of a {@code lang} parameter: {@code en}, {@code nn}, and bokmål for anything else.
     *
     * @param lang the parameter, or null
     * @return the locale
     */
    public static Locale locale(String lang) {
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag("nn".equals(lang) ? "nn" : "nb");
    }

    /**
     * A text in a language: the one place browser reporting picks a language, so that texts and their fallback
     * notes agree.
     *
     * @param text   the text
     * @param locale the language
     * @return the text in that language, or in bokmål where it has none
     */
    public static String text(LocalizedText text, Locale locale) {
        return text.in(locale);
    }

    /**
     * Whether {@link #text} gives bokmål in place of the language asked: nynorsk asked, and the text has none.
     *
     * @param text   the text
     * @param locale the language
     * @return true when the bokmål text stands in
     */
    public static boolean fallsBack(LocalizedText text, Locale locale) {
        // not "the text equals the bokmål one": many words are the same in both (Kategori, Tiltak, Usikker)
        return text.fallsBack(locale);
    }

    /**
     * {@code GET /api/reporting/assignments}.
     *
     * @param a      the assignments
     * @param locale the language of scheme names
     * @return {@code {"units":[{"code","name","region"}], "forms":[{"scheme","schemeName","year","formVersion"}],
     *         "reports":[{"scheme","year","orgUnit","status","version","updated","updatedBy"}]}}
     */
    public static Map<String, Object> assignments(ReportingAssignments a, Locale locale) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (OrgUnit u : a.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.code());
            m.put("name", u.name());
            m.put("region", u.region());
            units.add(m);
        }
        List<Map<String, Object>> forms = new ArrayList<>();
        for (ReportForm f : a.forms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", f.scheme().id());
            m.put("schemeName", text(f.scheme().name(), locale));
            m.put("year", f.year());
            m.put("formVersion", f.form().version());
            forms.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("units", units);
        root.put("forms", forms);
        root.put("reports", a.reports().stream().map(ReportingViews::draft).toList());
        return root;
    }

    /**
     * A browser report's latest version, without its values.
     *
     * @param d the report
     * @return {@code {"scheme","year","orgUnit","status","version","updated","updatedBy"}}
     */
    public static Map<String, Object> draft(ReportDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", d.key().schemeId());
        m.put("year", d.key().year());
        m.put("orgUnit", d.key().orgUnit());
        m.put("status", d.status().id());
        m.put("version", d.version());
        m.put("updated", d.updated().toString());
        m.put("updatedBy", d.updatedBy());
        return m;
    }

    /**
     * {@code GET /api/reporting/form}: the whole form definition, texts in one language.
     *
     * @param f      the form
     * @param locale the language
     * @return {@code {"scheme","schemeName","year","formVersion","title","languages","sections":[{"id","title",
     *         "fields":[FIELD]}]}}, FIELD as in docs/http-api.md
     */
    public static Map<String, Object> form(ReportForm f, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", f.scheme().id());
        m.put("schemeName", text(f.scheme().name(), locale));
        m.put("year", f.year());
        m.put("formVersion", f.form().version());
        m.put("title", text(f.form().title(), locale));
        m.put("languages", LANGUAGES);
        fallback(m, locale, f.form().title());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : f.form().sections()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("title", text(s.title(), locale));
            fallback(sm, locale, s.title());
            sm.put("fields", fields(s.fields(), "", locale));
            sections.add(sm);
        }
        m.put("sections", sections);
        return m;
    }

    private static List<Map<String, Object>> fields(List<Field> fields, String prefix, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Field f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("path", prefix + f.id());
            m.put("type", f.type().name().toLowerCase(Locale.ROOT));
            m.put("label", text(f.label(), locale));
            m.put("help", f.help().map(h -> text(h, locale)).orElse(null));
            m.put("required", f.required());
            m.put("conditional", f.requiredWhen().isPresent());
            f.requiredWhen().ifPresent(w -> m.put("requiredWhen", w));
            m.put("constraints", constraints(f.constraints()));
            if (!f.choices().isEmpty()) {
                List<Map<String, Object>> choices = new ArrayList<>();
                for (Choice c : f.choices()) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("code", c.code());
                    cm.put("label", text(c.label(), locale));
                    fallback(cm, locale, c.label());
                    choices.add(cm);
                }
                m.put("choices", choices);
            }
            if (f.type() == FieldType.GROUP) {
                // A row's fields: "[]" stands for the row's index, which the page fills in ("measures[0].cost").
                m.put("fields", fields(f.fields(), prefix + f.id() + "[].", locale));
            }
            List<LocalizedText> texts = new ArrayList<>(List.of(f.label()));
            f.help().ifPresent(texts::add);
            fallback(m, locale, texts.toArray(LocalizedText[]::new));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> constraints(Constraints c) {
        Map<String, Object> m = new LinkedHashMap<>();
        c.min().ifPresent(v -> m.put("min", v));
        c.max().ifPresent(v -> m.put("max", v));
        c.maxLength().ifPresent(v -> m.put("maxLength", v));
        c.pattern().ifPresent(v -> m.put("pattern", v));
        c.minRows().ifPresent(v -> m.put("minRows", v));
        c.maxRows().ifPresent(v -> m.put("maxRows", v));
        return m;
    }

    private static void fallback(Map<String, Object> m, Locale locale, LocalizedText... texts) {
        for (LocalizedText t : texts) {
            if (fallsBack(t, locale)) {
                m.put("fallback", "nb");
                return;
            }
        }
    }

    /**
     * {@code GET /api/reporting/report}.
     *
     * @param r the report
     * @return {@code {"scheme","year","orgUnit","status","version","values","updated","updatedBy",
     *         "history":[{"version","status","at","by"}]}}; status {@code new} when nothing was saved
     */
    public static Map<String, Object> report(ReportState r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", r.key().schemeId());
        m.put("year", r.key().year());
        m.put("orgUnit", r.key().orgUnit());
        m.put("status", r.status().map(ReportStatus::id).orElse("new"));
        m.put("version", r.version());
        m.put("values", tree(r.values()));
        m.put("updated", r.updated().map(Instant::toString).orElse(null));
        m.put("updatedBy", r.updatedBy().orElse(null));
        List<Map<String, Object>> history = new ArrayList<>();
        for (ReportVersion v : r.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("version", v.version());
            h.put("status", v.status().id());
            h.put("at", v.at().toString());
            h.put("by", v.by());
            history.add(h);
        }
        m.put("history", history);
        return m;
    }

    /**
     * {@code POST /api/reporting/validate}, and the findings of a draft or refused submission.
     *
     * @param c      what the engine found
     * @param locale the language of messages
     * @return {@code {"findings":[{"code","severity","field","message"}], "applicable":[path...]}}
     */
    public static Map<String, Object> check(ReportCheck c, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("findings", findings(c.findings(), locale));
        m.put("applicable", c.applicable());
        return m;
    }

    /**
     * Findings as the browser shows them at their fields.
     *
     * @param findings the violations
     * @param locale   the language of messages
     * @return {@code [{"code","severity":"error|warning","field": path|null,"message"}]}
     */
    public static List<Map<String, Object>> findings(List<Violation> findings, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Violation v : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", v.code());
            m.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
            m.put("field", v.path().isEmpty() ? null : v.path());
            m.put("message", text(v.message(), locale));
            out.add(m);
        }
        return out;
    }

    /**
     * {@code GET /api/reporting/status}, {@code tilskudd reporting status --json}.
     *
     * @param s the status
     * @return {@code {"scheme","year","basis":"grants|previous_year","expected","drafts","submitted","missing",
     *         "units":[{"code","name","region","expected","status":"missing|draft|submitted|reopened","updated",
     *         "contacts"}]}}
     */
    public static Map<String, Object> status(ReportingStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", s.schemeId());
        m.put("year", s.year());
        m.put("basis", s.basis().name().toLowerCase(Locale.ROOT));
        m.put("expected", s.expected());
        m.put("drafts", s.drafts());
        m.put("submitted", s.submitted());
        m.put("missing", s.missing());
        List<Map<String, Object>> units = new ArrayList<>();
        for (ReportingStatus.Unit u : s.units()) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("code", u.code());
            um.put("name", u.name());
            um.put("region", u.region());
            um.put("expected", u.expected());
            um.put("status", status(u));
            um.put("updated", u.updated().map(Instant::toString).orElse(null));
            um.put("contacts", u.contacts());
            units.add(um);
        }
        m.put("units", units);
        return m;
    }

    /**
     * The reminder list, {@code GET /api/reporting/status.csv}, {@code tilskudd reporting status --csv}: one line per
     * unit, comma-separated, UTF-8, quoted where a value needs it; contacts in one cell, separated by "; ".
     *
     * @param s      the status
     * @param owing  only the expected units that still owe a report (missing, draft or reopened)
     * @return {@code code,name,region,status,updated,contacts} and the lines
     */
    public static String statusCsv(ReportingStatus s, boolean owing) {
        StringBuilder b = new StringBuilder("code,name,region,status,updated,contacts\r\n");
        for (ReportingStatus.Unit u : s.units()) {
            if (owing && !(u.expected() && u.owing())) {
                continue;
            }
            b.append(csv(u.code())).append(',').append(csv(u.name())).append(',').append(csv(u.region()))
                    .append(',').append(status(u)).append(',')
                    .append(csv(u.updated().map(Instant::toString).orElse(""))).append(',')
                    .append(csv(String.join("; ", u.contacts()))).append("\r\n");
        }
        return b.toString();
    }

    private static String status(ReportingStatus.Unit u) {
        return u.status().map(ReportStatus::id).orElse("missing");
    }

    private static String csv(String v) {
        // A leading =, +, - or @ would be a formula to a spreadsheet: quoted with a ' so that it stays text.
        String text = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report values are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
