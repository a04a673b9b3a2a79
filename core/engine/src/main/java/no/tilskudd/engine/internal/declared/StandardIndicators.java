package no.tilskudd.engine.internal.declared;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Indicator;

/**
 * The indicators the AVdir, Bufdir and urban-youth schemes share, as declared definitions built into the engine
 * (resources {@code no/tilskudd/engine/internal/standard/definitions/<id>.json}). The ids are stable and the same for
 * every scheme, so that reports and tools can name them. A scheme descriptor names them by id; the engine then binds
 * them to the scheme's forms, so that a field a form lacks counts as not asked.
 */
public final class StandardIndicators {

    /** Goal achievement per reporting year (table 8.2 of the evaluation). */
    public static final String GOAL_ACHIEVEMENT = "goal-achievement";
    /** How the units relate to the national goals (table 8.1 of the evaluation). */
    public static final String NATIONAL_GOALS = "national-goals";
    /** Whether the measures go on if the grant stops. */
    public static final String CONTINUATION = "continuation";
    /** Municipalities and districts with a grant, by region. */
    public static final String UNITS_BY_REGION = "units-by-region";
    /** Measures by category. */
    public static final String MEASURES_BY_CATEGORY = "measures-by-category";
    /** Measures by the size of their budget. */
    public static final String MEASURE_BUDGET_SIZE = "measure-budget-size";
    /** The share of units that name each cooperation partner. */
    public static final String PARTNERS = "partners";
    /** Children reached per measure, open-to-all measures against measures for individuals. */
    public static final String PARTICIPANTS = "participants";

    /** The ids a scheme descriptor may name in its {@code "indicators"} list. */
    public static final List<String> IDS = StandardDefinitions.IDS;

    private StandardIndicators() {
    }

    /**
     * A standard indicator by its id, for one scheme, without its forms (every field counts as asked).
     *
     * @param id       one of {@link #IDS}
     * @param schemeId the scheme
     * @return the indicator, or empty if the id is not a standard one
     */
    public static Optional<Indicator> byId(String id, String schemeId) {
        return StandardDefinitions.byId(id)
                .map(d -> new DeclaredIndicator(d, Set.of(schemeId), Evaluation.Forms.UNKNOWN));
    }

    /**
     * Goal achievement per reporting year.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator goalAchievement(String schemeId) {
        return byId(GOAL_ACHIEVEMENT, schemeId).orElseThrow();
    }

    /**
     * How the units relate to the national goals.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator nationalGoals(String schemeId) {
        return byId(NATIONAL_GOALS, schemeId).orElseThrow();
    }

    /**
     * Continuation if the grant stops.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator continuation(String schemeId) {
        return byId(CONTINUATION, schemeId).orElseThrow();
    }

    /**
     * Units with a grant by region.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator unitsByRegion(String schemeId) {
        return byId(UNITS_BY_REGION, schemeId).orElseThrow();
    }

    /**
     * Measures by category.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator measuresByCategory(String schemeId) {
        return byId(MEASURES_BY_CATEGORY, schemeId).orElseThrow();
    }

    /**
     * Measures by budget size.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator measureBudgetSize(String schemeId) {
        return byId(MEASURE_BUDGET_SIZE, schemeId).orElseThrow();
    }

    /**
     * Cooperation partners.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator partners(String schemeId) {
        return byId(PARTNERS, schemeId).orElseThrow();
    }

    /**
     * Participants per measure.
     *
     * @param schemeId the scheme
     * @return the indicator
     */
    public static Indicator participants(String schemeId) {
        return byId(PARTICIPANTS, schemeId).orElseThrow();
    }
}
