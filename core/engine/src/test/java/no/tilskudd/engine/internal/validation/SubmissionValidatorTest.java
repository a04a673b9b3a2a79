package no.tilskudd.engine.internal.validation;

import static no.tilskudd.engine.TestSchemes.codes;
import static no.tilskudd.engine.TestSchemes.measures;
import static no.tilskudd.engine.TestSchemes.submission;
import static no.tilskudd.engine.TestSchemes.validValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of {@link SubmissionValidator} against the test scheme (see {@link TestSchemes#FORM_2006}). */
class SubmissionValidatorTest {

    private static final CsvOrgUnitRegister ORG_UNITS = CsvOrgUnitRegister.defaults();

    @TempDir
    Path dir;

    SchemeCatalog schemes;
    final List<Validator> plugins = new ArrayList<>();
    SubmissionValidator validator;
    Map<String, Object> values;

    @BeforeEach
    void setUp() {
        schemes = TestSchemes.catalog(dir);
        validator = new SubmissionValidator(schemes, ORG_UNITS, () -> plugins);
        values = validValues();
    }

    private List<String> check() {
        return codes(validator.validate(submission(values)));
    }

    private List<String> check(Submission s) {
        return codes(validator.validate(s));
    }

    private Violation only() {
        List<Violation> v = validator.validate(submission(values));
        assertEquals(1, v.size(), () -> codes(v).toString());
        return v.get(0);
    }

    @Test
    void validSubmissionHasNoViolations() {
        assertEquals(List.of(), check());
    }

    @Nested
    class Text {
        @Test
        void textAtMaxLengthPasses() {
            values.put("title", "Abcdefghij");
            assertEquals(List.of(), check());
        }

        @Test
        void textOverMaxLengthFails() {
            values.put("title", "Abcdefghijk");
            assertEquals(List.of("TEXT_TOO_LONG@title"), check());
            assertEquals("'Title' is too long: 11 characters, max 10.", only().message().en());
            assertEquals("«Tittel» er for lang: 11 tegn, maks 10.", only().message().nb());
        }

        @Test
        void textNotMatchingThePatternFails() {
            values.put("title", "alpha");
            assertEquals(List.of("TEXT_PATTERN@title"), check());
        }

        @Test
        void patternMustMatchTheWholeText() {
            values.put("title", "Alpha1");
            assertEquals(List.of("TEXT_PATTERN@title"), check());
        }

        @Test
        void numberForTextFails() {
            values.put("title", 5L);
            assertEquals(List.of("FIELD_TYPE@title"), check());
            assertEquals("'Title' must be text, not 5.", only().message().en());
        }
    }

    @Nested
    class IntegerField {
        @Test
        void boundsAreInclusive() {
            values.put("count", 0L);
            assertEquals(List.of(), check());
            values.put("count", 100L);
            assertEquals(List.of("COUNT_HIGH@count"), check()); // only the warning rule (count <= 50)
        }

        @Test
        void belowMinFails() {
            values.put("count", -1L);
            assertEquals(List.of("VALUE_TOO_SMALL@count"), check());
            assertEquals("'Antall' must be at least 0 (is -1).", only().message().en());
        }

        @Test
        void aboveMaxFails() {
            values.put("count", 101L);
            assertEquals(List.of("VALUE_TOO_LARGE@count", "COUNT_HIGH@count"), check());
        }

        @Test
        void fractionFails() {
            values.put("count", new BigDecimal("1.5"));
            assertEquals(List.of("FIELD_TYPE@count"), check());
        }

        @Test
        void wholeDecimalPasses() {
            values.put("count", new BigDecimal("10.00"));
            assertEquals(List.of(), check());
        }

        @Test
        void javaIntegerPasses() {
            values.put("count", 10);
            assertEquals(List.of(), check());
        }

        @Test
        void textForIntegerFails() {
            values.put("count", "10");
            assertEquals(List.of("FIELD_TYPE@count"), check());
        }
    }

    @Nested
    class DecimalField {
        @Test
        void boundsAreInclusive() {
            values.put("ratio", new BigDecimal("0.5"));
            assertEquals(List.of(), check());
            values.put("ratio", new BigDecimal("2.50"));
            assertEquals(List.of(), check());
        }

        @Test
        void belowMinFails() {
            values.put("ratio", new BigDecimal("0.49"));
            assertEquals(List.of("VALUE_TOO_SMALL@ratio"), check());
        }

        @Test
        void aboveMaxFails() {
            values.put("ratio", new BigDecimal("2.51"));
            assertEquals(List.of("VALUE_TOO_LARGE@ratio"), check());
        }

        @Test
        void booleanForDecimalFails() {
            values.put("ratio", true);
            assertEquals(List.of("FIELD_TYPE@ratio"), check());
        }
    }

    @Nested
    class AmountField {
        @Test
        void zeroAndOrePass() {
            values.put("grant", 0L);
            values.put("cap", new BigDecimal("999.99"));
            assertEquals(List.of(), check());
        }

        @Test
        void negativeWithoutMinFails() {
            values.put("grant", new BigDecimal("-0.01"));
            assertEquals(List.of("AMOUNT_NEGATIVE@grant"), check());
        }

        @Test
        void negativeAllowedByMinPasses() {
            values.put("cap", -100L);
            assertEquals(List.of(), check());
        }

        @Test
        void belowExplicitMinFails() {
            values.put("cap", -101L);
            assertEquals(List.of("VALUE_TOO_SMALL@cap"), check());
        }

        @Test
        void aboveMaxFails() {
            values.put("cap", new BigDecimal("1000.01"));
            assertEquals(List.of("VALUE_TOO_LARGE@cap"), check());
        }

        @Test
        void textForAmountFails() {
            values.put("grant", "1000 kr");
            assertEquals(List.of("FIELD_TYPE@grant"), check());
        }
    }

    @Nested
    class PercentField {
        @Test
        void zeroAndHundredPass() {
            values.put("share", 0L);
            assertEquals(List.of(), check());
            values.put("share", new BigDecimal("100.0"));
            assertEquals(List.of(), check());
        }

        @Test
        void overHundredFails() {
            values.put("share", new BigDecimal("100.1"));
            assertEquals(List.of("PERCENT_RANGE@share"), check());
        }

        @Test
        void negativeFails() {
            values.put("share", -1L);
            assertEquals(List.of("PERCENT_RANGE@share"), check());
        }

        @Test
        void listForPercentFails() {
            values.put("share", List.of(50L));
            assertEquals(List.of("FIELD_TYPE@share"), check());
        }
    }

    @Nested
    class YearField {
        @Test
        void yearAtMinPasses() {
            values.put("started", 2000L);
            assertEquals(List.of(), check());
        }

        @Test
        void implausibleYearFails() {
            values.put("started", 1800L);
            assertEquals(List.of("YEAR_IMPLAUSIBLE@started"), check());
        }

        @Test
        void yearAfter2100IsImplausible() {
            values.put("started", 2101L);
            assertEquals(List.of("YEAR_IMPLAUSIBLE@started"), check());
        }

        @Test
        void plausibleYearBelowMinFails() {
            values.put("started", 1999L);
            assertEquals(List.of("VALUE_TOO_SMALL@started"), check());
        }

        @Test
        void fractionalYearFails() {
            values.put("started", new BigDecimal("2010.5"));
            assertEquals(List.of("FIELD_TYPE@started"), check());
        }

        @Test
        void hugeNumberIsNotMistakenForAPlausibleYear() {
            // 4294969306 = 2^32 + 2010: its int value would be 2010.
            values.put("started", 4_294_969_306L);
            assertEquals(List.of("YEAR_IMPLAUSIBLE@started"), check());
        }
    }

    @Nested
    class DateField {
        @Test
        void leapDayPasses() {
            values.put("reportDate", "2016-02-29");
            assertEquals(List.of(), check());
        }

        @Test
        void impossibleDateFails() {
            values.put("reportDate", "2017-02-29");
            assertEquals(List.of("FIELD_TYPE@reportDate"), check());
        }

        @Test
        void norwegianNotationFails() {
            values.put("reportDate", "31.12.2016");
            assertEquals(List.of("FIELD_TYPE@reportDate"), check());
        }

        @Test
        void numberForDateFails() {
            values.put("reportDate", 20161231L);
            assertEquals(List.of("FIELD_TYPE@reportDate"), check());
        }
    }

    @Nested
    class BooleanField {
        @Test
        void falsePasses() {
            values.put("active", false);
            assertEquals(List.of(), check());
        }

        @Test
        void textForBooleanFails() {
            values.put("active", "yes");
            assertEquals(List.of("FIELD_TYPE@active"), check());
        }
    }

    @Nested
    class ChoiceField {
        @Test
        void knownCodePasses() {
            values.put("status", "notOk");
            values.put("reasons", List.of("time"));
            assertEquals(List.of(), check());
        }

        @Test
        void unknownCodeFails() {
            values.put("status", "maybe");
            assertEquals(List.of("CHOICE_UNKNOWN@status"), check());
            assertEquals("'maybe' is not a valid answer to 'Status' (valid: ok, notOk).", only().message().en());
        }

        @Test
        void codesAreCaseSensitive() {
            values.put("status", "OK");
            assertEquals(List.of("CHOICE_UNKNOWN@status"), check());
        }

        @Test
        void numberForChoiceFails() {
            values.put("status", 1L);
            assertEquals(List.of("FIELD_TYPE@status"), check());
        }

        @Test
        void missingRequiredChoiceFails() {
            values.remove("status");
            assertEquals(List.of("FIELD_REQUIRED@status"), check());
            assertEquals("'Status' is required.", only().message().en());
        }

        @Test
        void blankRequiredChoiceFails() {
            values.put("status", "  ");
            assertEquals(List.of("FIELD_REQUIRED@status"), check());
        }

        @Test
        void nullRequiredChoiceFails() {
            values.put("status", null);
            assertEquals(List.of("FIELD_REQUIRED@status"), check());
        }
    }

    @Nested
    class MultiChoiceField {
        @Test
        void distinctKnownCodesPass() {
            values.put("reasons", List.of("time", "money"));
            assertEquals(List.of(), check());
        }

        @Test
        void unknownCodeFailsAtItsIndex() {
            values.put("reasons", List.of("time", "weather"));
            assertEquals(List.of("CHOICE_UNKNOWN@reasons[1]"), check());
        }

        @Test
        void duplicateCodeFailsAtTheSecondIndex() {
            values.put("reasons", List.of("money", "time", "money"));
            assertEquals(List.of("CHOICE_DUPLICATE@reasons[2]"), check());
        }

        @Test
        void singleTextFails() {
            values.put("reasons", "time");
            assertEquals(List.of("FIELD_TYPE@reasons"), check());
        }

        @Test
        void listWithANumberFails() {
            values.put("reasons", List.of("time", 2L));
            assertEquals(List.of("FIELD_TYPE@reasons"), check());
        }

        @Test
        void requiredWhenConditionHoldsAndValueMissingFails() {
            values.put("status", "notOk");
            assertEquals(List.of("FIELD_REQUIRED_WHEN@reasons"), check());
            assertEquals("'Årsaker' is required when status == 'notOk'.", only().message().en());
        }

        @Test
        void requiredWhenConditionHoldsAndListEmptyFails() {
            values.put("status", "notOk");
            values.put("reasons", List.of());
            assertEquals(List.of("FIELD_REQUIRED_WHEN@reasons"), check());
        }

        @Test
        void requiredWhenConditionDoesNotHoldPasses() {
            values.put("status", "ok");
            values.remove("reasons");
            assertEquals(List.of(), check());
        }

        @Test
        void requiredWhenConditionOverAMissingValueDoesNotRequire() {
            values.remove("status");
            assertEquals(List.of("FIELD_REQUIRED@status"), check());
        }
    }

    @Nested
    class GroupField {
        @Test
        void maxRowsPasses() {
            measures(values).add(TestSchemes.row("M3", "new", 2016L, 1L));
            assertEquals(List.of(), check());
        }

        @Test
        void tooFewRowsFails() {
            measures(values).remove(1);
            assertEquals(List.of("ROWS_TOO_FEW@measures"), check());
            assertEquals("'Tiltak' needs at least 2 rows (has 1).", only().message().en());
        }

        @Test
        void anExplicitEmptyListHasTooFewRows() {
            values.put("measures", new java.util.ArrayList<>());
            assertEquals(List.of("ROWS_TOO_FEW@measures"), check());
        }

        @Test
        void tooManyRowsFails() {
            measures(values).add(TestSchemes.row("M3", "new", 2016L, 1L));
            measures(values).add(TestSchemes.row("M4", "new", 2016L, 1L));
            assertEquals(List.of("ROWS_TOO_MANY@measures"), check());
        }

        @Test
        void rowThatIsNotAnObjectFails() {
            values.put("measures", List.of(Map.of("name", "M1"), "M2"));
            assertEquals(List.of("FIELD_TYPE@measures"), check());
        }

        @Test
        void objectForGroupFails() {
            values.put("measures", Map.of("name", "M1"));
            assertEquals(List.of("FIELD_TYPE@measures"), check());
        }

        @Test
        void rowFieldErrorsCarryTheRowIndex() {
            measures(values).get(1).put("participants", -3L);
            // The field check and the rule over the same value both report, each with the row's path.
            assertEquals(List.of("VALUE_TOO_SMALL@measures[1].participants",
                    "NOBODY_TOOK_PART@measures[1].participants"), check());
        }

        @Test
        void missingRequiredRowFieldFails() {
            measures(values).get(0).remove("name");
            assertEquals(List.of("FIELD_REQUIRED@measures[0].name"), check());
        }

        @Test
        void rowFieldRequiredWhenTheRowSaysSo() {
            measures(values).get(1).remove("firstFundedYear");
            assertEquals(List.of("FIELD_REQUIRED_WHEN@measures[1].firstFundedYear"), check());
        }

        @Test
        void rowFieldNotRequiredWhenTheRowDoesNotSaySo() {
            measures(values).get(0).remove("firstFundedYear");
            assertEquals(List.of(), check());
        }

        @Test
        void rowYearOfWrongTypeFailsWithItsPath() {
            measures(values).get(1).put("firstFundedYear", "2015");
            assertEquals(List.of("FIELD_TYPE@measures[1].firstFundedYear"), check());
        }

        @Test
        void unknownRowFieldFails() {
            measures(values).get(1).put("colour", "red");
            assertEquals(List.of("FIELD_UNKNOWN@measures[1].colour"), check());
        }
    }

    @Test
    void unknownTopLevelFieldFails() {
        values.put("colour", "red");
        assertEquals(List.of("FIELD_UNKNOWN@colour"), check());
        assertEquals("Field 'colour' is not on the form.", only().message().en());
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        values.put("count", -1L);
        values.put("share", 101L);
        values.remove("status");
        measures(values).get(0).put("name", 7L);
        assertEquals(List.of("VALUE_TOO_SMALL@count", "PERCENT_RANGE@share", "FIELD_REQUIRED@status",
                "FIELD_TYPE@measures[0].name"), check());
    }

    @Nested
    class Header {
        @Test
        void unknownSchemeStopsTheCheck() {
            List<String> v = check(new Submission("nope", 2016, "0301", Optional.empty(), Map.of("x", 1L)));
            assertEquals(List.of("SCHEME_UNKNOWN@scheme"), v);
        }

        @Test
        void yearWithoutAFormIsFormUnknownAtYear() {
            assertEquals(List.of("FORM_UNKNOWN@year"),
                    check(new Submission("test", 2030, "0301", Optional.empty(), values)));
        }

        @Test
        void unknownFormVersionIsFormUnknownAtFormVersion() {
            List<Violation> v = validator.validate(new Submission("test", 2016, "0301", Optional.of("1999"),
                    values));
            assertEquals(List.of("FORM_UNKNOWN@formVersion"), codes(v));
            assertEquals("Scheme 'test' has no form for version 1999 (has: [2006, 2021]).",
                    v.get(0).message().en());
        }

        @Test
        void formVersionForAnotherYearIsAMismatch() {
            List<Violation> v = validator.validate(new Submission("test", 2016, "0301", Optional.of("2021"),
                    Map.of("count", 1L)));
            assertEquals(List.of("FORM_YEAR_MISMATCH@year"), codes(v));
            assertEquals("Form version 2021 is for 2021-2022, not 2016.", v.get(0).message().en());
        }

        @Test
        void explicitFormVersionIsUsedForTheFields() {
            // Version 2021 has only 'count'; the values are checked against it, not against 2006.
            assertEquals(List.of("FIELD_UNKNOWN@title"), check(new Submission("test", 2021, "0301",
                    Optional.of("2021"), Map.of("count", 1L, "title", "Alpha"))));
        }

        @Test
        void formIsChosenByYear() {
            assertEquals(List.of(), check(new Submission("test", 2022, "0301", Optional.empty(),
                    Map.of("count", 1L))));
        }

        @Test
        void unknownOrgUnitFails() {
            assertEquals(List.of("ORG_UNIT_UNKNOWN@orgUnit"),
                    check(new Submission("test", 2016, "9999", Optional.empty(), values)));
        }

        @Test
        void orgUnitWithoutLeadingZeroIsUnknown() {
            assertEquals(List.of("ORG_UNIT_UNKNOWN@orgUnit"),
                    check(new Submission("test", 2016, "301", Optional.empty(), values)));
        }

        @Test
        void mergedMunicipalityIsNotValidAfterItEnded() {
            measures(values).get(0).put("firstFundedYear", 2008L);
            measures(values).get(1).put("firstFundedYear", 2007L);
            List<Violation> v = validator.validate(new Submission("test", 2008, "1503", Optional.empty(), values));
            assertEquals(List.of("ORG_UNIT_NOT_VALID_IN_YEAR@orgUnit"), codes(v));
            assertEquals("1503 Kristiansund did not exist in 2008 (valid -2007).", v.get(0).message().en());
        }

        @Test
        void mergedMunicipalityIsValidInItsLastYear() {
            values.put("started", 2007L);
            measures(values).get(0).put("firstFundedYear", 2007L);
            measures(values).get(1).put("firstFundedYear", 2006L);
            assertEquals(List.of(), check(new Submission("test", 2007, "1503", Optional.empty(), values)));
        }

        @Test
        void newMunicipalityCodeIsValidFromItsFirstYear() {
            values.put("started", 2007L);
            measures(values).get(0).put("firstFundedYear", 2008L);
            measures(values).get(1).put("firstFundedYear", 2008L);
            assertEquals(List.of(), check(new Submission("test", 2008, "1505", Optional.empty(), values)));
            assertEquals(List.of("ORG_UNIT_NOT_VALID_IN_YEAR@orgUnit"),
                    check(new Submission("test", 2007, "1505", Optional.empty(), values)).subList(0, 1));
        }

        @Test
        void osloDistrictIsAValidOrgUnit() {
            assertEquals(List.of(), check(new Submission("test", 2016, "030115", Optional.empty(), values)));
        }
    }

    @Nested
    class Rules {
        @Test
        void scopedRuleIsCheckedPerRowWithTheRowPath() {
            measures(values).get(1).put("firstFundedYear", 2017L);
            List<Violation> v = validator.validate(submission(values));
            assertEquals(List.of("FIRST_YEAR_AFTER_REPORT@measures[1].firstFundedYear"), codes(v));
            assertEquals(Severity.ERROR, v.get(0).severity());
            assertEquals("First year is after the reporting year.", v.get(0).message().en());
        }

        @Test
        void scopedRuleReportsEveryFailingRow() {
            measures(values).get(0).put("firstFundedYear", 2017L);
            measures(values).get(1).put("firstFundedYear", 2018L);
            assertEquals(List.of("FIRST_YEAR_AFTER_REPORT@measures[0].firstFundedYear",
                    "FIRST_YEAR_AFTER_REPORT@measures[1].firstFundedYear"), check());
        }

        @Test
        void ruleSeesTheReportingYear() {
            measures(values).get(0).put("firstFundedYear", 2016L);
            assertEquals(List.of(), check());
            assertEquals(List.of("FIRST_YEAR_AFTER_REPORT@measures[0].firstFundedYear"),
                    check(new Submission("test", 2015, "0301", Optional.empty(), values)).subList(0, 1));
        }

        @Test
        void onMissingSkipDoesNotCheckTheRule() {
            measures(values).get(0).remove("firstFundedYear");
            assertEquals(List.of(), check());
        }

        @Test
        void onMissingFailReportsTheRuleAndWhatWasMissing() {
            measures(values).get(1).remove("participants");
            List<Violation> v = validator.validate(submission(values));
            assertEquals(List.of("NOBODY_TOOK_PART@measures[1].participants"), codes(v));
            assertEquals("Nobody took part. (missing: participants)", v.get(0).message().en());
            assertEquals("Ingen deltok. (mangler: participants)", v.get(0).message().nb());
            assertEquals(Severity.ERROR, v.get(0).severity());
        }

        @Test
        void failingRuleWithValuesPresentUsesThePlainMessage() {
            measures(values).get(0).put("participants", 0L);
            List<Violation> v = validator.validate(submission(values));
            assertEquals(List.of("NOBODY_TOOK_PART@measures[0].participants"), codes(v));
            assertEquals("Nobody took part.", v.get(0).message().en());
        }

        @Test
        void warningRuleGivesAWarning() {
            values.put("count", 51L);
            List<Violation> v = validator.validate(submission(values));
            assertEquals(List.of("COUNT_HIGH@count"), codes(v));
            assertEquals(Severity.WARNING, v.get(0).severity());
            assertEquals(false, v.get(0).isError());
        }

        @Test
        void warningRuleAtItsLimitPasses() {
            values.put("count", 50L);
            assertEquals(List.of(), check());
        }

        @Test
        void topLevelRuleWithAMissingValueIsSkipped() {
            values.remove("count");
            assertEquals(List.of(), check());
        }

        @Test
        void scopedRulesAreNotCheckedWhenTheGroupIsAbsent() {
            values.remove("measures");
            assertEquals(List.of(), check());
        }
    }

    @Nested
    class PluginValidators {
        final List<String> calls = new ArrayList<>();

        Validator validator(String scheme, String name, List<Violation> result) {
            return new Validator() {
                @Override
                public String schemeId() {
                    return scheme;
                }

                @Override
                public List<Violation> validate(Submission s, ValidationContext c) {
                    calls.add(name + ":" + c.scheme().id() + "/" + c.form().version() + "/"
                            + c.orgUnit().map(u -> u.name()).orElse("?"));
                    return result;
                }
            };
        }

        @Test
        void validatorGetsTheSchemeFormAndOrgUnit() {
            plugins.add(validator("test", "a", List.of()));
            assertEquals(List.of(), check());
            assertEquals(List.of("a:test/2006/Oslo"), calls);
        }

        @Test
        void validatorViolationsAreAddedAfterTheFormsOwn() {
            plugins.add(validator("test", "a", List.of(Violation.warning("measures", "SUM", "sum", "sum"))));
            values.put("count", -1L);
            assertEquals(List.of("VALUE_TOO_SMALL@count", "SUM@measures"), check());
        }

        @Test
        void throwingValidatorIsReportedAndTheOthersStillRun() {
            plugins.add(new Validator() {
                @Override
                public String schemeId() {
                    return "test";
                }

                @Override
                public List<Violation> validate(Submission s, ValidationContext c) {
                    throw new IllegalStateException("kaputt");
                }
            });
            plugins.add(validator("test", "b", List.of(Violation.error("count", "B", "b", "b"))));
            List<Violation> v = validator.validate(submission(values));
            assertEquals(List.of("VALIDATOR_FAILED@", "B@count"), codes(v));
            assertEquals(Severity.ERROR, v.get(0).severity());
            assertTrue(v.get(0).message().en().endsWith("failed: java.lang.IllegalStateException: kaputt"),
                    v.get(0).message().en());
            assertEquals(List.of("b:test/2006/Oslo"), calls);
        }

        @Test
        void hangingValidatorIsTimeBoxedQuarantinedAndTheOthersStillRun() throws Exception {
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger hangingCalls = new java.util.concurrent.atomic.AtomicInteger();
            plugins.add(new Validator() {
                @Override
                public String schemeId() {
                    return "test";
                }

                @Override
                public List<Violation> validate(Submission s, ValidationContext c) {
                    hangingCalls.incrementAndGet();
                    // Ignores interruption, as a plugin stuck in a loop would.
                    while (never.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                    return List.of();
                }
            });
            plugins.add(validator("test", "b", List.of(Violation.warning("count", "B", "b", "b"))));
            SubmissionValidator boxed = new SubmissionValidator(schemes, ORG_UNITS, () -> plugins,
                    java.time.Duration.ofMillis(200));
            try {
                List<List<Violation>> first = boxed.validateAll(List.of(submission(values), submission(values)));
                assertEquals(List.of("VALIDATOR_TIMEOUT@", "B@count"), codes(first.get(0)));
                assertEquals(List.of("VALIDATOR_TIMEOUT@", "B@count"), codes(first.get(1)));
                assertTrue(first.get(0).get(0).message().en().contains("did not finish within 200 ms"));
                // Quarantined: the next batch is answered at once, without calling the hanging validator again.
                List<Violation> second = boxed.validate(submission(values));
                assertEquals(List.of("VALIDATOR_TIMEOUT@", "B@count"), codes(second));
                assertEquals(1, hangingCalls.get());
            } finally {
                never.countDown();
            }
        }

        @Test
        void validatorReturningNullIsTreatedAsNoViolations() {
            plugins.add(validator("test", "a", null));
            assertEquals(List.of(), check());
            assertEquals(1, calls.size());
        }

        @Test
        void validatorsOfOtherSchemesAreNotCalled() {
            plugins.add(validator("other", "o", List.of(Violation.error("x", "O", "o", "o"))));
            plugins.add(validator("test", "t", List.of()));
            assertEquals(List.of(), check());
            assertEquals(List.of("t:test/2006/Oslo"), calls);
        }

        @Test
        void validatorsRunEvenWhenTheOrgUnitIsUnknown() {
            plugins.add(validator("test", "a", List.of()));
            assertEquals(List.of("ORG_UNIT_UNKNOWN@orgUnit"),
                    check(new Submission("test", 2016, "9999", Optional.empty(), values)));
            assertEquals(List.of("a:test/2006/?"), calls);
        }

        @Test
        void validatorsAreNotCalledForAnUnknownScheme() {
            plugins.add(validator("nope", "a", List.of()));
            check(new Submission("nope", 2016, "0301", Optional.empty(), values));
            assertEquals(List.of(), calls);
        }
    }
}
