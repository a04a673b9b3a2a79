package no.tilskudd.engine.internal.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.MissingValuePolicy;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;

/**
 * Checks a submission: its header (scheme, form, org unit), every field against its type and limits, conditional
 * requirements, the form's cross-field rules, and finally the scheme's own validators.
 */
public final class SubmissionValidator implements ValidationService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FIRST_YEAR = BigDecimal.valueOf(1900);
    private static final BigDecimal LAST_YEAR = BigDecimal.valueOf(2100);

    private final SchemeRegistry schemes;
    private final OrgUnitRegister orgUnits;
    private final Supplier<? extends Collection<Validator>> validators;
    private final PluginValidators plugins;

    /**
     * Creates the validator with the default time limit for plugin validators.
     *
     * @param schemes    the installed schemes
     * @param orgUnits   the org-unit register
     * @param validators the installed plugin validators, read at each call because plugins come and go
     */
    public SubmissionValidator(SchemeRegistry schemes, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Validator>> validators) {
        this(schemes, orgUnits, validators, PluginValidators.DEFAULT_TIMEOUT);
    }

    /**
     * Creates the validator.
     *
     * @param schemes    the installed schemes
     * @param orgUnits   the org-unit register
     * @param validators the installed plugin validators, read at each call because plugins come and go
     * @param timeout    how long one plugin validator may take for a chunk of submissions
     */
    public SubmissionValidator(SchemeRegistry schemes, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Validator>> validators, java.time.Duration timeout) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.validators = validators;
        this.plugins = new PluginValidators(timeout);
    }

    @Override
    public List<Violation> validate(Submission s) {
        return validateAll(List.of(s)).get(0);
    }

    @Override
    public List<List<Violation>> validateAll(List<Submission> submissions) {
        List<List<Violation>> results = new ArrayList<>(submissions.size());
        List<ValidationContext> contexts = new ArrayList<>(submissions.size());
        for (Submission s : submissions) {
            List<Violation> out = new ArrayList<>();
            contexts.add(checkForm(s, out));
            results.add(out);
        }
        plugins.run(validators.get(), submissions, contexts, results);
        return results;
    }

    /** The checks the form declares; returns the context for plugin validators, or null when there is no form. */
    private ValidationContext checkForm(Submission s, List<Violation> out) {
        Optional<Scheme> scheme = schemes.scheme(s.schemeId());
        if (scheme.isEmpty()) {
            out.add(Violation.error("scheme", "SCHEME_UNKNOWN",
                    "Ordningen «" + s.schemeId() + "» er ikke installert.",
                    "Scheme '" + s.schemeId() + "' is not installed."));
            return null;
        }
        Optional<FormDefinition> form = s.formVersion().isPresent()
                ? scheme.get().form(s.formVersion().get())
                : scheme.get().formForYear(s.year());
        if (form.isEmpty()) {
            String which = s.formVersion().map(v -> "versjon " + v).orElse("rapporteringsåret " + s.year());
            String whichEn = s.formVersion().map(v -> "version " + v).orElse("reporting year " + s.year());
            out.add(Violation.error(s.formVersion().isPresent() ? "formVersion" : "year", "FORM_UNKNOWN",
                    "Ordningen «" + s.schemeId() + "» har ikke noe skjema for " + which + " (har: "
                            + scheme.get().formVersions() + ").",
                    "Scheme '" + s.schemeId() + "' has no form for " + whichEn + " (has: "
                            + scheme.get().formVersions() + ")."));
            return null;
        }
        if (s.formVersion().isPresent() && !form.get().coversYear(s.year())) {
            out.add(Violation.error("year", "FORM_YEAR_MISMATCH",
                    "Skjemaversjon " + form.get().version() + " gjelder " + form.get().firstYear() + "–"
                            + form.get().lastYear() + ", ikke " + s.year() + ".",
                    "Form version " + form.get().version() + " is for " + form.get().firstYear() + "-"
                            + form.get().lastYear() + ", not " + s.year() + "."));
        }
        Optional<OrgUnit> unit = orgUnits.find(s.orgUnit(), s.year());
        if (unit.isEmpty()) {
            out.add(Violation.error("orgUnit", "ORG_UNIT_UNKNOWN",
                    "Kommune-/bydelsnummer «" + s.orgUnit() + "» finnes ikke i registeret.",
                    "Municipality/district code '" + s.orgUnit() + "' is not in the register."));
        } else if (!unit.get().validIn(s.year())) {
            OrgUnit u = unit.get();
            out.add(Violation.error("orgUnit", "ORG_UNIT_NOT_VALID_IN_YEAR",
                    u.code() + " " + u.name() + " fantes ikke i " + s.year() + " (gyldig "
                            + u.validFrom().map(String::valueOf).orElse("") + "–"
                            + u.validTo().map(String::valueOf).orElse("") + ").",
                    u.code() + " " + u.name() + " did not exist in " + s.year() + " (valid "
                            + u.validFrom().map(String::valueOf).orElse("") + "-"
                            + u.validTo().map(String::valueOf).orElse("") + ")."));
        }
        FormDefinition f = form.get();
        Map<String, Object> top = baseContext(s);
        top.putAll(s.values());
        checkFields(f.fields(), s.values(), "", top, out);
        checkRules(f, s, top, out);
        return new ValidationContext(scheme.get(), f, unit);
    }

    private static Map<String, Object> baseContext(Submission s) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("year", (long) s.year());
        ctx.put("scheme", s.schemeId());
        ctx.put("orgUnit", s.orgUnit());
        return ctx;
    }

    private void checkFields(List<Field> fields, Map<String, Object> values, String prefix,
            Map<String, Object> context, List<Violation> out) {
        Set<String> known = new HashSet<>();
        for (Field field : fields) {
            known.add(field.id());
            String path = prefix + field.id();
            Object value = values.get(field.id());
            if (field.type() == FieldType.GROUP && value instanceof List<?> l && l.isEmpty()
                    && field.constraints().minRows().orElse(0) > 0) {
                // An explicit empty list says "no rows", which a group with minRows does not allow.
                checkGroup(field, value, path, context, out);
                continue;
            }
            if (isAbsent(value)) {
                if (field.required()) {
                    out.add(Violation.error(path, "FIELD_REQUIRED",
                            "«" + field.label().nb() + "» må fylles ut.",
                            "'" + field.label().en() + "' is required."));
                } else if (field.requiredWhen().isPresent()
                        && conditionHolds(field.requiredWhen().get(), context, path, out)) {
                    out.add(Violation.error(path, "FIELD_REQUIRED_WHEN",
                            "«" + field.label().nb() + "» må fylles ut når " + field.requiredWhen().get() + ".",
                            "'" + field.label().en() + "' is required when " + field.requiredWhen().get() + "."));
                }
                continue;
            }
            checkValue(field, value, path, context, out);
        }
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                out.add(Violation.error(prefix + key, "FIELD_UNKNOWN",
                        "Feltet «" + key + "» finnes ikke i skjemaet.",
                        "Field '" + key + "' is not on the form."));
            }
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || (value instanceof String str && str.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
    }

    private boolean conditionHolds(String expression, Map<String, Object> context, String path,
            List<Violation> out) {
        Expressions.Compiled c = Expressions.cached(expression);
        if (!c.missing(context).isEmpty()) {
            return false;
        }
        try {
            return c.test(context);
        } catch (IllegalArgumentException e) {
            out.add(Violation.error(path, "RULE_FAILED",
                    "Betingelsen «" + expression + "» kunne ikke vurderes: " + e.getMessage(),
                    "Condition '" + expression + "' could not be evaluated: " + e.getMessage()));
            return false;
        }
    }

    private void checkValue(Field field, Object value, String path, Map<String, Object> context,
            List<Violation> out) {
        switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    out.add(typeError(path, field, "tekst", "text", value));
                    return;
                }
                field.constraints().maxLength().filter(max -> text.length() > max).ifPresent(max -> out.add(
                        Violation.error(path, "TEXT_TOO_LONG",
                                "«" + field.label().nb() + "» er for lang: " + text.length() + " tegn, maks " + max + ".",
                                "'" + field.label().en() + "' is too long: " + text.length() + " characters, max "
                                        + max + ".")));
                field.constraints().pattern().filter(p -> !Pattern.matches(p, text)).ifPresent(p -> out.add(
                        Violation.error(path, "TEXT_PATTERN",
                                "«" + field.label().nb() + "» har feil format.",
                                "'" + field.label().en() + "' does not have the expected format (" + p + ").")));
            }
            case INTEGER, YEAR -> {
                BigDecimal n = number(value);
                if (n == null || n.stripTrailingZeros().scale() > 0) {
                    out.add(typeError(path, field, "et heltall", "a whole number", value));
                    return;
                }
                if (field.type() == FieldType.YEAR && (n.compareTo(FIRST_YEAR) < 0 || n.compareTo(LAST_YEAR) > 0)) {
                    out.add(Violation.error(path, "YEAR_IMPLAUSIBLE",
                            "«" + field.label().nb() + "»: " + n + " er ikke et gyldig årstall.",
                            "'" + field.label().en() + "': " + n + " is not a valid year."));
                    return;
                }
                checkRange(field, n, path, out);
            }
            case DECIMAL, AMOUNT, PERCENT -> {
                BigDecimal n = number(value);
                if (n == null) {
                    out.add(typeError(path, field, "et tall", "a number", value));
                    return;
                }
                if (field.type() == FieldType.AMOUNT && n.signum() < 0 && field.constraints().min().isEmpty()) {
                    out.add(Violation.error(path, "AMOUNT_NEGATIVE",
                            "«" + field.label().nb() + "» kan ikke være negativt.",
                            "'" + field.label().en() + "' cannot be negative."));
                    return;
                }
                if (field.type() == FieldType.PERCENT && (n.signum() < 0 || n.compareTo(HUNDRED) > 0)) {
                    out.add(Violation.error(path, "PERCENT_RANGE",
                            "«" + field.label().nb() + "» må være mellom 0 og 100.",
                            "'" + field.label().en() + "' must be between 0 and 100."));
                    return;
                }
                checkRange(field, n, path, out);
            }
            case DATE -> {
                if (!(value instanceof String text)) {
                    out.add(typeError(path, field, "en dato (åååå-mm-dd)", "a date (yyyy-mm-dd)", value));
                    return;
                }
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    out.add(typeError(path, field, "en dato (åååå-mm-dd)", "a date (yyyy-mm-dd)", value));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    out.add(typeError(path, field, "ja/nei (true/false)", "yes/no (true/false)", value));
                }
            }
            case CHOICE -> {
                if (!(value instanceof String code)) {
                    out.add(typeError(path, field, "en kode", "a code", value));
                    return;
                }
                if (field.choice(code).isEmpty()) {
                    out.add(unknownChoice(path, field, code));
                }
            }
            case MULTI_CHOICE -> {
                if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    out.add(typeError(path, field, "en liste med koder", "a list of codes", value));
                    return;
                }
                Set<Object> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    String code = (String) list.get(i);
                    if (field.choice(code).isEmpty()) {
                        out.add(unknownChoice(path + "[" + i + "]", field, code));
                    } else if (!seen.add(code)) {
                        out.add(Violation.error(path + "[" + i + "]", "CHOICE_DUPLICATE",
                                "«" + code + "» er valgt to ganger.", "'" + code + "' is chosen twice."));
                    }
                }
            }
            case GROUP -> checkGroup(field, value, path, context, out);
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    private void checkGroup(Field field, Object value, String path, Map<String, Object> context,
            List<Violation> out) {
        if (!(value instanceof List<?> rows) || !rows.stream().allMatch(Map.class::isInstance)) {
            out.add(typeError(path, field, "en liste med rader", "a list of rows", value));
            return;
        }
        field.constraints().minRows().filter(min -> rows.size() < min).ifPresent(min -> out.add(
                Violation.error(path, "ROWS_TOO_FEW",
                        "«" + field.label().nb() + "» må ha minst " + min + " rader (har " + rows.size() + ").",
                        "'" + field.label().en() + "' needs at least " + min + " rows (has " + rows.size() + ").")));
        field.constraints().maxRows().filter(max -> rows.size() > max).ifPresent(max -> out.add(
                Violation.error(path, "ROWS_TOO_MANY",
                        "«" + field.label().nb() + "» kan ha høyst " + max + " rader (har " + rows.size() + ").",
                        "'" + field.label().en() + "' can have at most " + max + " rows (has " + rows.size() + ").")));
        // Row fields' conditions see the row and the top-level values; most groups have none, so skip the merge.
        boolean conditions = field.fields().stream().anyMatch(f -> f.requiredWhen().isPresent());
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) rows.get(i);
            Map<String, Object> rowContext = row;
            if (conditions) {
                rowContext = new HashMap<>(context);
                rowContext.putAll(row);
            }
            checkFields(field.fields(), row, path + "[" + i + "].", rowContext, out);
        }
    }

    private void checkRules(FormDefinition form, Submission s, Map<String, Object> top, List<Violation> out) {
        // A row's context (top-level values and the row's own) is built once and shared by every rule of its scope.
        Map<String, List<Map<String, Object>>> rowContexts = new HashMap<>();
        for (Rule rule : form.rules()) {
            if (rule.scope().isEmpty()) {
                checkRule(rule, top, rule.field().orElse(""), out);
                continue;
            }
            String scope = rule.scope().get();
            List<Map<String, Object>> contexts = rowContexts.computeIfAbsent(scope, g -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Map<String, Object> row : s.rows(g)) {
                    Map<String, Object> ctx = new HashMap<>(top);
                    ctx.putAll(row);
                    list.add(ctx);
                }
                return list;
            });
            for (int i = 0; i < contexts.size(); i++) {
                String path = scope + "[" + i + "]" + rule.field().map(f -> "." + f).orElse("");
                checkRule(rule, contexts.get(i), path, out);
            }
        }
    }

    private void checkRule(Rule rule, Map<String, Object> ctx, String path, List<Violation> out) {
        Expressions.Compiled c = Expressions.cached(rule.expression());
        List<String> missing = c.missing(ctx);
        if (!missing.isEmpty()) {
            if (rule.onMissing() == MissingValuePolicy.FAIL) {
                out.add(new Violation(path, rule.severity(), rule.code(), new no.tilskudd.api.form.LocalizedText(
                        rule.message().nb() + " (mangler: " + String.join(", ", missing) + ")",
                        rule.message().en() + " (missing: " + String.join(", ", missing) + ")")));
            }
            return;
        }
        try {
            if (!c.test(ctx)) {
                out.add(new Violation(path, rule.severity(), rule.code(), rule.message()));
            }
        } catch (IllegalArgumentException e) {
            out.add(Violation.error(path, "RULE_FAILED",
                    "Regelen " + rule.code() + " kunne ikke vurderes: " + e.getMessage(),
                    "Rule " + rule.code() + " could not be evaluated: " + e.getMessage()));
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return null;
    }

    private static void checkRange(Field field, BigDecimal n, String path, List<Violation> out) {
        field.constraints().min().filter(min -> n.compareTo(min) < 0).ifPresent(min -> out.add(
                Violation.error(path, "VALUE_TOO_SMALL",
                        "«" + field.label().nb() + "» må være minst " + min.toPlainString() + " (er " + n.toPlainString()
                                + ").",
                        "'" + field.label().en() + "' must be at least " + min.toPlainString() + " (is "
                                + n.toPlainString() + ").")));
        field.constraints().max().filter(max -> n.compareTo(max) > 0).ifPresent(max -> out.add(
                Violation.error(path, "VALUE_TOO_LARGE",
                        "«" + field.label().nb() + "» kan være høyst " + max.toPlainString() + " (er " + n.toPlainString()
                                + ").",
                        "'" + field.label().en() + "' must be at most " + max.toPlainString() + " (is "
                                + n.toPlainString() + ").")));
    }

    private static Violation typeError(String path, Field field, String nb, String en, Object value) {
        return Violation.error(path, "FIELD_TYPE",
                "«" + field.label().nb() + "» må være " + nb + ", ikke " + describe(value) + ".",
                "'" + field.label().en() + "' must be " + en + ", not " + describe(value) + ".");
    }

    private static Violation unknownChoice(String path, Field field, String code) {
        List<String> codes = field.choices().stream().map(c -> c.code()).toList();
        return Violation.error(path, "CHOICE_UNKNOWN",
                "«" + code + "» er ikke et gyldig svar på «" + field.label().nb() + "» (gyldige: "
                        + String.join(", ", codes) + ").",
                "'" + code + "' is not a valid answer to '" + field.label().en() + "' (valid: "
                        + String.join(", ", codes) + ").");
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "«" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "»";
        }
        if (value instanceof List<?>) {
            return "en liste/list";
        }
        if (value instanceof Map<?, ?>) {
            return "et objekt/object";
        }
        return String.valueOf(value);
    }
}
