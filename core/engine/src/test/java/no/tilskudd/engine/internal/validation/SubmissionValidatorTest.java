package no.tilskudd.engine.internal.validation;

import static no.tilskudd.engine.TestSchemes.codes;
import static no.tilskudd.engine.TestSchemes.measures;
import static no.tilskudd.engine.TestSchemes.submission;
import static no.tilskudd.engine.TestSchemes.validValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** A plugin validator of the test scheme; all made here share one class, so they count as one plugin. */
    static Validator validating(java.util.function.Function<Submission, List<Violation>> body) {
        return new Validator() {
            @Override
            public String schemeId() {
                return "test";
            }

            @Override
            public List<Violation> validate(Submission s, ValidationContext c) {
                return body.apply(s);
            }
        };
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@count"), check());
            assertEquals("'Antall' must be a whole number from 0 to 100 (is -1).", only().message().en());
            assertEquals("«Antall» må være et heltall fra 0 til 100 (er -1).", only().message().nb());
        }

        @Test
        void aboveMaxFails() {
            values.put("count", 101L);
            // The rule COUNT_HIGH does not run: rules see only numbers within their field's bounds.
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@count"), check());
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@ratio"), check());
        }

        @Test
        void aboveMaxFails() {
            values.put("ratio", new BigDecimal("2.51"));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@ratio"), check());
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), check());
            assertEquals("'Tilskudd' must be a number from 0 to 1000000000000 (is -0.01).", only().message().en());
        }

        @Test
        void negativeAllowedByMinPasses() {
            values.put("cap", -100L);
            assertEquals(List.of(), check());
        }

        @Test
        void belowExplicitMinFails() {
            values.put("cap", -101L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@cap"), check());
        }

        @Test
        void aboveMaxFails() {
            values.put("cap", new BigDecimal("1000.01"));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@cap"), check());
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@share"), check());
        }

        @Test
        void negativeFails() {
            values.put("share", -1L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@share"), check());
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@started"), check());
        }

        @Test
        void yearAfter2100IsImplausible() {
            values.put("started", 2101L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@started"), check());
        }

        @Test
        void plausibleYearBelowMinFails() {
            values.put("started", 1999L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@started"), check());
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
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@started"), check());
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
            assertEquals("'maybe' is not a valid answer to 'Status' (valid: 'OK' (ok), 'Ikke OK' (notOk)).", only().message().en());
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
            // The rule over the same value does not run: rules see only numbers within their fields' bounds.
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@measures[1].participants"), check());
            measures(values).get(1).put("participants", 0L);
            assertEquals(List.of("NOBODY_TOOK_PART@measures[1].participants"), check());
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
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@count", "NUMBER_OUT_OF_RANGE@share", "FIELD_REQUIRED@status",
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
            values.put("title", "Abcdefghijk");
            assertEquals(List.of("TEXT_TOO_LONG@title", "SUM@measures"), check());
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
            assertTrue(v.get(0).message().en().endsWith("failed: IllegalStateException: kaputt"),
                    v.get(0).message().en());
            assertEquals(List.of("b:test/2006/Oslo"), calls);
        }

        /** Spins, ignoring interrupts as a busy loop does, on submissions titled "Spin", until released. */
        final java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger spinCalls = new java.util.concurrent.atomic.AtomicInteger();

        Validator spinner() {
            return validating(s -> {
                if ("Spin".equals(s.values().get("title"))) {
                    spinCalls.incrementAndGet();
                    while (!release.get()) {
                        Thread.onSpinWait();
                    }
                }
                return List.of(Violation.warning("", "SEEN", "sett", "seen"));
            });
        }

        Submission titled(String title) {
            Map<String, Object> v = validValues();
            v.put("title", title);
            return submission(v);
        }

        @org.junit.jupiter.api.AfterEach
        void releaseSpinners() {
            release.set(true);
        }

        @Test
        void validatorThatSpinsOnOneSubmissionFailsOnlyThatOneAndTheNextGetsAFreshWorker() {
            plugins.add(spinner());
            plugins.add(validator("test", "b", List.of(Violation.warning("count", "B", "b", "b"))));
            SubmissionValidator boxed = new SubmissionValidator(schemes, ORG_UNITS, () -> plugins,
                    java.time.Duration.ofMillis(200));
            List<List<Violation>> r = boxed.validateAll(List.of(titled("Alpha"), titled("Spin"), titled("Beta")));
            assertEquals(List.of("SEEN@", "B@count"), codes(r.get(0)));
            assertEquals(List.of("VALIDATOR_TIMEOUT@", "B@count"), codes(r.get(1)));
            assertEquals(List.of("SEEN@", "B@count"), codes(r.get(2)), "the submission after the hanging one");
            String message = r.get(1).get(0).message().en();
            assertTrue(message.contains("did not finish this submission within 200 ms"), message);
            assertTrue(message.contains(SubmissionValidatorTest.class.getName()),
                    "on a class path, with no bundle to name, names the validator: " + message);
            // One stuck worker does not switch the scheme off for everyone.
            assertEquals(List.of("SEEN@", "B@count"), codes(boxed.validate(titled("Gamma"))));
            assertEquals(List.of(), boxed.quarantined());
            assertEquals(1, spinCalls.get());
        }

        @Test
        void pluginThatLeavesTooManyWorkersStuckIsQuarantinedAsAWholeUntilItIsUpdated() {
            Object bundle = new Object();
            Validator spinner = spinner();
            Validator sibling = validator("test", "sibling", List.of());
            Validator other = validator("test", "other", List.of(Violation.warning("count", "O", "o", "o")));
            plugins.addAll(List.of(spinner, sibling, other));
            java.util.Map<Validator, ValidatorPlugin> origins = new java.util.IdentityHashMap<>();
            origins.put(spinner, new ValidatorPlugin("test.bundle 1.0.0", bundle));
            origins.put(sibling, new ValidatorPlugin("test.bundle 1.0.0", bundle));
            origins.put(other, new ValidatorPlugin("other.bundle 2.0.0", new Object()));
            SubmissionValidator boxed = new SubmissionValidator(schemes, ORG_UNITS, () -> plugins,
                    java.time.Duration.ofMillis(200), 2, origins::get);

            List<Violation> first = boxed.validate(titled("Spin"));
            assertEquals(List.of("VALIDATOR_TIMEOUT@", "O@count"), codes(first));
            assertTrue(first.get(0).message().en().startsWith("The validator of plugin test.bundle 1.0.0 did not "),
                    "names the bundle: " + first.get(0).message().en());
            assertFalse(first.get(0).message().en().contains(spinner.getClass().getName()),
                    "and not the class: " + first.get(0).message().en());
            assertEquals(List.of(), boxed.quarantined(), "one stuck worker is below the limit of 2");
            assertEquals(List.of("SEEN@", "O@count"), codes(boxed.validate(titled("Alpha"))));

            // The second stuck worker quarantines the plugin at once: its other validator is not called either.
            assertEquals(List.of("VALIDATOR_TIMEOUT@", "VALIDATOR_QUARANTINED@", "O@count"),
                    codes(boxed.validate(titled("Spin"))));
            List<no.tilskudd.api.service.Quarantine> q = boxed.quarantined();
            assertEquals(1, q.size(), q.toString());
            assertEquals("test.bundle 1.0.0", q.get(0).plugin());
            assertTrue(q.get(0).reason().contains("2 validation workers stuck"), q.get(0).reason());

            // Every validator of the plugin is off; the other plugin's still runs.
            List<Violation> after = boxed.validate(titled("Alpha"));
            assertEquals(List.of("VALIDATOR_QUARANTINED@", "VALIDATOR_QUARANTINED@", "O@count"), codes(after));
            assertTrue(after.get(0).message().en().contains("until the plugin is updated"),
                    after.get(0).message().en());
            assertEquals(2, spinCalls.get(), "quarantined validators are not called");

            // An update of the plugin (a new bundle revision) gives it a fresh start.
            release.set(true);
            Validator updated = validator("test", "updated", List.of(Violation.warning("", "NEW", "ny", "new")));
            plugins.set(0, updated);
            plugins.remove(sibling);
            origins.put(updated, new ValidatorPlugin("test.bundle 1.0.1", new Object()));
            assertEquals(List.of("NEW@", "O@count"), codes(boxed.validate(titled("Alpha"))));
            assertEquals(List.of(), boxed.quarantined());
        }

        @Test
        void validatorThatStopsWhenInterruptedIsNotCountedAsStuck() {
            plugins.add(validating(s -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }));
            SubmissionValidator boxed = new SubmissionValidator(schemes, ORG_UNITS, () -> plugins,
                    java.time.Duration.ofMillis(100), 1, ValidatorPlugin::of);
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of("VALIDATOR_TIMEOUT@"), codes(boxed.validate(submission(values))));
            }
            assertEquals(List.of(), boxed.quarantined(), "a limit of 1 stuck worker was never reached");
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

    /**
     * Numbers that would make anything that computes with them spin (regression: {@code 1e99999999} in an amount
     * made the example scheme's budget validator expand it to a hundred million digits, time out and be quarantined,
     * so that every later submission of the scheme failed with VALIDATOR_TIMEOUT).
     */
    @Nested
    class HostileNumbers {
        final List<String> calls = new ArrayList<>();

        @BeforeEach
        void countingValidator() {
            plugins.add(validating(s -> {
                calls.add(String.valueOf(s.values().get("grant")));
                // What the example scheme's budget validator does with an amount.
                ((BigDecimal) s.values().get("grant")).toBigInteger();
                return List.of();
            }));
        }

        private Violation only(List<Violation> v) {
            assertEquals(1, v.size(), () -> codes(v).toString());
            return v.get(0);
        }

        @Test
        void hugeExponentIsRefusedInMicrosecondsAndNeverReachesAValidatorOrRule() {
            values.put("grant", new BigDecimal("1e99999999"));
            values.put("count", 60L); // the rule COUNT_HIGH would warn, but rules do not run either
            long t0 = System.nanoTime();
            List<Violation> v = validator.validate(submission(values));
            long micros = (System.nanoTime() - t0) / 1000;
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(v));
            assertEquals("'Tilskudd' must be a number from 0 to 1000000000000 (is 1E+99999999).",
                    v.get(0).message().en());
            assertEquals(List.of(), calls, "the plugin validator never sees the number");
            // Expanding the number takes minutes; a generous bound that still proves nothing expanded it.
            assertTrue(micros < 2_000_000, micros + " µs");
        }

        @Test
        void hugeNegativeAndTinyExponentsAreRefusedToo() {
            values.put("grant", new BigDecimal("-1e99999999"));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(validator.validate(submission(values))));
            values.put("grant", new BigDecimal("1e-99999999"));
            Violation v = only(validator.validate(submission(values)));
            assertEquals("NUMBER_OUT_OF_RANGE", v.code());
            assertEquals("'Tilskudd' can have at most 2 decimals (is 1E-99999999).", v.message().en());
            assertEquals(List.of(), calls);
        }

        @Test
        void amountsAreZeroToATrillionWithTwoDecimals() {
            values.put("grant", new BigDecimal("1000000000000.00"));
            assertEquals(List.of(), codes(validator.validate(submission(values))));
            values.put("grant", new BigDecimal("1000000000000.01"));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(validator.validate(submission(values))));
            values.put("grant", new BigDecimal("-5"));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(validator.validate(submission(values))));
            values.put("grant", new BigDecimal("100.001"));
            assertEquals("'Tilskudd' can have at most 2 decimals (is 100.001).",
                    only(validator.validate(submission(values))).message().en());
            values.put("grant", new BigDecimal("100.100"));
            assertEquals(List.of(), codes(validator.validate(submission(values))), "trailing zeros are no decimals");
        }

        @Test
        void percentOver100YearBeyond2100AndIntegerBeyondLong() {
            values.put("share", 101L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@share"), codes(validator.validate(submission(values))));
            values.put("share", 100L);
            values.put("started", 99999L);
            assertEquals("'Startår' must be a whole number from 2000 to 2100 (is 99999).",
                    only(validator.validate(submission(values))).message().en());
            values.put("started", 2010L);
            measures(values).get(0).put("participants", new BigDecimal("9223372036854775808"));
            assertEquals("'Deltakere' must be a whole number from 0 to 9223372036854775807 (is 9223372036854775808).",
                    only(validator.validate(submission(values))).message().en());
            assertEquals("NUMBER_OUT_OF_RANGE@measures[0].participants",
                    codes(validator.validate(submission(values))).get(0));
        }

        @Test
        void numbersOutsideNumericFieldsAreBoundedByTheCeiling() {
            values.put("comment", new BigDecimal("1e99999999"));
            values.put("title", List.of(new BigDecimal("-1e400")));
            measures(values).get(1).put("extra", Map.of("deep", new BigDecimal("1e-50")));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@title[0]", "FIELD_TYPE@title", "FIELD_UNKNOWN@measures[1].extra",
                    "NUMBER_OUT_OF_RANGE@measures[1].extra.deep", "FIELD_UNKNOWN@comment", "NUMBER_OUT_OF_RANGE@comment"),
                    codes(validator.validate(submission(values))));
            assertEquals(List.of(), calls);
        }

        @Test
        void conditionsWaitForTheBoundsAndKeepTheirPlaceInTheReport() {
            values.put("status", "notOk");
            values.remove("reasons");
            measures(values).get(0).put("name", 7L);
            assertEquals(List.of("FIELD_REQUIRED_WHEN@reasons", "FIELD_TYPE@measures[0].name"),
                    codes(validator.validate(submission(values))));
            values.put("count", 101L);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@count", "FIELD_TYPE@measures[0].name"),
                    codes(validator.validate(submission(values))), "no condition runs beside a number out of range");
        }

        @Test
        void notANumberAndInfinityAreOutOfRangeNotACrash() {
            values.put("ratio", Double.NaN);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@ratio"), codes(validator.validate(submission(values))));
            values.put("ratio", Double.POSITIVE_INFINITY);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@ratio"), codes(validator.validate(submission(values))));
        }

        @Test
        void afterAHostileNumberTheNextSubmissionIsValidatedNormally() {
            Map<String, Object> hostile = validValues();
            hostile.put("grant", new BigDecimal("1e99999999"));
            List<List<Violation>> r = validator.validateAll(List.of(submission(hostile), submission(values),
                    submission(hostile)));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(r.get(0)));
            assertEquals(List.of(), codes(r.get(1)));
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@grant"), codes(r.get(2)));
            assertEquals(List.of("1000.50"), calls);
            assertEquals(List.of(), validator.quarantined());
        }
    }

    /** A form's rules share the time limit of one submission's checks and are stopped when it runs out. */
    @Nested
    class RuleTimeLimit {
        @Test
        void expensiveRuleOverManyRowsIsStoppedInsteadOfBlockingTheCaller() {
            StringBuilder list = new StringBuilder("n");
            for (int i = 0; i < 5000; i++) {
                list.append(", n");
            }
            String form = """
                    { "formatVersion": 1, "scheme": "slow", "version": "2016", "years": { "from": 2016, "to": 2016 },
                      "title": "Sakte", "sections": [ { "id": "s", "title": "S", "fields": [
                        { "id": "rows", "type": "group", "label": "Rader", "fields": [
                          { "id": "n", "type": "integer", "label": "N" } ] } ] } ],
                      "rules": [ { "code": "SLOW", "scope": "rows", "field": "n", "expression": "n =~ [%s]",
                        "onMissing": "skip", "message": "slow" } ] }""".formatted(list);
            Path slowDir = dir.resolve("slow");
            Map<String, String> files = new java.util.LinkedHashMap<>();
            files.put("scheme.json", TestSchemes.descriptor("slow", "Sakte", "forms/2016.json"));
            files.put("forms/2016.json", form);
            java.net.URL url = TestSchemes.write(slowDir, files);
            SchemeCatalog slow = new SchemeCatalog();
            assertEquals(List.of(), slow.add("slow", TestSchemes.definition(url), TestSchemes.ORIGIN)
                    .map(x -> List.<String>of()).orElse(slow.problems()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                rows.add(Map.of("n", (long) i));
            }
            // Each row's evaluation builds a 5001-element list (about half a millisecond): some 20 s in all.
            SubmissionValidator boxed = new SubmissionValidator(slow, ORG_UNITS, () -> plugins,
                    java.time.Duration.ofMillis(300));
            long t0 = System.nanoTime();
            List<Violation> v = boxed.validate(new Submission("slow", 2016, "0301", Optional.empty(),
                    Map.of("rows", rows)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(1, v.size(), () -> codes(v).toString());
            assertEquals("RULE_TIMEOUT", v.get(0).code());
            assertTrue(v.get(0).message().en().contains("did not finish within 300 ms"), v.get(0).message().en());
            assertTrue(ms < 10_000, ms + " ms");
        }
    }
}
