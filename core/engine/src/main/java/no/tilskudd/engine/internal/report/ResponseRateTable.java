package no.tilskudd.engine.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.engine.internal.grants.GrantRegister;

/**
 * The response-rate table of a report: per year of the selection with grants, the units expected to report (those
 * with a grant), those that did, those that did not, and the rate; the missing units and the reports from units
 * without a grant are named in the notes. Counted by the grant service, restricted to the selection's units. A year
 * without any grant is left out, reports and all: the register does not cover it.
 */
final class ResponseRateTable {

    /** Up to how many units a note names; beyond that it gives their number. */
    static final int NAMED_UNITS = 30;

    private ResponseRateTable() {
    }

    /**
     * The table, if any year of the selection has grants.
     *
     * @param selection the report's selection
     * @param responses the response rate of the scheme in a year, from the grant service
     * @param orgUnits  the register, for the selection's regions
     * @return the table, or empty when no unit of the selection had a grant in those years
     */
    static Optional<Table> build(Selection selection, IntFunction<ResponseRate> responses,
            OrgUnitRegister orgUnits) {
        List<Table.Row> rows = new ArrayList<>();
        List<String> missingNb = new ArrayList<>();
        List<String> missingEn = new ArrayList<>();
        List<String> withoutNb = new ArrayList<>();
        List<String> withoutEn = new ArrayList<>();
        long expected = 0;
        for (int year = selection.fromYear(); year <= selection.toYear(); year++) {
            int y = year;
            ResponseRate r = GrantRegister.restrict(responses.apply(year), code -> selected(selection, code, y,
                    orgUnits));
            if (r.expected() == 0) {
                continue;
            }
            expected += r.expected();
            rows.add(Table.Row.data(year, r.expected(), r.reported(), r.missing().size(), r.rate().orElse(null)));
            if (!r.missing().isEmpty()) {
                missingNb.add(year + ": " + names(r.missing(), "enheter"));
                missingEn.add(year + ": " + names(r.missing(), "units"));
            }
            if (!r.withoutGrant().isEmpty()) {
                withoutNb.add(year + ": " + names(r.withoutGrant(), "enheter"));
                withoutEn.add(year + ": " + names(r.withoutGrant(), "units"));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Table.Column> columns = List.of(
                new Table.Column("year", new LocalizedText("År", "Year"), ValueKind.YEAR),
                new Table.Column("expected", new LocalizedText("Forventet (har tildeling)", "Expected (have a grant)"),
                        ValueKind.COUNT),
                new Table.Column("reported", new LocalizedText("Rapportert", "Reported"), ValueKind.COUNT),
                new Table.Column("missing", new LocalizedText("Mangler", "Missing"), ValueKind.COUNT),
                new Table.Column("rate", new LocalizedText("Svarprosent", "Response rate"), ValueKind.PERCENT));
        List<Table.Note> notes = new ArrayList<>();
        notes.add(Table.Note.remark(new LocalizedText(
                "Forventet: kommuner og bydeler med tildeling fra ordningen det året, ifølge tilskuddsregisteret; "
                        + "rapportert: de av dem med en lagret rapport for året. Svarprosenten er rundet av til hele "
                        + "prosent, halve opp.",
                "Expected: municipalities and districts with a grant from the scheme that year, according to the "
                        + "grant register; reported: those of them with a stored report for the year. The rate is "
                        + "rounded to whole percent, halves up.")));
        if (!missingNb.isEmpty()) {
            notes.add(Table.Note.remark(new LocalizedText("Mangler rapport: " + String.join("; ", missingNb) + ".",
                    "No report: " + String.join("; ", missingEn) + ".")));
        }
        if (!withoutNb.isEmpty()) {
            notes.add(Table.Note.remark(new LocalizedText("Rapporter fra enheter uten tildeling, ikke talt med: "
                    + String.join("; ", withoutNb) + ".", "Reports from units without a grant, not counted: "
                    + String.join("; ", withoutEn) + ".")));
        }
        notes.add(Table.Note.source(new LocalizedText("Tilskuddsregisteret (tildelinger) og innsendte rapporter.",
                "The grant register and the submitted reports.")));
        return Optional.of(Table.of("response-rate", new LocalizedText("Svarprosent", "Response rate"), columns, rows)
                .withN(Table.Count.of(expected, new LocalizedText("tildelinger (enhet og år)",
                        "grants (unit and year)")))
                .withNotes(notes));
    }

    private static boolean selected(Selection s, String code, int year, OrgUnitRegister orgUnits) {
        if (!s.orgUnits().isEmpty() && !s.orgUnits().contains(code)) {
            return false;
        }
        return s.regions().isEmpty() || orgUnits.find(code, year).map(OrgUnit::region).filter(s.regions()::contains)
                .isPresent();
    }

    private static String names(List<ResponseRate.Unit> units, String many) {
        if (units.size() > NAMED_UNITS) {
            return units.size() + " " + many;
        }
        return units.stream().map(u -> u.code() + " " + u.name()).collect(Collectors.joining(", "));
    }
}
