package no.tilskudd.urbanyouth.internal;

import static no.tilskudd.plugins.support.testing.Breach.set;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.tilskudd.plugins.support.testing.Breach;
import no.tilskudd.plugins.support.testing.CommonBreaches;
import no.tilskudd.plugins.support.testing.SchemeContractTest;

/** Urban youth (poverty part): forms 2008–2013, the age and measure-year rules, eligible units, demo data. */
class UrbanYouthContractTest extends SchemeContractTest {

    UrbanYouthContractTest() {
        super(EligibleUnitValidator.SCHEME_ID, 2008, 2013,
                Set.of("URBAN_YOUTH_BUDGETS_EXCEED_FUNDING", EligibleUnitValidator.CODE));
    }

    @Override
    protected List<Breach> breaches() {
        List<Breach> all = new ArrayList<>(CommonBreaches.of("URBAN_YOUTH", 2003));
        all.add(Breach.error("URBAN_YOUTH_MEASURE_YEAR", "measureYear",
                s -> set("measureYear", (long) s.year()).apply(s),
                s -> set("measureYear", s.year() - 1L).apply(s)));
        all.add(Breach.error("URBAN_YOUTH_AGE_BELOW_TARGET", "measures[0].ageFrom",
                set("measures[0].ageFrom", 12L, "measures[0].ageTo", 25L),
                set("measures[0].ageFrom", 11L, "measures[0].ageTo", 25L)));
        all.add(Breach.error("URBAN_YOUTH_AGE_ABOVE_TARGET", "measures[0].ageTo",
                set("measures[0].ageFrom", 12L, "measures[0].ageTo", 25L),
                set("measures[0].ageFrom", 12L, "measures[0].ageTo", 26L)));
        all.add(Breach.error("URBAN_YOUTH_AGE_RANGE_REVERSED", "measures[0].ageTo",
                set("measures[0].ageFrom", 16L, "measures[0].ageTo", 16L),
                set("measures[0].ageFrom", 18L, "measures[0].ageTo", 14L)));
        // Bjerke is one of the seven districts; Bærum is a large municipality outside the scheme.
        all.add(Breach.error(EligibleUnitValidator.CODE, "orgUnit", set("orgUnit", "030109"),
                set("orgUnit", "0219")));
        return all;
    }
}
