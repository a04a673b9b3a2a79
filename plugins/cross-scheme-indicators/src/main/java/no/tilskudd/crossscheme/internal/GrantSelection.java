package no.tilskudd.crossscheme.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.store.Grant;

/**
 * The grant register as the grant indicators read it for a selection: the org units each selected scheme funded in
 * the selected years (kept to the selection's units and regions, by the unit's region in the grant's year), and every
 * scheme that funded each of those units in those years, whether selected or not and whether it has a form here.
 *
 * @param selected the units of each selected scheme, in the selection's order
 * @param funders  for each unit of the selection, every scheme with a grant to it in the years
 */
record GrantSelection(Map<String, Set<String>> selected, Map<String, Set<String>> funders) {

    static GrantSelection of(IndicatorInput input) {
        Selection sel = input.selection();
        Map<String, Set<String>> selected = new LinkedHashMap<>();
        sel.schemeIds().forEach(s -> selected.put(s, new TreeSet<>()));
        for (Grant g : input.grants().find(Set.copyOf(sel.schemeIds()), sel.fromYear(), sel.toYear())) {
            if (selected.containsKey(g.schemeId()) && kept(input, g)) {
                selected.get(g.schemeId()).add(g.orgUnit());
            }
        }
        Set<String> units = new TreeSet<>();
        selected.values().forEach(units::addAll);
        Map<String, Set<String>> funders = new TreeMap<>();
        for (Grant g : input.grants().find(Set.of(), sel.fromYear(), sel.toYear())) {
            if (units.contains(g.orgUnit())) {
                funders.computeIfAbsent(g.orgUnit(), u -> new TreeSet<>()).add(g.schemeId());
            }
        }
        return new GrantSelection(selected, funders);
    }

    private static boolean kept(IndicatorInput input, Grant g) {
        Selection sel = input.selection();
        if (!sel.orgUnits().isEmpty() && !sel.orgUnits().contains(g.orgUnit())) {
            return false;
        }
        return sel.regions().isEmpty() || input.orgUnits().find(g.orgUnit(), g.year()).map(OrgUnit::region)
                .filter(sel.regions()::contains).isPresent();
    }

    /** The selection's scheme-units: a unit once per selected scheme that funded it. */
    long schemeUnits() {
        return selected.values().stream().mapToLong(Set::size).sum();
    }

    /** The selection's distinct units. */
    Set<String> units() {
        Set<String> all = new TreeSet<>();
        selected.values().forEach(all::addAll);
        return all;
    }

    /** The units every selected scheme funded. */
    Set<String> inAll() {
        Set<String> all = units();
        selected.values().forEach(all::retainAll);
        return all;
    }

    /** A scheme's label: its name and id, or its id when neither the installed schemes nor the register name it. */
    static LocalizedText label(IndicatorInput input, String schemeId) {
        return input.grants().schemeName(schemeId).map(n -> new LocalizedText(n.nb() + " (" + schemeId + ")",
                n.en() + " (" + schemeId + ")")).orElse(LocalizedText.of(schemeId));
    }

    /** "avdir og bufdir", "a, b og c". */
    static LocalizedText and(java.util.List<String> ids) {
        if (ids.size() == 1) {
            return LocalizedText.of(ids.get(0));
        }
        String head = String.join(", ", ids.subList(0, ids.size() - 1));
        String last = ids.get(ids.size() - 1);
        return new LocalizedText(head + " og " + last, head + " and " + last);
    }

    static String years(Selection s) {
        return s.fromYear() == s.toYear() ? String.valueOf(s.fromYear()) : s.fromYear() + "–" + s.toYear();
    }
}
