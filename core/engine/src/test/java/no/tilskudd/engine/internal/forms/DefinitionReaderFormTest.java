package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.MissingValuePolicy;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.form.Severity;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;

/** Reading single form definitions with {@link DefinitionReader#readForm(String, java.io.InputStream)}. */
class DefinitionReaderFormTest {

    private static FormDefinition read(String json) throws DefinitionException {
        return DefinitionReader.readForm("f.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String json) {
        return assertThrows(DefinitionException.class, () -> read(json)).getMessage();
    }

    /** A form with one section holding the given fields, and the given rules. */
    private static String form(String fields, String rules) {
        return "{ \"formatVersion\": 1, \"scheme\": \"test\", \"version\": \"2006\", "
                + "\"years\": { \"from\": 2006, \"to\": 2010 }, \"title\": \"T\", "
                + "\"sections\": [ { \"id\": \"s\", \"title\": \"S\", \"fields\": [ " + fields + " ] } ]"
                + (rules == null ? "" : ", \"rules\": [ " + rules + " ]") + " }";
    }

    private static String form(String fields) {
        return form(fields, null);
    }

    private static final String GROUP = "{ \"id\": \"measures\", \"type\": \"group\", \"label\": \"M\", "
            + "\"fields\": [ { \"id\": \"name\", \"type\": \"text\", \"label\": \"N\" } ] }";
    private static final String COUNT = "{ \"id\": \"count\", \"type\": \"integer\", \"label\": \"C\" }";

    // --- a valid form -------------------------------------------------------------------------------------------

    @Test
    void validFormHasItsHeader() throws Exception {
        FormDefinition f = read(TestSchemes.FORM_2006);
        assertEquals("test", f.schemeId());
        assertEquals("2006", f.version());
        assertEquals(2006, f.firstYear());
        assertEquals(2020, f.lastYear());
        assertEquals(new LocalizedText("Testskjema", "Test form"), f.title());
        assertEquals(List.of("main", "rows"), f.sections().stream().map(s -> s.id()).toList());
    }

    @Test
    void validFormReadsEveryFieldType() throws Exception {
        FormDefinition f = read(TestSchemes.FORM_2006);
        assertEquals(List.of(FieldType.TEXT, FieldType.INTEGER, FieldType.DECIMAL, FieldType.AMOUNT,
                FieldType.AMOUNT, FieldType.PERCENT, FieldType.YEAR, FieldType.DATE, FieldType.BOOLEAN,
                FieldType.CHOICE, FieldType.MULTI_CHOICE, FieldType.GROUP),
                f.fields().stream().map(Field::type).toList());
        assertEquals(List.of("title", "count", "ratio", "grant", "cap", "share", "started", "reportDate", "active",
                "status", "reasons", "measures"), f.fields().stream().map(Field::id).toList());
    }

    @Test
    void nynorskLabelsHelpAndChoiceLabelsAreRead() throws Exception {
        FormDefinition f = read(form("{ \"id\": \"how\", \"type\": \"choice\", "
                + "\"label\": { \"nb\": \"Hvordan\", \"nn\": \"Korleis\", \"en\": \"How\" }, "
                + "\"help\": { \"nb\": \"Ikke viktig\", \"nn\": \"Ikkje viktig\" }, "
                + "\"choices\": [ { \"code\": \"ok\", \"label\": { \"nb\": \"Oppnådd\", \"nn\": \"Oppnådd\" } }, "
                + "{ \"code\": \"no\", \"label\": { \"nb\": \"Ikke oppnådd\" } } ] }"));
        Field how = f.field("how").orElseThrow();
        java.util.Locale nn = java.util.Locale.forLanguageTag("nn");
        assertEquals(new LocalizedText("Hvordan", "How", "Korleis"), how.label());
        assertEquals("Ikkje viktig", how.help().orElseThrow().in(nn));
        assertEquals("Oppnådd", how.choice("ok").orElseThrow().label().in(nn));
        assertEquals("Ikke oppnådd", how.choice("no").orElseThrow().label().in(nn));
        assertTrue(how.choice("no").orElseThrow().label().fallsBack(nn));
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertTrue(refusal(form("{ \"id\": \"a\", \"type\": \"text\", \"label\": { \"nb\": \"A\", \"se\": \"A\" } }"))
                .contains("se"));
    }

    @Test
    void validFormReadsTextConstraints() throws Exception {
        Field title = read(TestSchemes.FORM_2006).field("title").orElseThrow();
        assertEquals(Optional.of(10), title.constraints().maxLength());
        assertEquals(Optional.of("[A-Z][a-z]*"), title.constraints().pattern());
        assertEquals(new LocalizedText("Tittel", "Title"), title.label());
        assertFalse(title.required());
    }

    @Test
    void validFormReadsNumericLimitsAsDecimals() throws Exception {
        FormDefinition f = read(TestSchemes.FORM_2006);
        Field ratio = f.field("ratio").orElseThrow();
        assertEquals(0, new BigDecimal("0.5").compareTo(ratio.constraints().min().orElseThrow()));
        assertEquals(0, new BigDecimal("2.5").compareTo(ratio.constraints().max().orElseThrow()));
        Field cap = f.field("cap").orElseThrow();
        assertEquals(0, new BigDecimal("-100").compareTo(cap.constraints().min().orElseThrow()));
        assertTrue(f.field("grant").orElseThrow().constraints().min().isEmpty());
        assertEquals(0, BigDecimal.valueOf(2000).compareTo(f.field("started").orElseThrow().constraints().min()
                .orElseThrow()));
    }

    @Test
    void validFormReadsChoicesInOrder() throws Exception {
        FormDefinition f = read(TestSchemes.FORM_2006);
        Field status = f.field("status").orElseThrow();
        assertTrue(status.required());
        assertEquals(List.of("ok", "notOk"), status.choices().stream().map(c -> c.code()).toList());
        assertEquals(LocalizedText.of("Ikke OK"), status.choice("notOk").orElseThrow().label());
        Field reasons = f.field("reasons").orElseThrow();
        assertEquals(List.of("time", "money"), reasons.choices().stream().map(c -> c.code()).toList());
        assertEquals(Optional.of("status == 'notOk'"), reasons.requiredWhen());
        assertTrue(f.field("count").orElseThrow().choices().isEmpty());
    }

    @Test
    void validFormReadsGroupRowsAndLimits() throws Exception {
        Field measures = read(TestSchemes.FORM_2006).field("measures").orElseThrow();
        assertEquals(Optional.of(2), measures.constraints().minRows());
        assertEquals(Optional.of(3), measures.constraints().maxRows());
        assertEquals(List.of("name", "kind", "firstFundedYear", "participants"),
                measures.fields().stream().map(Field::id).toList());
        assertTrue(measures.field("name").orElseThrow().required());
        assertEquals(Optional.of("kind == 'continued'"),
                measures.field("firstFundedYear").orElseThrow().requiredWhen());
        assertEquals(FieldType.CHOICE, measures.field("kind").orElseThrow().type());
    }

    @Test
    void validFormReadsRules() throws Exception {
        List<Rule> rules = read(TestSchemes.FORM_2006).rules();
        assertEquals(3, rules.size());
        Rule scoped = rules.get(0);
        assertEquals("FIRST_YEAR_AFTER_REPORT", scoped.code());
        assertEquals(Optional.of("measures"), scoped.scope());
        assertEquals(Optional.of("firstFundedYear"), scoped.field());
        assertEquals(Severity.ERROR, scoped.severity());
        assertEquals(MissingValuePolicy.SKIP, scoped.onMissing());
        assertEquals(MissingValuePolicy.FAIL, rules.get(1).onMissing());
        Rule warning = rules.get(2);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(Optional.empty(), warning.scope());
        assertEquals("count <= 50", warning.expression());
        assertEquals(new LocalizedText("Høyt antall.", "High count."), warning.message());
    }

    @Test
    void helpTextIsOptional() throws Exception {
        FormDefinition f = read(form("{ \"id\": \"a\", \"type\": \"text\", \"label\": \"A\", "
                + "\"help\": { \"nb\": \"Hjelp\" } }, { \"id\": \"b\", \"type\": \"date\", \"label\": \"B\" }"));
        assertEquals(Optional.of(new LocalizedText("Hjelp", "Hjelp")), f.field("a").orElseThrow().help());
        assertEquals(Optional.empty(), f.field("b").orElseThrow().help());
    }

    @Test
    void formWithoutFormatVersionIsRead() throws Exception {
        FormDefinition f = read(form(COUNT).replace("\"formatVersion\": 1, ", ""));
        assertEquals("2006", f.version());
    }

    @Test
    void rowFieldIdsMayRepeatTopLevelIds() throws Exception {
        FormDefinition f = read(form("{ \"id\": \"name\", \"type\": \"text\", \"label\": \"N\" }, " + GROUP));
        assertEquals("name", f.field("measures").orElseThrow().fields().get(0).id());
    }

    // --- refusals ---------------------------------------------------------------------------------------------

    @Test
    void unknownPropertyOnAFieldIsRefused() {
        String m = refusal(form("{ \"id\": \"a\", \"type\": \"text\", \"label\": \"A\", \"colour\": \"red\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/0: unknown property 'colour' (allowed: choices, "),
                m);
    }

    @Test
    void unknownTopLevelPropertyIsRefused() {
        String m = refusal(form(COUNT).replace("\"title\": \"T\"", "\"title\": \"T\", \"author\": \"x\""));
        assertTrue(m.startsWith("f.json: /: unknown property 'author'"), m);
    }

    @Test
    void unknownFieldTypeIsRefused() {
        String m = refusal(form(COUNT + ", { \"id\": \"a\", \"type\": \"money\", \"label\": \"A\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/1/type: unknown field type 'money'"), m);
    }

    @Test
    void duplicateFieldIdIsRefused() {
        String json = form(COUNT).replace("] } ]", "] }, { \"id\": \"t\", \"title\": \"T\", \"fields\": [ "
                + "{ \"id\": \"count\", \"type\": \"decimal\", \"label\": \"C2\" } ] } ]");
        assertEquals("f.json: /sections/1/fields/0/id: field id 'count' is used twice", refusal(json));
    }

    @Test
    void duplicateFieldIdWithinAGroupIsRefused() {
        String m = refusal(form("{ \"id\": \"g\", \"type\": \"group\", \"label\": \"G\", \"fields\": [ "
                + "{ \"id\": \"x\", \"type\": \"text\", \"label\": \"X\" }, "
                + "{ \"id\": \"x\", \"type\": \"text\", \"label\": \"X\" } ] }"));
        assertEquals("f.json: /sections/0/fields/0/fields/1/id: field id 'x' is used twice", m);
    }

    @Test
    void choiceFieldWithoutChoicesIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: 'choices' is required",
                refusal(form("{ \"id\": \"c\", \"type\": \"choice\", \"label\": \"C\" }")));
    }

    @Test
    void choiceFieldWithAnEmptyListIsRefused() {
        assertEquals("f.json: /sections/0/fields/0/choices: a multi_choice field needs at least one choice",
                refusal(form("{ \"id\": \"c\", \"type\": \"multiChoice\", \"label\": \"C\", \"choices\": [] }")));
    }

    @Test
    void duplicateChoiceCodeIsRefused() {
        assertEquals("f.json: /sections/0/fields/0/choices/1/code: choice code 'a' is used twice",
                refusal(form("{ \"id\": \"c\", \"type\": \"choice\", \"label\": \"C\", \"choices\": [ "
                        + "{ \"code\": \"a\", \"label\": \"A\" }, { \"code\": \"a\", \"label\": \"A2\" } ] }")));
    }

    @Test
    void choicesOnANonChoiceFieldAreRefused() {
        assertEquals("f.json: /sections/0/fields/0/choices: only choice and multiChoice fields have choices",
                refusal(form("{ \"id\": \"c\", \"type\": \"text\", \"label\": \"C\", \"choices\": [ "
                        + "{ \"code\": \"a\", \"label\": \"A\" } ] }")));
    }

    @Test
    void minOnATextFieldIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: min/max apply only to numeric fields, not text",
                refusal(form("{ \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", \"min\": 1 }")));
    }

    @Test
    void maxLengthOnANumberFieldIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: maxLength/pattern apply only to text fields",
                refusal(form("{ \"id\": \"n\", \"type\": \"integer\", \"label\": \"N\", \"maxLength\": 3 }")));
    }

    @Test
    void minRowsOnANonGroupIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: minRows/maxRows apply only to group fields",
                refusal(form("{ \"id\": \"n\", \"type\": \"integer\", \"label\": \"N\", \"minRows\": 1 }")));
    }

    @Test
    void minOrMaxBeyondTheCeilingIsRefused() {
        // A form must not reopen what the bounds close: 1e99999999 as a max would let such numbers through again.
        assertEquals("f.json: /sections/0/fields/0/max: max must lie within -9223372036854775808 and "
                + "9223372036854775807 with at most 20 decimals",
                refusal(form("{ \"id\": \"n\", \"type\": \"amount\", \"label\": \"N\", \"max\": 1e99999999 }")));
        assertEquals("f.json: /sections/0/fields/0/min: min must lie within -9223372036854775808 and "
                + "9223372036854775807 with at most 20 decimals",
                refusal(form("{ \"id\": \"n\", \"type\": \"decimal\", \"label\": \"N\", \"min\": 1e-30 }")));
    }

    @Test
    void minAboveTheDefaultMaxNeedsAMax() {
        assertEquals("f.json: /sections/0/fields/0: min 200 is above the default max 100 of percent; give max too",
                refusal(form("{ \"id\": \"n\", \"type\": \"percent\", \"label\": \"N\", \"min\": 200 }")));
        assertEquals("f.json: /sections/0/fields/0: max 1800 is below the default min 1900 of year; give min too",
                refusal(form("{ \"id\": \"n\", \"type\": \"year\", \"label\": \"N\", \"max\": 1800 }")));
    }

    @Test
    void minAboveMaxIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: min is larger than max",
                refusal(form("{ \"id\": \"n\", \"type\": \"integer\", \"label\": \"N\", \"min\": 5, \"max\": 4 }")));
    }

    @Test
    void invalidPatternIsRefused() {
        String m = refusal(form("{ \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", \"pattern\": \"[a-\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/0/pattern: not a valid regular expression"), m);
    }

    @Test
    void fieldIdThatIsNotAnIdentifierIsRefused() {
        String m = refusal(form("{ \"id\": \"first-year\", \"type\": \"year\", \"label\": \"Y\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/0/id: field id 'first-year' must start with a letter"),
                m);
    }

    @Test
    void nestedGroupIsRefused() {
        String m = refusal(form("{ \"id\": \"outer\", \"type\": \"group\", \"label\": \"O\", \"fields\": [ "
                + "{ \"id\": \"inner\", \"type\": \"group\", \"label\": \"I\", \"fields\": [ "
                + "{ \"id\": \"x\", \"type\": \"text\", \"label\": \"X\" } ] } ] }"));
        assertEquals("f.json: /sections/0/fields/0/fields: groups cannot be nested (field 'inner')", m);
    }

    @Test
    void groupWithoutFieldsIsRefused() {
        assertEquals("f.json: /sections/0/fields/0/fields: a group needs at least one field",
                refusal(form("{ \"id\": \"g\", \"type\": \"group\", \"label\": \"G\", \"fields\": [] }")));
    }

    @Test
    void requiredWhenThatDoesNotCompileIsRefused() {
        String m = refusal(form(COUNT + ", { \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", "
                + "\"requiredWhen\": \"count >\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/1/requiredWhen: expression does not compile: "), m);
    }

    @Test
    void requiredWhenWithAMethodCallIsRefused() {
        String m = refusal(form(COUNT + ", { \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", "
                + "\"requiredWhen\": \"count.toString() == '1'\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/1/requiredWhen: expression does not compile: "), m);
    }

    @Test
    void ruleExpressionThatDoesNotCompileIsRefused() {
        String m = refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count >= (1\", "
                + "\"onMissing\": \"skip\", \"message\": \"m\" }"));
        assertTrue(m.startsWith("f.json: /rules/0/expression: expression does not compile: "), m);
    }

    @Test
    void ruleScopeThatIsNotAGroupIsRefused() {
        assertEquals("f.json: /rules/0/scope: 'count' is not a group field of this form",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"scope\": \"count\", "
                        + "\"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void ruleScopeThatDoesNotExistIsRefused() {
        assertEquals("f.json: /rules/0/scope: 'rows' is not a group field of this form",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"scope\": \"rows\", "
                        + "\"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void ruleFieldThatDoesNotExistIsRefused() {
        assertEquals("f.json: /rules/0/field: 'nope' is not a field of this form",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"field\": \"nope\", "
                        + "\"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void ruleFieldOutsideItsScopeGroupIsRefused() {
        assertEquals("f.json: /rules/1/field: 'other' is not a field of this form or of group 'measures'",
                refusal(form(COUNT + ", " + GROUP, "{ \"code\": \"R\", \"expression\": \"count > 0\", "
                        + "\"field\": \"count\", \"onMissing\": \"skip\", \"message\": \"m\" }, "
                        + "{ \"code\": \"S\", \"expression\": \"name != ''\", \"scope\": \"measures\", "
                        + "\"field\": \"other\", \"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void ruleNamingAFieldTheFormDoesNotHaveIsRefused() {
        // With onMissing skip, a misspelt name would silently switch the rule off.
        String m = refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"cuont > 0\", "
                + "\"onMissing\": \"skip\", \"message\": \"m\" }"));
        assertTrue(m.startsWith("f.json: /rules/0/expression: the expression names [cuont], which is not a field"), m);
    }

    @Test
    void scopedRuleMayNameRowFieldsTopLevelFieldsAndTheYear() throws Exception {
        read(form(COUNT + ", " + GROUP, "{ \"code\": \"S\", \"expression\": \"name != '' && count >= 0 "
                + "&& year > 2000\", \"scope\": \"measures\", \"onMissing\": \"skip\", \"message\": \"m\" }"));
    }

    @Test
    void unscopedRuleCannotNameARowField() {
        String m = refusal(form(COUNT + ", " + GROUP, "{ \"code\": \"R\", \"expression\": \"name != ''\", "
                + "\"onMissing\": \"skip\", \"message\": \"m\" }"));
        assertTrue(m.contains("/rules/0/expression: the expression names [name]"), m);
    }

    @Test
    void requiredWhenNamingAFieldTheFormDoesNotHaveIsRefused() {
        String m = refusal(form(COUNT + ", { \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", "
                + "\"requiredWhen\": \"cnt > 1\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/1/requiredWhen: the expression names [cnt]"), m);
    }

    @Test
    void requiredWhenMayNameALaterField() throws Exception {
        read(form("{ \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", \"requiredWhen\": \"count > 1\" }, "
                + COUNT));
    }

    @Test
    void fieldIdThatIsAReservedWordIsRefused() {
        String m = refusal(form("{ \"id\": \"size\", \"type\": \"integer\", \"label\": \"S\" }"));
        assertTrue(m.startsWith("f.json: /sections/0/fields/0/id: field id 'size' is reserved"), m);
    }

    @Test
    void fieldIdThatHidesAHeaderNameIsRefused() {
        String m = refusal(form("{ \"id\": \"year\", \"type\": \"year\", \"label\": \"Y\" }"));
        assertTrue(m.contains("field id 'year' is reserved (expressions use it for the submission's year)"), m);
    }

    @Test
    void scopedRuleMayPointAtARowField() throws Exception {
        FormDefinition f = read(form(COUNT + ", " + GROUP, "{ \"code\": \"S\", \"expression\": \"name != 'x'\", "
                + "\"scope\": \"measures\", \"field\": \"name\", \"onMissing\": \"skip\", \"message\": \"m\" }"));
        assertEquals(Optional.of("name"), f.rules().get(0).field());
    }

    @Test
    void ruleWithoutOnMissingIsRefused() {
        assertEquals("f.json: /rules/0: 'onMissing' is required",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"message\": \"m\" }")));
    }

    @Test
    void ruleWithUnknownSeverityIsRefused() {
        assertEquals("f.json: /rules/0/severity: 'fatal' is not one of [error, warning]",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"severity\": \"fatal\", "
                        + "\"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void sameRuleCodeTwiceInOneScopeIsRefused() {
        assertEquals("f.json: /rules/1: rule code 'R' is used twice in the same scope",
                refusal(form(COUNT, "{ \"code\": \"R\", \"expression\": \"count > 0\", \"onMissing\": \"skip\", "
                        + "\"message\": \"m\" }, { \"code\": \"R\", \"expression\": \"count < 9\", "
                        + "\"onMissing\": \"skip\", \"message\": \"m\" }")));
    }

    @Test
    void wrongFormatVersionIsRefused() {
        assertEquals("f.json: /formatVersion: format version 2 is not supported (this core reads 1)",
                refusal(form(COUNT).replace("\"formatVersion\": 1", "\"formatVersion\": 2")));
    }

    @Test
    void yearsToBeforeFromIsRefused() {
        assertEquals("f.json: /years: 'to' (2005) is before 'from' (2006)",
                refusal(form(COUNT).replace("\"to\": 2010", "\"to\": 2005")));
    }

    @Test
    void implausibleYearIsRefused() {
        assertEquals("f.json: /years/from: 206 is not a plausible year (1900-2100)",
                refusal(form(COUNT).replace("\"from\": 2006", "\"from\": 206")));
    }

    @Test
    void missingLabelIsRefused() {
        assertEquals("f.json: /sections/0/fields/0: 'label' is required",
                refusal(form("{ \"id\": \"t\", \"type\": \"text\" }")));
    }

    @Test
    void requiredThatIsNotABooleanIsRefused() {
        assertEquals("f.json: /sections/0/fields/0/required: must be true or false",
                refusal(form("{ \"id\": \"t\", \"type\": \"text\", \"label\": \"T\", \"required\": \"yes\" }")));
    }

    @Test
    void brokenJsonIsRefusedWithLineAndColumn() {
        String m = refusal("{\n  \"scheme\": \"test\",\n  \"version\": }");
        assertTrue(m.startsWith("f.json: not valid JSON: "), m);
        assertTrue(m.endsWith("at line 3, column 14"), m);
    }
}
