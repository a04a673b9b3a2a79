package no.tilskudd.engine.internal.validation;

import java.time.Duration;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.MissingValuePolicy;
import no.tilskudd.api.form.NumberBounds;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.Quarantine;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;

/**
 * Checks a submission: its header (scheme, form, org unit), every field against its type and limits (a number against
 * its bounds, by magnitude, before anything computes with it), conditional requirements, the form's cross-field rules,
 * and finally the scheme's own validators.
 *
 * <p>A submission with a number out of range ({@code NUMBER_OUT_OF_RANGE}) gets its field checks, but neither its
 * conditions, its rules nor the plugin validators run for it: they may rely on every number being within its field's
 * bounds. The conditions and rules of one submission share the validators' time limit; when it runs out they stop
 * ({@code RULE_TIMEOUT}).
 */
public final class SubmissionValidator implements ValidationService {

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
     * @param timeout    how long one plugin validator may take for one submission, and the form's conditions and
     *                   rules together
     */
    public SubmissionValidator(SchemeRegistry schemes, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Validator>> validators, Duration timeout) {
        this(schemes, orgUnits, validators, timeout, PluginValidators.DEFAULT_MAX_STUCK, ValidatorPlugin::of);
    }

    /**
     * Creates the validator.
     *
     * @param schemes    the installed schemes
     * @param orgUnits   the org-unit register
     * @param validators the installed plugin validators, read at each call because plugins come and go
     * @param timeout    how long one plugin validator may take for one submission, and the form's conditions and
     *                   rules together
     * @param maxStuck   how many workers a plugin may leave stuck before it is quarantined
     * @param origins    the plugin each validator belongs to
     */
    public SubmissionValidator(SchemeRegistry schemes, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Validator>> validators, Duration timeout, int maxStuck,
            Function<Validator, ValidatorPlugin> origins) {
        this(schemes, orgUnits, validators, timeout, maxStuck, origins, (v, p, reason) -> { });
    }

    /**
     * Creates the validator, telling a listener of every failure of a plugin validator.
     *
     * @param schemes    the installed schemes
     * @param orgUnits   the org-unit register
     * @param validators the plugin validators that apply, read at each call because plugins come and go
     * @param timeout    how long one plugin validator may take for one submission
     * @param maxStuck   how many workers a plugin may leave stuck before it is quarantined
     * @param origins    the plugin each validator belongs to
     * @param failures   told when a plugin validator throws or times out
     */
    public SubmissionValidator(SchemeRegistry schemes, OrgUnitRegister orgUnits,
            Supplier<? extends Collection<Validator>> validators, Duration timeout, int maxStuck,
            Function<Validator, ValidatorPlugin> origins, ValidatorFailureListener failures) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.validators = validators;
        this.plugins = new PluginValidators(timeout, maxStuck, origins, failures);
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

    @Override
    public List<Quarantine> quarantined() {
        return plugins.quarantined(validators.get());
    }

    /**
     * What one submission's check carries along: its violations, whether its numbers are all in range, the
     * conditions waiting for that to be known, and the time limit of its conditions and rules, started at the first
     * evaluation (most submissions have none).
     */
    private final class Run implements AutoCloseable {
        final List<Violation> out;
        /** Paths of values that have the wrong type: a rule or condition reading one is not evaluated. */
        final Set<String> mistyped = new HashSet<>();
        boolean bounded = true;
        boolean timedOut;
        private Deadlines.Deadline deadline;
        private List<Pending> pending;

        /** A requiredWhen condition of an absent field, and where in the violations its outcome belongs. */
        private record Pending(Field field, Map<String, Object> context, String path, int at) {
        }

        Run(List<Violation> out) {
            this.out = out;
        }

        /**
         * Keeps a condition for later: it may read a number that comes later in the form, and conditions see only
         * numbers within their bounds.
         */
        void defer(Field field, Map<String, Object> context, String path) {
            if (pending == null) {
                pending = new ArrayList<>();
            }
            pending.add(new Pending(field, context, path, out.size()));
        }

        /** Evaluates the deferred conditions and puts their violations where the field's check would have. */
        void evaluateConditions() {
            if (pending == null) {
                return;
            }
            List<List<Violation>> found = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                List<Violation> here = new ArrayList<>(1);
                String when = p.field().requiredWhen().orElseThrow();
                if (conditionHolds(when, p.context(), p.path(), this, here)) {
                    here.add(Violation.error(p.path(), "FIELD_REQUIRED_WHEN",
                            "«" + p.field().label().nb() + "» må fylles ut når " + when + ".",
                            "'" + p.field().label().en() + "' is required when " + when + "."));
                }
                found.add(here);
            }
            for (int i = pending.size() - 1; i >= 0; i--) {
                out.addAll(pending.get(i).at(), found.get(i));
            }
        }

        /** Whether expressions may still run; false once a number is out of range or the time is up. */
        boolean mayEvaluate() {
            return bounded && !timedOut;
        }

        AtomicBoolean clock() {
            if (deadline == null) {
                deadline = Deadlines.start(plugins.timeout());
            }
            return deadline.expired;
        }

        void stopped(String path, List<Violation> to) {
            if (!timedOut) {
                timedOut = true;
                long ms = plugins.timeout().toMillis();
                to.add(Violation.error(path, "RULE_TIMEOUT",
                        "Skjemaets regler ble ikke ferdige innen " + ms + " ms og ble stoppet; rapporten kan ikke "
                                + "godkjennes slik.",
                        "The form's rules did not finish within " + ms + " ms and were stopped; the submission "
                                + "cannot be accepted like this."));
            }
        }

        @Override
        public void close() {
            if (deadline != null) {
                deadline.close();
            }
        }
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
        try (Run run = new Run(out)) {
            checkFields(f.fields(), s.values(), "", top, run);
            if (!run.bounded) {
                // Neither conditions, rules nor plugin validators see a number out of range.
                return null;
            }
            run.evaluateConditions();
            checkRules(f, s, top, run);
        }
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
            Map<String, Object> context, Run run) {
        List<Violation> out = run.out;
        Set<String> known = new HashSet<>();
        for (Field field : fields) {
            known.add(field.id());
            String path = prefix + field.id();
            Object value = values.get(field.id());
            if (field.type() == FieldType.GROUP && value instanceof List<?> l && l.isEmpty()
                    && field.constraints().minRows().orElse(0) > 0) {
                // An explicit empty list says "no rows", which a group with minRows does not allow.
                checkGroup(field, value, path, context, run);
                continue;
            }
            if (isAbsent(value)) {
                if (field.required()) {
                    out.add(Violation.error(path, "FIELD_REQUIRED",
                            "«" + field.label().nb() + "» må fylles ut.",
                            "'" + field.label().en() + "' is required."));
                } else if (field.requiredWhen().isPresent()) {
                    run.defer(field, context, path);
                }
                continue;
            }
            checkValue(field, value, path, context, run);
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.add(Violation.error(prefix + e.getKey(), "FIELD_UNKNOWN",
                        "Feltet «" + e.getKey() + "» finnes ikke i skjemaet.",
                        "Field '" + e.getKey() + "' is not on the form."));
                run.bounded &= NumberRanges.scan(e.getValue(), prefix + e.getKey(), out);
            }
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || (value instanceof String str && str.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
    }

    private boolean conditionHolds(String expression, Map<String, Object> context, String path, Run run,
            List<Violation> out) {
        Expressions.Compiled c = Expressions.cached(expression);
        if (!run.mayEvaluate() || !c.missing(context).isEmpty()
                || readsMistyped(c, path.substring(0, path.lastIndexOf('.') + 1), run)) {
            return false;
        }
        try {
            return c.test(context, run.clock());
        } catch (CancellationException e) {
            run.stopped(path, out);
            return false;
        } catch (IllegalArgumentException e) {
            out.add(Violation.error(path, "RULE_FAILED",
                    "Betingelsen «" + expression + "» kunne ikke vurderes: " + e.getMessage(),
                    "Condition '" + expression + "' could not be evaluated: " + e.getMessage()));
            return false;
        }
    }

    private void checkValue(Field field, Object value, String path, Map<String, Object> context, Run run) {
        int before = run.out.size();
        checkTypedValue(field, value, path, context, run);
        for (int i = before; i < run.out.size(); i++) {
            if (run.out.get(i).code().equals("FIELD_TYPE") && run.out.get(i).path().equals(path)) {
                run.mistyped.add(path);
            }
        }
    }

    /**
     * Tells whether an expression reads a value that already has a type violation. Such an expression is not
     * evaluated: its outcome would be a second, misleading violation ("could not be evaluated", or a rule broken by
     * a word compared with a number) for the one wrong cell the type violation names.
     *
     * @param prefix the path of the expression's row ({@code "measures[0]."}) or empty at the top level
     */
    private static boolean readsMistyped(Expressions.Compiled c, String prefix, Run run) {
        if (run.mistyped.isEmpty()) {
            return false;
        }
        for (String v : c.variables()) {
            if (run.mistyped.contains(prefix + v) || run.mistyped.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private void checkTypedValue(Field field, Object value, String path, Map<String, Object> context, Run run) {
        List<Violation> out = run.out;
        if (!field.type().isNumeric() && field.type() != FieldType.GROUP && !(value instanceof String)
                && !(value instanceof Boolean)) {
            // A number (or a list or object holding numbers) where the form wants none is still bounded.
            run.bounded &= NumberRanges.scan(value, path, out);
        }
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
            case INTEGER, YEAR, DECIMAL, AMOUNT, PERCENT -> {
                boolean whole = field.type() == FieldType.INTEGER || field.type() == FieldType.YEAR;
                if (!NumberBounds.isNumber(value)) {
                    out.add(whole ? typeError(path, field, "et heltall", "a whole number", value)
                            : typeError(path, field, "et tall", "a number", value));
                    run.bounded &= NumberRanges.scan(value, path, out);
                } else if (!NumberRanges.number(field, value, path, out)) {
                    run.bounded = false;
                } else if (whole && !(value instanceof Long) && NumberRanges.isPlainFraction(field, value)) {
                    out.add(typeError(path, field, "et heltall", "a whole number", value));
                }
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
            case GROUP -> checkGroup(field, value, path, context, run);
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    private void checkGroup(Field field, Object value, String path, Map<String, Object> context, Run run) {
        List<Violation> out = run.out;
        if (!(value instanceof List<?> rows) || !rows.stream().allMatch(Map.class::isInstance)) {
            out.add(typeError(path, field, "en liste med rader", "a list of rows", value));
            run.bounded &= NumberRanges.scan(value, path, out);
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
            checkFields(field.fields(), row, path + "[" + i + "].", rowContext, run);
        }
    }

    private void checkRules(FormDefinition form, Submission s, Map<String, Object> top, Run run) {
        // A row's context (top-level values and the row's own) is built once and shared by every rule of its scope.
        Map<String, List<Map<String, Object>>> rowContexts = new HashMap<>();
        for (Rule rule : form.rules()) {
            if (rule.scope().isEmpty()) {
                checkRule(rule, top, rule.field().orElse(""), "", run);
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
                checkRule(rule, contexts.get(i), path, scope + "[" + i + "].", run);
            }
        }
    }

    private void checkRule(Rule rule, Map<String, Object> ctx, String path, String rowPrefix, Run run) {
        if (!run.mayEvaluate()) {
            return;
        }
        List<Violation> out = run.out;
        Expressions.Compiled c = Expressions.cached(rule.expression());
        if (readsMistyped(c, rowPrefix, run)) {
            return;
        }
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
            if (!c.test(ctx, run.clock())) {
                out.add(new Violation(path, rule.severity(), rule.code(), rule.message()));
            }
        } catch (CancellationException e) {
            run.stopped(path, out);
        } catch (IllegalArgumentException e) {
            out.add(Violation.error(path, "RULE_FAILED",
                    "Regelen " + rule.code() + " kunne ikke vurderes: " + e.getMessage(),
                    "Rule " + rule.code() + " could not be evaluated: " + e.getMessage()));
        }
    }

    private static Violation typeError(String path, Field field, String nb, String en, Object value) {
        return Violation.error(path, "FIELD_TYPE",
                "«" + field.label().nb() + "» må være " + nb + ", ikke " + describe(value) + ".",
                "'" + field.label().en() + "' must be " + en + ", not " + describe(value) + ".");
    }

    /**
     * The valid answers are named as a person picks them, by label (a template's drop-down shows labels), each with
     * the code a JSON file uses.
     */
    private static Violation unknownChoice(String path, Field field, String code) {
        String nb = String.join(", ", field.choices().stream()
                .map(c -> "«" + c.label().nb() + "» (" + c.code() + ")").toList());
        String en = String.join(", ", field.choices().stream()
                .map(c -> "'" + c.label().en() + "' (" + c.code() + ")").toList());
        return Violation.error(path, "CHOICE_UNKNOWN",
                "«" + code + "» er ikke et gyldig svar på «" + field.label().nb() + "» (gyldige: " + nb + ").",
                "'" + code + "' is not a valid answer to '" + field.label().en() + "' (valid: " + en + ").");
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
