package no.tilskudd.urbanyouth.internal;

import static no.tilskudd.plugins.support.testing.Submissions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.plugins.support.demo.DemoPlan;
import org.junit.jupiter.api.Test;

class EligibleUnitsTest {

    @Test
    void theListHasTwentyThreeCitiesAndSevenOsloDistrictsAllInTheRegister() {
        var names = EligibleUnits.DEFAULT.names();
        assertEquals(30, names.size());
        assertEquals(7, names.keySet().stream().filter(c -> c.startsWith("0301") && c.length() == 6).count());
        for (var e : names.entrySet()) {
            for (int year = 2008; year <= 2013; year++) {
                OrgUnit u = StandaloneEngine.defaultOrgUnits().find(e.getKey(), year).orElseThrow();
                assertTrue(u.validIn(year), e.getKey() + " in " + year);
                assertEquals(u.name(), e.getValue(), "the list names the unit as the register does");
            }
        }
    }

    @Test
    void theDemoDataUseTheSameList() {
        assertEquals(List.copyOf(EligibleUnits.DEFAULT.names().keySet()), DemoPlan.URBAN_YOUTH_UNITS);
    }

    /** The message must let a case worker see which unit was refused and why. */
    @Test
    void theViolationNamesTheUnitAndTheRule() {
        OrgUnit baerum = StandaloneEngine.defaultOrgUnits().find("0219", 2009).orElseThrow();
        List<Violation> v = new EligibleUnitValidator().validate(of("urban-youth", 2009, "0219"),
                new ValidationContext(dummyScheme(), dummyForm(), Optional.of(baerum)));
        assertEquals(1, v.size());
        assertEquals("orgUnit", v.get(0).path());
        assertEquals("«0219 Bærum» kan ikke rapportere til Barne- og ungdomstiltak i større bysamfunn. Ordningen "
                + "gjelder bare 23 byer og 7 bydeler i Oslo. Kontroller kommune-/bydelsnummeret.",
                v.get(0).message().nb());
        assertTrue(new EligibleUnitValidator().validate(of("urban-youth", 2009, "030115"),
                new ValidationContext(dummyScheme(), dummyForm(), Optional.empty()))
                .isEmpty());
    }

    @Test
    void aBrokenListIsRefusedWithItsLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EligibleUnits.load("/tilskudd/urban-youth/scheme.json"));
        assertTrue(e.getMessage().contains(":1:"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> EligibleUnits.load("/no/such/file.csv"));
    }

    private static FormDefinition dummyForm() {
        return new FormDefinition("urban-youth", "2009", 2009, 2009,
                LocalizedText.of("t"), List.of(), List.of());
    }

    private static Scheme dummyScheme() {
        return new Scheme("urban-youth", LocalizedText.of("n"),
                LocalizedText.of("a"), "b", 2003, List.of(), Optional.empty(),
                new Origin("test", "1"));
    }
}
