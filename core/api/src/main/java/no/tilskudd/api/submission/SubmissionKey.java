package no.tilskudd.api.submission;

/**
 * What makes a submission unique: one report per scheme, reporting year and org unit.
 *
 * @param schemeId the scheme
 * @param year     the reporting year
 * @param orgUnit  the org unit code
 */
public record SubmissionKey(String schemeId, int year, String orgUnit) {

    @Override
    public String toString() {
        return schemeId + "/" + year + "/" + orgUnit;
    }
}
