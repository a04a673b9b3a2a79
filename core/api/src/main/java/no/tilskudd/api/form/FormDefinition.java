package no.tilskudd.api.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a scheme's report form.
 *
 * @param schemeId  the scheme the form belongs to
 * @param version   the form version, unique within the scheme (by convention the first reporting year, e.g. {@code 2008})
 * @param firstYear the first reporting year the form is used for
 * @param lastYear  the last reporting year the form is used for
 * @param title     the form's title
 * @param sections  the sections, in order
 * @param rules     the cross-field rules
 */
public record FormDefinition(
        String schemeId,
        String version,
        int firstYear,
        int lastYear,
        LocalizedText title,
        List<Section> sections,
        List<Rule> rules) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param schemeId the scheme the form belongs to
     * @param version the form version, unique within the scheme (by convention the first reporting year, e.g. {@code 2008})
     * @param firstYear the first reporting year the form is used for
     * @param lastYear the last reporting year the form is used for
     * @param title the form's title
     * @param sections the sections, in order
     * @param rules the cross-field rules
     */
    public FormDefinition {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        if (lastYear < firstYear) {
            throw new IllegalArgumentException("form " + schemeId + "/" + version + ": lastYear " + lastYear
                    + " is before firstYear " + firstYear);
        }
        sections = List.copyOf(sections);
        rules = List.copyOf(rules);
    }

    /**
     * Tells whether this form is used for a reporting year.
     *
     * @param year the reporting year
     * @return true if the year is within the form's years
     */
    public boolean coversYear(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /**
     * All top-level fields, section by section.
     *
     * @return the fields in form order
     */
    public List<Field> fields() {
        List<Field> all = new ArrayList<>();
        for (Section s : sections) {
            all.addAll(s.fields());
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Looks up a top-level field.
     *
     * @param id the field id
     * @return the field, if the form has it
     */
    public Optional<Field> field(String id) {
        for (Section s : sections) {
            for (Field f : s.fields()) {
                if (f.id().equals(id)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
