package no.tilskudd.api.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.submission.SubmissionKey;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stored reports that no longer validate against a current form: after a scheme's plugin was updated, a report whose
 * form version is gone ({@code FORM_UNKNOWN}) or that now fails its own form has errors. They stay stored and are
 * still counted where indicators count them, so they are never counted silently: the host's status counts them per
 * scheme, and every indicator table that includes them says how many of its reports they are.
 *
 * @since 2.4
 */
@ProviderType
public interface StoredReportCheck {

    /**
     * The schemes with stored reports that no longer validate.
     *
     * @return one entry per installed scheme that has such reports, by scheme id
     */
    List<Invalid> invalid();

    /**
     * The stored reports of one scheme that no longer validate.
     *
     * @param schemeId the scheme
     * @return the count, empty when the scheme is not installed or there is no store
     */
    Optional<Invalid> invalid(String schemeId);

    /**
     * The stored reports of one scheme that no longer validate.
     *
     * @param schemeId the scheme
     * @param invalid  how many have errors against the installed forms
     * @param stored   how many the scheme has stored
     * @param byCode   the errors, by code: how many reports have each
     * @param reports  the reports that have errors
     */
    record Invalid(String schemeId, long invalid, long stored, Map<String, Long> byCode, List<SubmissionKey> reports) {

        /**
         * Copies the collections.
         *
         * @param schemeId the scheme
         * @param invalid  how many have errors against the installed forms
         * @param stored   how many the scheme has stored
         * @param byCode   the errors, by code
         * @param reports  the reports that have errors
         */
        public Invalid {
            Objects.requireNonNull(schemeId, "schemeId");
            byCode = Map.copyOf(byCode);
            reports = List.copyOf(reports);
        }

        /** @return e.g. {@code avdir: 3 of 249 stored reports no longer validate against a current form (FORM_UNKNOWN 3)} */
        @Override
        public String toString() {
            StringBuilder codes = new StringBuilder();
            new java.util.TreeMap<>(byCode).forEach((c, n) -> codes.append(codes.length() == 0 ? "" : ", ")
                    .append(c).append(' ').append(n));
            return schemeId + ": " + invalid + " of " + stored + " stored reports no longer validate against a "
                    + "current form (" + codes + ")";
        }
    }
}
