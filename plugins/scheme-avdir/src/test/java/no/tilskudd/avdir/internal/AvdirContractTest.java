package no.tilskudd.avdir.internal;

import static no.tilskudd.plugins.support.testing.Breach.set;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.tilskudd.plugins.support.testing.Breach;
import no.tilskudd.plugins.support.testing.CommonBreaches;
import no.tilskudd.plugins.support.testing.SchemeContractTest;

/** AVdir: forms 2006–2011 (own funding from 2009, the action-plan grant from 2010), rules, demo data, indicators. */
class AvdirContractTest extends SchemeContractTest {

    AvdirContractTest() {
        super("avdir", 2006, 2011, Set.of("AVDIR_BUDGETS_EXCEED_FUNDING"));
    }

    @Override
    protected List<Breach> breaches() {
        List<Breach> all = new ArrayList<>(CommonBreaches.of("AVDIR", 2006));
        all.add(Breach.error("AVDIR_ACTION_PLAN_EXCEEDS_GRANT", "actionPlanGrant",
                s -> set("actionPlanGrant", s.values().get("grantAmount")).apply(s),
                s -> set("actionPlanGrant", ((Number) s.values().get("grantAmount")).longValue() + 1).apply(s))
                .onlyIn(year -> year >= 2010));
        return all;
    }
}
