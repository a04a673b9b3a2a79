package no.tilskudd.api.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.submission.Submission;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an indicator computes from.
 *
 * @param selection   what was asked for
 * @param submissions the selected submissions; for a cross-scheme indicator, those of every scheme in the selected
 *                    years and org units
 * @param orgUnits    the org-unit register, by code and year
 * @param grants      the grant register, for indicators of who was funded (read only when asked); since 2.2
 */
public record IndicatorInput(Selection selection, List<Submission> submissions, OrgUnitLookup orgUnits,
        GrantLookup grants) {

    /**
     * Checks the parts and freezes the list.
     *
     * @param selection what was asked for
     * @param submissions the selected submissions; for a cross-scheme indicator, those of every scheme in the selected years and org units
     * @param orgUnits the org-unit register, by code and year
     * @param grants the grant register
     */
    public IndicatorInput {
        Objects.requireNonNull(selection, "selection");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(orgUnits, "orgUnits");
        Objects.requireNonNull(grants, "grants");
    }

    /**
     * An input without a grant register (as where no store keeps one): {@link GrantLookup#NONE}.
     *
     * @param selection what was asked for
     * @param submissions the selected submissions
     * @param orgUnits the org-unit register, by code and year
     */
    public IndicatorInput(Selection selection, List<Submission> submissions, OrgUnitLookup orgUnits) {
        this(selection, submissions, orgUnits, GrantLookup.NONE);
    }

    /** Finds an org unit as it was in a year. */
    @FunctionalInterface
    public interface OrgUnitLookup {

        /**
         * Finds an org unit.
         *
         * @param code the code
         * @param year the year
         * @return the org unit, if the code is known
         */
        Optional<OrgUnit> find(String code, int year);
    }

    /**
     * The grant register as an indicator sees it: the grants of some schemes and years, and the schemes' names. The
     * selection's filters (regions, org units) are not applied: what "funded by another scheme" means depends on
     * grants outside the selection too.
     *
     * @since 2.2
     */
    @ProviderType
    public interface GrantLookup {

        /** No grant register: no grants, no names. */
        GrantLookup NONE = new GrantLookup() {
            @Override
            public List<Grant> find(Set<String> schemeIds, int fromYear, int toYear) {
                return List.of();
            }

            @Override
            public Optional<LocalizedText> schemeName(String schemeId) {
                return Optional.empty();
            }
        };

        /**
         * The grants of some schemes in a range of years, ordered by scheme, year and org unit.
         *
         * @param schemeIds the schemes; empty means every scheme in the register
         * @param fromYear  the first grant year
         * @param toYear    the last grant year
         * @return the grants
         */
        List<Grant> find(Set<String> schemeIds, int fromYear, int toYear);

        /**
         * A scheme's name: the installed scheme's, else the one the register gives a scheme without a form here.
         *
         * @param schemeId the scheme
         * @return the name, if either knows it
         */
        Optional<LocalizedText> schemeName(String schemeId);
    }
}
