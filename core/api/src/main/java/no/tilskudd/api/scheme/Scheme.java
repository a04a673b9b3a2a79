package no.tilskudd.api.scheme;

import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;

/**
 * A grant scheme (tilskuddsordning) with its report forms.
 *
 * @param id         stable identifier, e.g. {@code avdir}
 * @param name       the scheme's name
 * @param agency     the agency that manages it
 * @param budgetLine the state budget chapter and post, e.g. {@code kap. 0621 post 63}
 * @param firstYear  the first year the scheme gave grants
 * @param forms      the form versions, ordered by first reporting year
 * @param demoData   a synthetic demo data set (JSON Lines) shipped with the scheme, if any
 * @param origin     the plugin the scheme comes from
 * @param questionnaire what makes the scheme a questionnaire (a form addressed to a respondent list from the grant
 *                   register), empty for a grant scheme's annual report; since 1.1
 * @param demoGrants a synthetic demo grant register (CSV, {@code docs/grant-register.md}) shipped with the scheme, if
 *                   any; since 1.1
 */
public record Scheme(
        String id,
        LocalizedText name,
        LocalizedText agency,
        String budgetLine,
        int firstYear,
        List<FormDefinition> forms,
        Optional<URL> demoData,
        Origin origin,
        Optional<Questionnaire> questionnaire,
        Optional<URL> demoGrants) {

    /**
     * Checks the parts and orders the forms by their first reporting year.
     *
     * @param id stable identifier, e.g. {@code avdir}
     * @param name the scheme's name
     * @param agency the agency that manages it
     * @param budgetLine the state budget chapter and post, e.g. {@code kap. 0621 post 63}
     * @param firstYear the first year the scheme gave grants
     * @param forms the form versions, ordered by first reporting year
     * @param demoData a synthetic demo data set (JSON Lines) shipped with the scheme, if any
     * @param origin the plugin the scheme comes from
     * @param questionnaire what makes it a questionnaire, if it is one
     * @param demoGrants a synthetic demo grant register, if any
     */
    public Scheme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(demoGrants, "demoGrants");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(budgetLine, "budgetLine");
        Objects.requireNonNull(origin, "origin");
        forms = forms.stream().sorted(Comparator.comparingInt(FormDefinition::firstYear)).toList();
    }

    /**
     * A grant scheme that is not a questionnaire and ships no demo grant register.
     *
     * @param id stable identifier, e.g. {@code avdir}
     * @param name the scheme's name
     * @param agency the agency that manages it
     * @param budgetLine the state budget chapter and post
     * @param firstYear the first year the scheme gave grants
     * @param forms the form versions
     * @param demoData a synthetic demo data set (JSON Lines) shipped with the scheme, if any
     * @param origin the plugin the scheme comes from
     */
    public Scheme(String id, LocalizedText name, LocalizedText agency, String budgetLine, int firstYear,
            List<FormDefinition> forms, Optional<URL> demoData, Origin origin) {
        this(id, name, agency, budgetLine, firstYear, forms, demoData, origin, Optional.empty(), Optional.empty());
    }

    /**
     * The form used for new submissions of a reporting year.
     *
     * @param year the reporting year
     * @return the form whose years cover it, if any; where a revision of a form covers the year too (a revision
     *         shares years with the form it revises and is listed after it), the last listed of them (since 1.2)
     */
    public Optional<FormDefinition> formForYear(int year) {
        FormDefinition last = null;
        for (FormDefinition f : forms) {
            if (f.coversYear(year)) {
                last = f;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * A form by its version.
     *
     * @param version the form version
     * @return the form, if the scheme has that version
     */
    public Optional<FormDefinition> form(String version) {
        return forms.stream().filter(f -> f.version().equals(version)).findFirst();
    }

    /**
     * The form versions, oldest first.
     *
     * @return the versions
     */
    public List<String> formVersions() {
        return Collections.unmodifiableList(forms.stream().map(FormDefinition::version).toList());
    }
}
