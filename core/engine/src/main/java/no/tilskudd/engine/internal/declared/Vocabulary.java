package no.tilskudd.engine.internal.declared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Constraints;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.engine.internal.standard.CommonFields;

/**
 * The fields a definition may name: those of a scheme's forms (every version), or the common fields of the standard
 * set. A field is known when some form has it; its code list is the union of the forms' lists, labelled as the
 * latest form that has the code labels it.
 */
public final class Vocabulary {

    private final String name;
    private final Map<String, Field> top = new LinkedHashMap<>();
    private final Map<String, Map<String, Field>> rowFields = new LinkedHashMap<>();
    private final Map<String, Map<String, Choice>> codes = new LinkedHashMap<>();

    private Vocabulary(String name) {
        this.name = name;
    }

    /**
     * The fields of forms.
     *
     * @param name  what the fields are, for messages (e.g. "the forms of scheme avdir")
     * @param forms the forms, in any order
     * @return the vocabulary
     */
    public static Vocabulary of(String name, List<FormDefinition> forms) {
        Vocabulary v = new Vocabulary(name);
        List<FormDefinition> ordered = new ArrayList<>(forms);
        ordered.sort((a, b) -> Integer.compare(a.firstYear(), b.firstYear()));
        for (FormDefinition f : ordered) {
            v.addAll(f.fields());
        }
        return v;
    }

    /** The common fields of the AVdir, Bufdir and urban-youth forms, which the standard definitions use. */
    public static final Vocabulary STANDARD = standard();

    private static Vocabulary standard() {
        Vocabulary v = new Vocabulary("the common fields of the standard indicators");
        v.addAll(List.of(
                field(CommonFields.GRANT_AMOUNT, FieldType.AMOUNT, List.of(), List.of()),
                field(CommonFields.OWN_FUNDING, FieldType.AMOUNT, List.of(), List.of()),
                field(CommonFields.GOALS_REACHED, FieldType.CHOICE, CommonFields.GOALS_REACHED_CHOICES, List.of()),
                field(CommonFields.NATIONAL_GOALS, FieldType.CHOICE, CommonFields.NATIONAL_GOALS_CHOICES, List.of()),
                field(CommonFields.CONTINUATION, FieldType.CHOICE, CommonFields.CONTINUATION_CHOICES, List.of()),
                field(CommonFields.PARTNERS, FieldType.MULTI_CHOICE, CommonFields.PARTNER_CHOICES, List.of()),
                field(CommonFields.MEASURES, FieldType.GROUP, List.of(), List.of(
                        field(CommonFields.CATEGORY, FieldType.CHOICE, CommonFields.CATEGORY_CHOICES, List.of()),
                        field(CommonFields.OPEN_TO_ALL, FieldType.BOOLEAN, List.of(), List.of()),
                        field(CommonFields.PARTICIPANTS_CHILDREN, FieldType.INTEGER, List.of(), List.of()),
                        field(CommonFields.PARTICIPANTS_FAMILIES, FieldType.INTEGER, List.of(), List.of()),
                        field(CommonFields.BUDGET, FieldType.AMOUNT, List.of(), List.of())))));
        return v;
    }

    private static Field field(String id, FieldType type, List<Choice> choices, List<Field> fields) {
        return new Field(id, type, LocalizedText.of(id), Optional.empty(), false, Optional.empty(), Constraints.NONE,
                choices, fields);
    }

    private void addAll(List<Field> fields) {
        for (Field f : fields) {
            top.put(f.id(), f);
            addCodes(f.id(), f);
            if (f.type() == FieldType.GROUP) {
                Map<String, Field> rows = rowFields.computeIfAbsent(f.id(), g -> new LinkedHashMap<>());
                for (Field c : f.fields()) {
                    rows.put(c.id(), c);
                    addCodes(f.id() + "/" + c.id(), c);
                }
            }
        }
    }

    private void addCodes(String path, Field f) {
        Map<String, Choice> list = codes.computeIfAbsent(path, p -> new LinkedHashMap<>());
        for (Choice c : f.choices()) {
            list.put(c.code(), c); // a later form's label wins, the first form's order stays
        }
    }

    /** @return what the fields are, for messages */
    public String name() {
        return name;
    }

    /**
     * A field.
     *
     * @param group the repeating group, when rows are counted
     * @param id    the field id
     * @return the field, if known
     */
    public Optional<Field> field(Optional<String> group, String id) {
        if (group.isPresent()) {
            return Optional.ofNullable(rowFields.getOrDefault(group.get(), Map.of()).get(id));
        }
        return Optional.ofNullable(top.get(id));
    }

    /**
     * The code list of a field, over every form.
     *
     * @param group the repeating group, when rows are counted
     * @param id    the field id
     * @return the choices in order
     */
    public List<Choice> choices(Optional<String> group, String id) {
        return List.copyOf(codes.getOrDefault(group.map(g -> g + "/").orElse("") + id, Map.of()).values());
    }

    /**
     * The ids a message can offer.
     *
     * @param group the repeating group, when rows are counted
     * @return the field ids
     */
    public Set<String> ids(Optional<String> group) {
        return new LinkedHashSet<>(group.isPresent() ? rowFields.getOrDefault(group.get(), Map.of()).keySet()
                : top.keySet());
    }
}
