package no.tilskudd.plugins.support.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.plugins.support.demo.DemoPlan.Membership;
import no.tilskudd.plugins.support.demo.DemoPlan.Unit;
import org.junit.jupiter.api.Test;

/**
 * The demo plan matches the seed evaluation's "Hvem får støtte?" and "Geografisk spredning", uses only codes the
 * register knows in the years they report, and the generator is deterministic. (Each scheme module checks its own
 * file against the generator and the engine; the cross-scheme module checks the published figures end to end.)
 */
class DemoPlanTest {

    private static final Pattern LINE = Pattern.compile("\"year\": (\\d{4}), \"orgUnit\": \"(\\d+)\"");
    private final OrgUnitRegister register = StandaloneEngine.defaultOrgUnits();

    @Test
    void schemesAndOverlapAreThoseOfTheSeed() {
        long both = DemoPlan.UNITS.stream().filter(u -> u.membership() == Membership.BOTH).count();
        long avdir = DemoPlan.UNITS.stream().filter(u -> u.membership() != Membership.BUFDIR).count();
        long bufdir = DemoPlan.UNITS.stream().filter(u -> u.membership() != Membership.AVDIR).count();
        assertEquals(19, both);
        assertEquals(57, avdir);
        assertEquals(29, bufdir);
        assertEquals(67, DemoPlan.UNITS.size());
        assertEquals(67, DemoPlan.UNITS.stream().map(Unit::code).distinct().count(), "no unit is listed twice");
    }

    @Test
    void schemeUnitsByRegionAreThoseOfTheSeedAndAgreeWithTheRegister() {
        Map<String, Integer> schemeUnits = new LinkedHashMap<>();
        for (Unit u : DemoPlan.UNITS) {
            OrgUnit known = register.find(u.code(), 2006).orElseThrow(() -> new AssertionError(u.code()));
            assertEquals(u.region(), known.region(), u.code() + " " + known.name());
            schemeUnits.merge(u.region(), u.membership() == Membership.BOTH ? 2 : 1, Integer::sum);
        }
        assertEquals(Map.of("Nord", 21, "Midt", 9, "Øst/Oslo", 29, "Vest", 9, "Sør", 18), schemeUnits);
    }

    @Test
    void urbanYouthUnitsAreTwentyThreeCitiesAndSevenOsloDistricts() {
        assertEquals(30, new HashSet<>(DemoPlan.URBAN_YOUTH_UNITS).size());
        assertEquals(7, DemoPlan.URBAN_YOUTH_UNITS.stream().filter(c -> c.length() == 6).count());
        assertTrue(DemoPlan.URBAN_YOUTH_UNITS.containsAll(DemoPlan.URBAN_YOUTH_BLOCK_GRANT));
    }

    @Test
    void everyReportUsesACodeValidInItsYearAndTheReportsPerYearAreAsPlanned() {
        Map<String, String> files = DemoData.generate();
        assertEquals(files, DemoData.generate(), "the generator gives the same files every time");
        Map<String, Map<Integer, Integer>> perYear = new TreeMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Set<String> keys = new HashSet<>();
            for (String line : f.getValue().split("\n")) {
                Matcher m = LINE.matcher(line);
                assertTrue(m.find(), line);
                int year = Integer.parseInt(m.group(1));
                String code = m.group(2);
                OrgUnit u = register.find(code, year).orElseThrow(() -> new AssertionError(code));
                assertTrue(u.validIn(year), code + " is not valid in " + year);
                assertTrue(keys.add(year + "/" + code), "two reports for " + year + "/" + code);
                perYear.computeIfAbsent(f.getKey(), k -> new TreeMap<>()).merge(year, 1, Integer::sum);
            }
        }
        assertEquals(Map.of(2006, 36, 2007, 41, 2008, 40, 2009, 44, 2010, 45, 2011, 43), perYear.get("avdir"));
        assertEquals(Map.of(2006, 25, 2007, 26, 2008, 24), perYear.get("bufdir"));
        assertEquals(List.of(2008, 2009, 2010, 2011, 2012, 2013), List.copyOf(perYear.get("urban-youth").keySet()));
    }
}
