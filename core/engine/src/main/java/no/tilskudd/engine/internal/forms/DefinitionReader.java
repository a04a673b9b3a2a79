package no.tilskudd.engine.internal.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Constraints;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.MissingValuePolicy;
import no.tilskudd.api.form.NumberBounds;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.DefinitionFile;
import no.tilskudd.engine.internal.declared.Evaluation;
import no.tilskudd.engine.internal.declared.IndicatorDefinition;
import no.tilskudd.engine.internal.declared.StandardDefinitions;
import no.tilskudd.engine.internal.declared.Vocabulary;
import no.tilskudd.engine.internal.grants.ResponseRateIndicator;
import no.tilskudd.engine.internal.standard.validation.FundingValidator;
import no.tilskudd.engine.internal.validation.Expressions;

/**
 * Reads scheme descriptors and form definitions (the JSON formats in {@code docs/form-definition.md}).
 *
 * <p>Reading is strict: an unknown property, a wrong type, a duplicate field id or an expression that does not
 * compile refuses the whole definition, with the file, the JSON path and the reason, because a half-understood form
 * would accept or refuse submissions for the wrong reasons.
 */
public final class DefinitionReader {

    /** The format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> DESCRIPTOR_KEYS = Set.of("$schema", "formatVersion", "id", "name", "agency",
            "budgetLine", "firstYear", "forms", "demoData", "indicators", "rules", "kind", "respondents", "demoGrants");
    /** What a scheme is: a grant scheme's annual report (the default), or a questionnaire to a respondent list. */
    private static final Set<String> KINDS = Set.of("report", "questionnaire");
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
    private static final Set<String> FORM_KEYS = Set.of("$schema", "formatVersion", "scheme", "version", "years",
            "title", "sections", "rules", "revises");
    /**
     * The property of a form that revises another for years already reported: it may share their years, is used for
     * new submissions of those years, and leaves stored submissions with the version they were checked against.
     */
    public static final String REVISES = "revises";
    /** The rule types a descriptor may name, with the properties each takes. */
    private static final Set<String> RULE_TYPES = Set.of("funding");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("id", "type", "label", "help", "required", "requiredWhen",
            "min", "max", "maxLength", "pattern", "minRows", "maxRows", "choices", "fields");
    private static final Set<String> RULE_KEYS = Set.of("code", "expression", "scope", "field", "severity",
            "onMissing", "message");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Names an expression sees besides the fields. */
    private static final Set<String> HEADER_NAMES = Set.of("year", "scheme", "orgUnit");
    /** Words the expression language reserves; a field with such an id could not be used in a rule. */
    private static final Set<String> RESERVED = Set.of("or", "and", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
            "not", "null", "true", "false", "new", "var", "let", "const", "do", "while", "break", "continue",
            "function", "return", "if", "else", "for", "size", "empty", "switch", "case", "default", "try", "catch",
            "finally", "throw", "NaN", "import", "pragma");
    private static final Pattern SCHEME_ID = Pattern.compile("[a-z][a-z0-9-]*");

    private DefinitionReader() {
    }

    /**
     * Reads a scheme: its descriptor and every form it lists.
     *
     * @param descriptor the descriptor's URL
     * @param origin     the plugin it comes from
     * @return the scheme
     * @throws DefinitionException when the descriptor or a form is broken
     */
    public static Scheme readScheme(URL descriptor, Origin origin) throws DefinitionException {
        return readDescriptor(descriptor, origin).scheme();
    }

    /**
     * Reads a scheme with the standard indicators and rules its descriptor names.
     *
     * @param descriptor the descriptor's URL
     * @param origin     the plugin it comes from
     * @return the scheme and what the descriptor asks the engine to register for it
     * @throws DefinitionException when the descriptor or a form is broken, or names an unknown indicator or rule
     */
    public static SchemeData readDescriptor(URL descriptor, Origin origin) throws DefinitionException {
        if (descriptor == null) {
            throw new DefinitionException(origin + ": the scheme plugin gives no descriptor (resource not found)");
        }
        String file = shortName(descriptor);
        Node root = parse(descriptor, file);
        root.onlyKeys(DESCRIPTOR_KEYS);
        checkFormatVersion(root);
        String id = root.text("id");
        if (!SCHEME_ID.matcher(id).matches()) {
            throw root.child("id").error("scheme id '" + id + "' must be lower case letters, digits and hyphens");
        }
        LocalizedText name = root.localized("name");
        LocalizedText agency = root.localized("agency");
        String budgetLine = root.text("budgetLine");
        int firstYear = root.year("firstYear");
        Node formList = root.child("forms");
        if (!formList.json.isArray() || formList.json.isEmpty()) {
            throw formList.error("must be a non-empty list of form-definition files");
        }
        List<Node> entries = new ArrayList<>();
        List<Node> raw = new ArrayList<>();
        for (int i = 0; i < formList.json.size(); i++) {
            Node entry = formList.index(i);
            URL formUrl = resolve(descriptor, entry);
            entries.add(entry);
            raw.add(parse(formUrl, shortName(formUrl)));
        }
        List<Node> resolved = FormInheritance.resolve(raw);
        List<FormDefinition> forms = new ArrayList<>();
        Map<String, String> revisesOf = new HashMap<>();
        for (int i = 0; i < resolved.size(); i++) {
            Node entry = entries.get(i);
            FormDefinition form = readForm(resolved.get(i));
            Node resolvedForm = resolved.get(i);
            if (resolvedForm.has(REVISES)) {
                String revised = resolvedForm.text(REVISES);
                Optional<FormDefinition> base = forms.stream().filter(f -> f.version().equals(revised)).findFirst();
                if (base.isEmpty()) {
                    throw resolvedForm.child(REVISES).error("form " + form.version() + " revises form version '"
                            + revised + "', which is not listed before it in the descriptor's forms");
                }
                if (!(form.firstYear() <= base.get().lastYear() && base.get().firstYear() <= form.lastYear())) {
                    throw resolvedForm.child(REVISES).error("form " + form.version() + " (" + form.firstYear() + "-"
                            + form.lastYear() + ") revises form " + revised + " (" + base.get().firstYear() + "-"
                            + base.get().lastYear() + ") but shares no year with it");
                }
                revisesOf.put(form.version(), revised);
            }
            if (!form.schemeId().equals(id)) {
                throw entry.error("form " + raw.get(i).file() + " belongs to scheme '" + form.schemeId()
                        + "', not '" + id + "'");
            }
            for (FormDefinition other : forms) {
                if (other.version().equals(form.version())) {
                    throw entry.error("form version '" + form.version() + "' is listed twice");
                }
                if (form.firstYear() <= other.lastYear() && other.firstYear() <= form.lastYear()
                        && !revises(form.version(), other.version(), revisesOf)) {
                    throw entry.error("form " + form.version() + " (" + form.firstYear() + "-" + form.lastYear()
                            + ") overlaps form " + other.version() + " (" + other.firstYear() + "-"
                            + other.lastYear() + ")");
                }
            }
            forms.add(form);
        }
        Optional<URL> demo = root.has("demoData") ? Optional.of(resolve(descriptor, root.child("demoData")))
                : Optional.empty();
        Optional<URL> demoGrants = root.has("demoGrants") ? Optional.of(resolve(descriptor, root.child("demoGrants")))
                : Optional.empty();
        Optional<Questionnaire> questionnaire = questionnaire(root, id, forms);
        List<Indicator> indicators = new ArrayList<>();
        if (root.has("indicators")) {
            Node list = root.array("indicators");
            Set<String> seen = new HashSet<>();
            Evaluation.Forms formOf = Evaluation.Forms.ofScheme(id, forms);
            for (int i = 0; i < list.json.size(); i++) {
                Node n = list.index(i);
                if (!n.json.isTextual()) {
                    throw n.error("must be the id of a standard indicator (text)");
                }
                String ind = n.json.asText();
                IndicatorDefinition def;
                if (ind.endsWith(".json")) {
                    // The scheme's own definition: it may name only what the scheme's forms have.
                    URL url = resolve(descriptor, n);
                    try (InputStream in = url.openStream()) {
                        def = DefinitionFile.read(shortName(url), in,
                                Vocabulary.of("the forms of scheme " + id, forms));
                    } catch (IOException e) {
                        throw n.error("cannot read indicator definition '" + ind + "': " + e);
                    }
                } else {
                    def = StandardDefinitions.byId(ind).orElseThrow(() -> n.error("unknown indicator '"
                            + ind + "' (standard indicators: " + String.join(", ", StandardDefinitions.IDS) + ")"));
                }
                if (!seen.add(def.id())) {
                    throw n.error("indicator '" + def.id() + "' is named twice");
                }
                indicators.add(new DeclaredIndicator(def, Set.of(id), formOf, indicators.size()));
            }
        }
        List<Validator> validators = new ArrayList<>();
        if (root.has("rules")) {
            Node list = root.array("rules");
            for (int i = 0; i < list.json.size(); i++) {
                Node r = list.index(i);
                r.onlyKeys(Set.of("type", "code"));
                String type = r.text("type");
                if (!RULE_TYPES.contains(type)) {
                    throw r.child("type").error("unknown rule type '" + type + "' (built-in rule types: "
                            + String.join(", ", RULE_TYPES.stream().sorted().toList()) + ")");
                }
                validators.add(new FundingValidator(id, r.text("code")));
            }
        }
        if (questionnaire.isPresent()) {
            indicators.add(new ResponseRateIndicator(id, name,
                    questionnaire.get()));
        }
        return new SchemeData(new Scheme(id, name, agency, budgetLine, firstYear, forms, demo, origin,
                questionnaire, demoGrants), indicators, validators);
    }

    /**
     * The questionnaire a descriptor declares ({@code "kind": "questionnaire"} with {@code "respondents"}), checked
     * against its forms: where a response names the scheme it answers for must be a choice field in a repeating
     * group of every form, whose codes are the respondent list's schemes.
     */
    private static Optional<Questionnaire> questionnaire(Node root, String id, List<FormDefinition> forms)
            throws DefinitionException {
        String kind = root.has("kind") ? root.text("kind") : "report";
        if (!KINDS.contains(kind)) {
            throw root.child("kind").error("unknown kind '" + kind + "' (kinds: questionnaire, report)");
        }
        if (kind.equals("report")) {
            if (root.has("respondents")) {
                throw root.child("respondents").error("only a questionnaire (\"kind\": \"questionnaire\") has "
                        + "a respondent list");
            }
            return Optional.empty();
        }
        Node r = root.required("respondents");
        r.onlyKeys(Set.of("grants", "answersFor"));
        Node g = r.required("grants");
        g.onlyKeys(Set.of("schemes", "years"));
        Node list = g.array("schemes");
        if (list.json.isEmpty()) {
            throw list.error("must name at least one scheme");
        }
        List<String> schemes = new ArrayList<>();
        for (int i = 0; i < list.json.size(); i++) {
            Node n = list.index(i);
            String s = n.json.isTextual() ? n.json.asText() : "";
            if (!SCHEME_ID.matcher(s).matches()) {
                throw n.error("must be a scheme id (lower case letters, digits and hyphens)");
            }
            if (s.equals(id)) {
                throw n.error("a questionnaire's respondents come from other schemes' grants, not its own");
            }
            if (schemes.contains(s)) {
                throw n.error("scheme '" + s + "' is named twice");
            }
            schemes.add(s);
        }
        Node years = g.required("years");
        Matcher m = YEAR_RANGE.matcher(years.json.isTextual() ? years.json.asText() : "");
        if (!m.matches()) {
            throw years.error("must be a year or a range of years, such as \"2006-2008\"");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from) {
            throw years.error("the range " + from + "-" + to + " ends before it starts");
        }
        Optional<Questionnaire.AnswersFor> answersFor = Optional.empty();
        if (r.has("answersFor")) {
            Node a = r.child("answersFor");
            a.onlyKeys(Set.of("group", "field"));
            String group = a.text("group");
            String field = a.text("field");
            for (FormDefinition form : forms) {
                Optional<Field> grp = form.field(group).filter(f -> f.type() == FieldType.GROUP);
                if (grp.isEmpty()) {
                    throw a.child("group").error("form " + form.version() + " has no repeating group '" + group
                            + "'");
                }
                Optional<Field> f = grp.get().field(field).filter(x -> x.type() == FieldType.CHOICE);
                if (f.isEmpty()) {
                    throw a.child("field").error("the rows of '" + group + "' in form " + form.version()
                            + " have no choice field '" + field + "'");
                }
                Set<String> codes = new TreeSet<>();
                f.get().choices().forEach(c -> codes.add(c.code()));
                if (!codes.equals(new TreeSet<>(schemes))) {
                    throw a.child("field").error("the codes of '" + group + "." + field + "' in form "
                            + form.version() + " " + codes + " must be the respondent list's schemes "
                            + new TreeSet<>(schemes));
                }
            }
            answersFor = Optional.of(new Questionnaire.AnswersFor(group, field));
        }
        return Optional.of(new Questionnaire(schemes, from, to, answersFor));
    }

    /**
     * Reads one form definition.
     *
     * @param url where it is
     * @return the form
     * @throws DefinitionException when it is broken
     */
    public static FormDefinition readForm(URL url) throws DefinitionException {
        String file = shortName(url);
        Node root = parse(url, file);
        return readForm(root);
    }

    /**
     * Reads one form definition from a stream (for tests and tools).
     *
     * @param file the name to use in messages
     * @param in   the JSON
     * @return the form
     * @throws DefinitionException when it is broken
     */
    public static FormDefinition readForm(String file, InputStream in) throws DefinitionException {
        try {
            return readForm(new Node(file, "", Json.MAPPER.readTree(in)));
        } catch (JsonProcessingException e) {
            throw new DefinitionException(file + ": not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether a form revises another, directly or through revisions of revisions. */
    private static boolean revises(String version, String other, Map<String, String> revisesOf) {
        Set<String> seen = new HashSet<>();
        for (String v = revisesOf.get(version); v != null && seen.add(v); v = revisesOf.get(v)) {
            if (v.equals(other)) {
                return true;
            }
        }
        return false;
    }

    private static FormDefinition readForm(Node root) throws DefinitionException {
        if (root.json.has(FormInheritance.EXTENDS)) {
            throw root.child(FormInheritance.EXTENDS).error("a derived form can only be read with its scheme, "
                    + "which lists the form it extends");
        }
        root.onlyKeys(FORM_KEYS);
        checkFormatVersion(root);
        String scheme = root.text("scheme");
        String version = root.text("version");
        if (root.has(REVISES) && root.text(REVISES).equals(version)) {
            throw root.child(REVISES).error("a form cannot revise itself; give the revision a version of its own, "
                    + "such as \"" + version + "-2\"");
        }
        Node years = root.child("years");
        years.onlyKeys(Set.of("from", "to"));
        int from = years.year("from");
        int to = years.year("to");
        if (to < from) {
            throw years.error("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        LocalizedText title = root.localized("title");
        List<Section> sections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Node sectionList = root.array("sections");
        for (int i = 0; i < sectionList.json.size(); i++) {
            Node s = sectionList.index(i);
            s.onlyKeys(SECTION_KEYS);
            sections.add(new Section(s.text("id"), s.localized("title"), readFields(s.array("fields"), ids)));
        }
        FormDefinition draft = new FormDefinition(scheme, version, from, to, title, sections, List.of());
        checkConditions(draft, sectionList);
        List<Rule> rules = new ArrayList<>();
        if (root.has("rules")) {
            Node ruleList = root.array("rules");
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < ruleList.json.size(); i++) {
                Rule rule = readRule(ruleList.index(i), draft);
                if (!codes.add(rule.code() + "|" + rule.scope().orElse(""))) {
                    throw ruleList.index(i).error("rule code '" + rule.code() + "' is used twice in the same scope");
                }
                rules.add(rule);
            }
        }
        return new FormDefinition(scheme, version, from, to, title, sections, rules);
    }

    private static List<Field> readFields(Node list, Set<String> ids) throws DefinitionException {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < list.json.size(); i++) {
            fields.add(readField(list.index(i), ids));
        }
        return fields;
    }

    private static Field readField(Node f, Set<String> ids) throws DefinitionException {
        f.onlyKeys(FIELD_KEYS);
        String id = f.text("id");
        if (!ID.matcher(id).matches()) {
            throw f.child("id").error("field id '" + id + "' must start with a letter and hold only letters, digits "
                    + "and '_' (it is used in expressions)");
        }
        if (RESERVED.contains(id) || HEADER_NAMES.contains(id)) {
            throw f.child("id").error("field id '" + id + "' is reserved (" + (HEADER_NAMES.contains(id)
                    ? "expressions use it for the submission's " + id : "a word of the expression language")
                    + "); choose another id");
        }
        if (!ids.add(id)) {
            throw f.child("id").error("field id '" + id + "' is used twice");
        }
        FieldType type = f.fieldType();
        boolean required = f.has("required") && f.bool("required");
        Optional<String> requiredWhen = Optional.empty();
        if (f.has("requiredWhen")) {
            String expr = f.text("requiredWhen");
            try {
                Expressions.compile(expr);
            } catch (IllegalArgumentException e) {
                throw f.child("requiredWhen").error("expression does not compile: " + e.getMessage());
            }
            requiredWhen = Optional.of(expr);
        }
        Constraints constraints = new Constraints(
                f.optionalNumber("min"), f.optionalNumber("max"),
                f.optionalInt("maxLength"), f.optionalPattern("pattern"),
                f.optionalInt("minRows"), f.optionalInt("maxRows"));
        checkConstraintsFit(f, type, constraints);
        List<Choice> choices = new ArrayList<>();
        if (type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE) {
            Node list = f.array("choices");
            if (list.json.isEmpty()) {
                throw list.error("a " + type.name().toLowerCase(Locale.ROOT) + " field needs at least one choice");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < list.json.size(); i++) {
                Node c = list.index(i);
                c.onlyKeys(Set.of("code", "label"));
                String code = c.text("code");
                if (!codes.add(code)) {
                    throw c.child("code").error("choice code '" + code + "' is used twice");
                }
                choices.add(new Choice(code, c.localized("label")));
            }
        } else if (f.has("choices")) {
            throw f.child("choices").error("only choice and multiChoice fields have choices");
        }
        List<Field> children = List.of();
        if (type == FieldType.GROUP) {
            Node list = f.array("fields");
            if (list.json.isEmpty()) {
                throw list.error("a group needs at least one field");
            }
            // Row fields have their own namespace: a row's 'name' does not clash with another group's 'name'.
            children = readFields(list, new HashSet<>());
            for (Field child : children) {
                if (child.type() == FieldType.GROUP) {
                    throw list.error("groups cannot be nested (field '" + child.id() + "')");
                }
            }
        } else if (f.has("fields")) {
            throw f.child("fields").error("only group fields have fields");
        }
        Optional<LocalizedText> help = f.has("help") ? Optional.of(f.localized("help")) : Optional.empty();
        return new Field(id, type, f.localized("label"), help, required, requiredWhen, constraints, choices, children);
    }

    private static void checkConstraintsFit(Node f, FieldType type, Constraints c) throws DefinitionException {
        if ((c.min().isPresent() || c.max().isPresent()) && !type.isNumeric()) {
            throw f.error("min/max apply only to numeric fields, not " + type.name().toLowerCase(Locale.ROOT));
        }
        if ((c.maxLength().isPresent() || c.pattern().isPresent()) && type != FieldType.TEXT) {
            throw f.error("maxLength/pattern apply only to text fields");
        }
        if ((c.minRows().isPresent() || c.maxRows().isPresent()) && type != FieldType.GROUP) {
            throw f.error("minRows/maxRows apply only to group fields");
        }
        if (c.min().isPresent() && c.max().isPresent() && c.min().get().compareTo(c.max().get()) > 0) {
            throw f.error("min is larger than max");
        }
        if (type.isNumeric()) {
            // min/max replace the type's default bounds, but never beyond the ceiling that keeps numbers cheap.
            NumberBounds d = NumberBounds.defaults(type).orElseThrow();
            for (String key : List.of("min", "max")) {
                Optional<BigDecimal> v = key.equals("min") ? c.min() : c.max();
                if (v.isPresent() && NumberBounds.CEILING.check(v.get()) != NumberBounds.Check.IN_RANGE) {
                    throw f.child(key).error(key + " must lie within " + NumberBounds.CEILING.min() + " and "
                            + NumberBounds.CEILING.max() + " with at most " + NumberBounds.CEILING.decimals()
                            + " decimals");
                }
            }
            if (c.min().isPresent() && c.max().isEmpty() && c.min().get().compareTo(d.max()) > 0) {
                throw f.error("min " + c.min().get().toPlainString() + " is above the default max "
                        + d.max().toPlainString() + " of " + type.name().toLowerCase(Locale.ROOT) + "; give max too");
            }
            if (c.max().isPresent() && c.min().isEmpty() && c.max().get().compareTo(d.min()) < 0) {
                throw f.error("max " + c.max().get().toPlainString() + " is below the default min "
                        + d.min().toPlainString() + " of " + type.name().toLowerCase(Locale.ROOT) + "; give min too");
            }
        }
    }

    private static Rule readRule(Node r, FormDefinition form) throws DefinitionException {
        r.onlyKeys(RULE_KEYS);
        String code = r.text("code");
        String expression = r.text("expression");
        try {
            Expressions.compile(expression);
        } catch (IllegalArgumentException e) {
            throw r.child("expression").error("expression does not compile: " + e.getMessage());
        }
        Optional<String> scope = r.has("scope") ? Optional.of(r.text("scope")) : Optional.empty();
        Optional<Field> group = Optional.empty();
        if (scope.isPresent()) {
            group = form.field(scope.get()).filter(g -> g.type() == FieldType.GROUP);
            if (group.isEmpty()) {
                throw r.child("scope").error("'" + scope.get() + "' is not a group field of this form");
            }
        }
        Set<String> names = topLevelNames(form);
        group.ifPresent(g -> g.fields().forEach(c -> names.add(c.id())));
        checkVariables(expression, names, r.child("expression"));
        Optional<String> field = r.has("field") ? Optional.of(r.text("field")) : Optional.empty();
        if (field.isPresent()) {
            boolean known = group.map(g -> g.field(field.get()).isPresent()).orElse(false)
                    || form.field(field.get()).isPresent();
            if (!known) {
                throw r.child("field").error("'" + field.get() + "' is not a field of this form"
                        + scope.map(s -> " or of group '" + s + "'").orElse(""));
            }
        }
        Severity severity = r.has("severity") ? r.enumValue("severity", Severity.class) : Severity.ERROR;
        MissingValuePolicy onMissing = r.enumValue("onMissing", MissingValuePolicy.class);
        return new Rule(code, expression, scope, field, severity, onMissing, r.localized("message"));
    }

    /**
     * A condition that names a field the form does not have would never hold (a missing value skips it), so a typo
     * would silently switch a requirement off: refuse it when the form is loaded.
     */
    private static void checkConditions(FormDefinition form, Node sectionList) throws DefinitionException {
        Set<String> top = topLevelNames(form);
        for (int i = 0; i < form.sections().size(); i++) {
            Node fieldList = sectionList.index(i).child("fields");
            List<Field> fields = form.sections().get(i).fields();
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                Node fn = fieldList.index(j);
                if (f.requiredWhen().isPresent()) {
                    checkVariables(f.requiredWhen().get(), top, fn.child("requiredWhen"));
                }
                if (f.type() == FieldType.GROUP) {
                    Set<String> rowNames = new HashSet<>(top);
                    f.fields().forEach(c -> rowNames.add(c.id()));
                    for (int k = 0; k < f.fields().size(); k++) {
                        Field child = f.fields().get(k);
                        if (child.requiredWhen().isPresent()) {
                            checkVariables(child.requiredWhen().get(), rowNames,
                                    fn.child("fields").index(k).child("requiredWhen"));
                        }
                    }
                }
            }
        }
    }

    private static Set<String> topLevelNames(FormDefinition form) {
        Set<String> names = new HashSet<>(HEADER_NAMES);
        form.fields().forEach(f -> names.add(f.id()));
        return names;
    }

    private static void checkVariables(String expression, Set<String> known, Node where) throws DefinitionException {
        List<String> unknown = Expressions.compile(expression).variables().stream()
                .filter(v -> !known.contains(v)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw where.error("the expression names " + unknown + ", which " + (unknown.size() == 1 ? "is" : "are")
                    + " not a field here (fields: " + known.stream().filter(k -> !HEADER_NAMES.contains(k)).sorted()
                            .toList() + "; also year, scheme, orgUnit)");
        }
    }

    private static void checkFormatVersion(Node root) throws DefinitionException {
        if (root.has("formatVersion")) {
            int v = root.integer("formatVersion");
            if (v != FORMAT_VERSION) {
                throw root.child("formatVersion").error("format version " + v + " is not supported (this core reads "
                        + FORMAT_VERSION + ")");
            }
        }
    }

    private static URL resolve(URL base, Node entry) throws DefinitionException {
        if (!entry.json.isTextual()) {
            throw entry.error("must be a relative path (text)");
        }
        String rel = entry.json.asText();
        if (rel.startsWith("/") || rel.contains("..") || rel.contains(":")) {
            throw entry.error("'" + rel + "' must be a path inside the plugin, relative to the descriptor");
        }
        try {
            return new URL(base, rel);
        } catch (java.net.MalformedURLException e) {
            throw entry.error("'" + rel + "' is not a valid path: " + e.getMessage());
        }
    }

    private static Node parse(URL url, String file) throws DefinitionException {
        try (InputStream in = url.openStream()) {
            return new Node(file, "", Json.MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            throw new DefinitionException(file + ": not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new DefinitionException(file + ": cannot be read: " + e, e);
        }
    }

    private static String shortName(URL url) {
        String path = url.getPath();
        int forms = path.lastIndexOf("/tilskudd/");
        return forms >= 0 ? path.substring(forms + 1) : path.substring(path.lastIndexOf('/') + 1);
    }

    /** A JSON value with its file and JSON-pointer path, so that every error can say where it is. */
    public record Node(String file, String path, JsonNode json) {

        public DefinitionException error(String reason) {
            return new DefinitionException(file + ": " + (path.isEmpty() ? "/" : path) + ": " + reason);
        }

        public boolean has(String key) {
            return json.has(key) && !json.get(key).isNull();
        }

        public Node child(String key) {
            return new Node(file, path + "/" + key, json.path(key));
        }

        public Node index(int i) {
            return new Node(file, path + "/" + i, json.get(i));
        }

        public void onlyKeys(Set<String> allowed) throws DefinitionException {
            if (!json.isObject()) {
                throw error("must be an object");
            }
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!allowed.contains(n)) {
                    throw error("unknown property '" + n + "' (allowed: " + String.join(", ",
                            allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        public Node required(String key) throws DefinitionException {
            if (!has(key)) {
                throw error("'" + key + "' is required");
            }
            return child(key);
        }

        public String text(String key) throws DefinitionException {
            Node n = required(key);
            if (!n.json.isTextual() || n.json.asText().isBlank()) {
                throw n.error("must be non-empty text");
            }
            return n.json.asText();
        }

        public boolean bool(String key) throws DefinitionException {
            Node n = required(key);
            if (!n.json.isBoolean()) {
                throw n.error("must be true or false");
            }
            return n.json.booleanValue();
        }

        public int integer(String key) throws DefinitionException {
            Node n = required(key);
            if (!n.json.isIntegralNumber() || !n.json.canConvertToInt()) {
                throw n.error("must be a whole number");
            }
            return n.json.intValue();
        }

        public int year(String key) throws DefinitionException {
            int y = integer(key);
            if (y < 1900 || y > 2100) {
                throw child(key).error(y + " is not a plausible year (1900-2100)");
            }
            return y;
        }

        public Optional<Integer> optionalInt(String key) throws DefinitionException {
            if (!has(key)) {
                return Optional.empty();
            }
            int v = integer(key);
            if (v < 0) {
                throw child(key).error("must not be negative");
            }
            return Optional.of(v);
        }

        public Optional<BigDecimal> optionalNumber(String key) throws DefinitionException {
            if (!has(key)) {
                return Optional.empty();
            }
            Node n = child(key);
            if (!n.json.isNumber()) {
                throw n.error("must be a number");
            }
            return Optional.of(n.json.decimalValue());
        }

        public Optional<String> optionalPattern(String key) throws DefinitionException {
            if (!has(key)) {
                return Optional.empty();
            }
            String p = text(key);
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw child(key).error("not a valid regular expression: " + e.getDescription());
            }
            return Optional.of(p);
        }

        public Node array(String key) throws DefinitionException {
            Node n = required(key);
            if (!n.json.isArray()) {
                throw n.error("must be a list");
            }
            return n;
        }

        public LocalizedText localized(String key) throws DefinitionException {
            Node n = required(key);
            if (n.json.isTextual()) {
                return LocalizedText.of(n.json.asText());
            }
            n.onlyKeys(Set.of("nb", "en", "nn"));
            String nb = n.text("nb");
            String en = n.has("en") ? n.text("en") : null;
            String nn = n.has("nn") ? n.text("nn") : null;
            return new LocalizedText(nb, en, nn);
        }

        public FieldType fieldType() throws DefinitionException {
            String t = text("type");
            return switch (t) {
                case "text" -> FieldType.TEXT;
                case "integer" -> FieldType.INTEGER;
                case "decimal" -> FieldType.DECIMAL;
                case "amount" -> FieldType.AMOUNT;
                case "percent" -> FieldType.PERCENT;
                case "year" -> FieldType.YEAR;
                case "date" -> FieldType.DATE;
                case "boolean" -> FieldType.BOOLEAN;
                case "choice" -> FieldType.CHOICE;
                case "multiChoice" -> FieldType.MULTI_CHOICE;
                case "group" -> FieldType.GROUP;
                default -> throw child("type").error("unknown field type '" + t + "' (allowed: text, integer, "
                        + "decimal, amount, percent, year, date, boolean, choice, multiChoice, group)");
            };
        }

        public <E extends Enum<E>> E enumValue(String key, Class<E> type) throws DefinitionException {
            String v = text(key);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            throw child(key).error("'" + v + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        }

        /**
         * Text that is published in both languages, so both are required.
         *
         * @param key the property
         * @return the text
         * @throws DefinitionException when it is missing or lacks a language
         */
        public LocalizedText bilingual(String key) throws DefinitionException {
            return required(key).asBilingual();
        }

        /**
         * This value as text in both languages.
         *
         * @return the text
         * @throws DefinitionException when it is not an object with "nb" and "en"
         */
        public LocalizedText asBilingual() throws DefinitionException {
            if (json == null || !json.isObject()) {
                throw error("must be an object with \"nb\" and \"en\"");
            }
            onlyKeys(Set.of("nb", "en"));
            return new LocalizedText(text("nb"), text("en"));
        }

        /**
         * One of a fixed list of values, by name.
         *
         * @param <E>    the type of value
         * @param key    the property
         * @param values the values
         * @param name   a value's name in the file
         * @return the value named
         * @throws DefinitionException when the name is none of them
         */
        public <E> E oneOf(String key, E[] values, java.util.function.Function<E, String> name)
                throws DefinitionException {
            String v = text(key);
            List<String> names = new ArrayList<>();
            for (E e : values) {
                if (name.apply(e).equals(v)) {
                    return e;
                }
                names.add(name.apply(e));
            }
            throw child(key).error("'" + v + "' is not one of " + String.join(", ", names));
        }
    }
}
