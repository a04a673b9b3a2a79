package no.tilskudd.plugins.support.oracle;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.engine.internal.standard.CommonFields;

/**
 * The standard indicators as they were written in Java before they became definitions, kept as the oracle that the
 * declared standard set ({@code no/tilskudd/engine/internal/standard/definitions}) must reproduce cell for cell.
 */
public final class JavaStandardIndicators {

    /** Id of {@link #goalAchievement(String)}. */
    public static final String GOAL_ACHIEVEMENT = "goal-achievement";
    /** Id of {@link #nationalGoals(String)}. */
    public static final String NATIONAL_GOALS = "national-goals";
    /** Id of {@link #continuation(String)}. */
    public static final String CONTINUATION = "continuation";
    /** Id of {@link #unitsByRegion(String)}. */
    public static final String UNITS_BY_REGION = "units-by-region";
    /** Id of {@link #measuresByCategory(String)}. */
    public static final String MEASURES_BY_CATEGORY = "measures-by-category";
    /** Id of {@link #measureBudgetSize(String)}. */
    public static final String MEASURE_BUDGET_SIZE = "measure-budget-size";
    /** Id of {@link #partners(String)}. */
    public static final String PARTNERS = "partners";
    /** Id of {@link #participants(String)}. */
    public static final String PARTICIPANTS = "participants";

    private JavaStandardIndicators() {
    }

    /**
     * Goal achievement per reporting year (table 8.2 of the evaluation).
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator goalAchievement(String schemeId) {
        return of(GOAL_ACHIEVEMENT, schemeId, "Måloppnåelse i bruk av tilskuddsmidlene. Prosent",
                "Goal achievement in the use of the grant. Percent",
                new ChoiceByYear(CommonFields.GOALS_REACHED, CommonFields.GOALS_REACHED_CHOICES,
                        new LocalizedText("Måloppnåelse", "Goal achievement")));
    }

    /**
     * How the units relate to the national goals (table 8.1 of the evaluation).
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator nationalGoals(String schemeId) {
        return of(NATIONAL_GOALS, schemeId, "Kommunenes forhold til de nasjonale målsettingene. Prosent",
                "How the municipalities relate to the national goals. Percent",
                new ChoiceByUnit(CommonFields.NATIONAL_GOALS, CommonFields.NATIONAL_GOALS_CHOICES,
                        new LocalizedText("Kommunen forholder seg til de nasjonale målsettingene",
                                "The municipality relates to the national goals")));
    }

    /**
     * Whether the measures go on if the grant stops (the evaluation's chart "Videreføring dersom tilskudd opphører").
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator continuation(String schemeId) {
        return of(CONTINUATION, schemeId, "Videreføring dersom tilskudd opphører. Prosent",
                "Continuation if the grant stops. Percent",
                new ChoiceByUnit(CommonFields.CONTINUATION, CommonFields.CONTINUATION_CHOICES,
                        new LocalizedText("Videreføring", "Continuation")));
    }

    /**
     * Municipalities and districts with a grant, by region (the evaluation's "Geografisk spredning").
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator unitsByRegion(String schemeId) {
        return of(UNITS_BY_REGION, schemeId, "Kommuner og bydeler med tilskudd, etter region",
                "Municipalities and districts with a grant, by region", new UnitsByRegion(CommonFields.REGIONS));
    }

    /**
     * Measures by category (the evaluation's chart "Eksempler på tiltak").
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator measuresByCategory(String schemeId) {
        return of(MEASURES_BY_CATEGORY, schemeId, "Tiltak etter kategori", "Measures by category",
                new MeasuresByCategory(CommonFields.CATEGORY_CHOICES));
    }

    /**
     * Measures by the size of their budget.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator measureBudgetSize(String schemeId) {
        return of(MEASURE_BUDGET_SIZE, schemeId, "Tiltak etter midler brukt på tiltaket",
                "Measures by the funds spent on them", BudgetBands.STANDARD);
    }

    /**
     * The share of units that name each cooperation partner.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator partners(String schemeId) {
        return of(PARTNERS, schemeId, "Samarbeidspartnere. Andel av kommunene/bydelene som nevner hver partner",
                "Cooperation partners. Share of the municipalities/districts that name each partner",
                new MultiChoiceShare(CommonFields.PARTNERS, CommonFields.PARTNER_CHOICES,
                        new LocalizedText("Samarbeidspartner", "Partner")));
    }

    /**
     * Children reached per measure, open-to-all measures against measures for individual children and families.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator participants(String schemeId) {
        return of(PARTICIPANTS, schemeId, "Deltakere per tiltak: åpne tiltak og tiltak rettet mot enkeltbarn/-familier",
                "Participants per measure: open measures and measures for individual children/families",
                new ParticipantsByOpenness());
    }

    /** The ids a scheme descriptor may name in its {@code "indicators"} list. */
    public static final List<String> IDS = List.of(GOAL_ACHIEVEMENT, NATIONAL_GOALS, CONTINUATION, UNITS_BY_REGION,
            MEASURES_BY_CATEGORY, MEASURE_BUDGET_SIZE, PARTNERS, PARTICIPANTS);

    /**
     * A standard indicator by its id, as a scheme descriptor names it.
     *
     * @param id       one of {@link #IDS}
     * @param schemeId the scheme
     * @return the indicator, or empty if the id is not a standard one
     */
    public static Optional<Indicator> byId(String id, String schemeId) {
        return Optional.ofNullable(switch (id) {
            case GOAL_ACHIEVEMENT -> goalAchievement(schemeId);
            case NATIONAL_GOALS -> nationalGoals(schemeId);
            case CONTINUATION -> continuation(schemeId);
            case UNITS_BY_REGION -> unitsByRegion(schemeId);
            case MEASURES_BY_CATEGORY -> measuresByCategory(schemeId);
            case MEASURE_BUDGET_SIZE -> measureBudgetSize(schemeId);
            case PARTNERS -> partners(schemeId);
            case PARTICIPANTS -> participants(schemeId);
            default -> null;
        });
    }

    private static Indicator of(String id, String schemeId, String nb, String en, TableSpec spec) {
        return new ConfiguredIndicator(id, new LocalizedText(nb, en), Set.of(schemeId), spec);
    }
}
