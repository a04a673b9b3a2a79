package no.tilskudd.bufdir.internal;

import java.util.List;
import java.util.Set;
import no.tilskudd.plugins.support.testing.Breach;
import no.tilskudd.plugins.support.testing.CommonBreaches;
import no.tilskudd.plugins.support.testing.SchemeContractTest;

/** Bufdir (BLD): forms 2006–2008, rules, demo data, indicators. */
class BufdirContractTest extends SchemeContractTest {

    BufdirContractTest() {
        super("bufdir", 2006, 2008, Set.of("BUFDIR_BUDGETS_EXCEED_FUNDING"));
    }

    @Override
    protected List<Breach> breaches() {
        // The scheme started in 2004, so a measure first funded in 2004 is fine and one from 2003 is not.
        return CommonBreaches.of("BUFDIR", 2004);
    }
}
