package no.tilskudd.api.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What deploying a plugin jar would do to the stored submissions of the schemes it contributes: each one validated
 * against the jar's forms and validators and against the installed ones.
 *
 * @param bundle         the jar's identity
 * @param schemes        one check per scheme the jar contributes
 * @param checked        stored submissions checked, over all schemes
 * @param becomeInvalid  submissions valid now that would have errors with the jar
 * @param alreadyInvalid submissions that have errors now
 * @param byCode         the new errors, by code, most frequent first
 * @param problems       why the jar cannot be used as it is (unreadable definitions, a scheme another plugin owns,
 *                       a contribution to another bundle's scheme that is not declared or not approved)
 * @param contributions  what the jar would contribute to which schemes, and whether it would apply (since 1.2)
 * @param formChanges    what each new revision of a form for years already reported changes against the form it
 *                       revises: fields added, removed and changed (since 1.3)
 */
public record DryRun(PluginJar bundle, List<SchemeCheck> schemes, long checked, long becomeInvalid,
        long alreadyInvalid, List<NewError> byCode, List<String> problems, List<Contribution> contributions,
        List<String> formChanges) {

    /**
     * Copies the lists.
     *
     * @param bundle         the jar's identity
     * @param schemes        one check per scheme the jar contributes
     * @param checked        stored submissions checked, over all schemes
     * @param becomeInvalid  submissions valid now that would have errors with the jar
     * @param alreadyInvalid submissions that have errors now
     * @param byCode         the new errors, by code, most frequent first
     * @param problems       why the jar cannot be used as it is
     * @param contributions  what the jar would contribute to which schemes
     * @param formChanges    what each new revision of a form changes
     */
    public DryRun {
        Objects.requireNonNull(bundle, "bundle");
        schemes = List.copyOf(schemes);
        byCode = List.copyOf(byCode);
        problems = List.copyOf(problems);
        contributions = List.copyOf(contributions);
        formChanges = List.copyOf(formChanges);
    }

    /**
     * A dry run without form changes.
     *
     * @param bundle         the jar's identity
     * @param schemes        one check per scheme the jar contributes
     * @param checked        stored submissions checked, over all schemes
     * @param becomeInvalid  submissions valid now that would have errors with the jar
     * @param alreadyInvalid submissions that have errors now
     * @param byCode         the new errors, by code, most frequent first
     * @param problems       why the jar cannot be used as it is
     * @param contributions  what the jar would contribute to which schemes
     */
    public DryRun(PluginJar bundle, List<SchemeCheck> schemes, long checked, long becomeInvalid, long alreadyInvalid,
            List<NewError> byCode, List<String> problems, List<Contribution> contributions) {
        this(bundle, schemes, checked, becomeInvalid, alreadyInvalid, byCode, problems, contributions, List.of());
    }

    /**
     * A dry run without a list of contributions.
     *
     * @param bundle         the jar's identity
     * @param schemes        one check per scheme the jar contributes
     * @param checked        stored submissions checked, over all schemes
     * @param becomeInvalid  submissions valid now that would have errors with the jar
     * @param alreadyInvalid submissions that have errors now
     * @param byCode         the new errors, by code, most frequent first
     * @param problems       why the jar cannot be used as it is
     */
    public DryRun(PluginJar bundle, List<SchemeCheck> schemes, long checked, long becomeInvalid, long alreadyInvalid,
            List<NewError> byCode, List<String> problems) {
        this(bundle, schemes, checked, becomeInvalid, alreadyInvalid, byCode, problems, List.of());
    }

    /**
     * One validator, indicator or scheme the jar contributes to a scheme.
     *
     * @param kind     {@code scheme}, {@code validator} or {@code indicator}
     * @param what     the contribution: a scheme's id, a validator's class, an indicator's id
     * @param schemeId the scheme it is for; empty for a cross-scheme indicator (one that runs only for a selection of
     *                 several schemes)
     * @param standing whether and why it would apply
     * @since 1.2
     */
    public record Contribution(String kind, String what, Optional<String> schemeId, Standing standing) {

        /**
         * Checks that nothing is null.
         *
         * @param kind     {@code scheme}, {@code validator} or {@code indicator}
         * @param what     the contribution
         * @param schemeId the scheme it is for, or empty
         * @param standing whether and why it would apply
         */
        public Contribution {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(schemeId, "schemeId");
            Objects.requireNonNull(standing, "standing");
        }
    }

    /** Whether a contribution would apply once the jar is deployed. */
    public enum Standing {
        /** To a scheme the jar's bundle owns (or would own): applies. */
        OWN,
        /** A cross-scheme indicator: runs for selections of several schemes. */
        CROSS_SCHEME,
        /** To a scheme the jar declares as an extension, approved (before or by this deployment): applies. */
        APPROVED_EXTENSION,
        /** To a scheme the jar declares as an extension, not approved: would not apply. */
        UNAPPROVED_EXTENSION,
        /** To another bundle's scheme that the jar does not declare as an extension: would not apply. */
        NOT_DECLARED
    }

    /**
     * Whether the jar may be deployed without {@code --force}.
     *
     * @return true when there are no problems and no submission would become invalid
     */
    public boolean safe() {
        return problems.isEmpty() && becomeInvalid == 0;
    }

    /**
     * One scheme the jar contributes.
     *
     * @param id                    the scheme id
     * @param formVersions          the jar's form versions
     * @param installedFormVersions the installed scheme's form versions, if the scheme is installed
     * @param checked               stored submissions of the scheme checked
     * @param becomeInvalid         of those, the ones that would become invalid
     */
    public record SchemeCheck(String id, List<String> formVersions, Optional<List<String>> installedFormVersions,
            long checked, long becomeInvalid) {

        /**
         * Copies the lists.
         *
         * @param id                    the scheme id
         * @param formVersions          the jar's form versions
         * @param installedFormVersions the installed scheme's form versions, if the scheme is installed
         * @param checked               stored submissions of the scheme checked
         * @param becomeInvalid         of those, the ones that would become invalid
         */
        public SchemeCheck {
            Objects.requireNonNull(id, "id");
            formVersions = List.copyOf(formVersions);
            installedFormVersions = installedFormVersions.map(List::copyOf);
        }
    }

    /**
     * A new error code and the submissions that would get it.
     *
     * @param code        the violation code
     * @param submissions how many submissions would get it
     * @param message     its message in the language asked for
     * @param paths       the field paths it is reported at
     * @param examples    a few of the submissions, as {@code YEAR ORGUNIT}
     */
    public record NewError(String code, int submissions, String message, List<String> paths, List<String> examples) {

        /**
         * Copies the lists.
         *
         * @param code        the violation code
         * @param submissions how many submissions would get it
         * @param message     its message in the language asked for
         * @param paths       the field paths it is reported at
         * @param examples    a few of the submissions, as {@code YEAR ORGUNIT}
         */
        public NewError {
            Objects.requireNonNull(code, "code");
            paths = List.copyOf(paths);
            examples = List.copyOf(examples);
        }
    }
}
