package no.tilskudd.api.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormDefinitionTest {

    private static Field field(String id) {
        return new Field(id, FieldType.TEXT, LocalizedText.of(id), Optional.empty(), false, Optional.empty(),
                Constraints.NONE, List.of(), List.of());
    }

    private static FormDefinition form(int from, int to) {
        return new FormDefinition("s", "v", from, to, LocalizedText.of("t"), List.of(
                new Section("one", LocalizedText.of("One"), List.of(field("a"), field("b"))),
                new Section("two", LocalizedText.of("Two"), List.of(field("c")))), List.of());
    }

    @Test
    void lastYearBeforeFirstYearIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> form(2010, 2009));
        assertEquals("form s/v: lastYear 2009 is before firstYear 2010", e.getMessage());
    }

    @Test
    void aSingleYearFormIsAllowed() {
        FormDefinition f = form(2010, 2010);
        assertTrue(f.coversYear(2010));
        assertFalse(f.coversYear(2009));
        assertFalse(f.coversYear(2011));
    }

    @Test
    void coversYearIncludesBothEnds() {
        FormDefinition f = form(2008, 2012);
        assertFalse(f.coversYear(2007));
        assertTrue(f.coversYear(2008));
        assertTrue(f.coversYear(2010));
        assertTrue(f.coversYear(2012));
        assertFalse(f.coversYear(2013));
    }

    @Test
    void fieldsListsTopLevelFieldsSectionBySection() {
        assertEquals(List.of("a", "b", "c"), form(2008, 2012).fields().stream().map(Field::id).toList());
    }

    @Test
    void fieldLooksUpAcrossSections() {
        FormDefinition f = form(2008, 2012);
        assertEquals("c", f.field("c").orElseThrow().id());
        assertTrue(f.field("d").isEmpty());
    }

    @Test
    void fieldListIsFrozen() {
        FormDefinition f = form(2008, 2012);
        assertThrows(UnsupportedOperationException.class, () -> f.fields().add(field("x")));
        assertThrows(UnsupportedOperationException.class, () -> f.sections().clear());
    }

    @Test
    void numericTypesAreTheNumberFields() {
        assertTrue(FieldType.INTEGER.isNumeric());
        assertTrue(FieldType.DECIMAL.isNumeric());
        assertTrue(FieldType.AMOUNT.isNumeric());
        assertTrue(FieldType.PERCENT.isNumeric());
        assertTrue(FieldType.YEAR.isNumeric());
        assertFalse(FieldType.TEXT.isNumeric());
        assertFalse(FieldType.DATE.isNumeric());
        assertFalse(FieldType.BOOLEAN.isNumeric());
        assertFalse(FieldType.CHOICE.isNumeric());
        assertFalse(FieldType.MULTI_CHOICE.isNumeric());
        assertFalse(FieldType.GROUP.isNumeric());
    }

    @Test
    void fieldLooksUpChoicesAndRowFields() {
        Field group = new Field("g", FieldType.GROUP, LocalizedText.of("g"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, List.of(), List.of(field("name")));
        Field choice = new Field("c", FieldType.CHOICE, LocalizedText.of("c"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, List.of(new Choice("yes", LocalizedText.of("Ja"))), List.of());
        assertEquals("name", group.field("name").orElseThrow().id());
        assertTrue(group.field("other").isEmpty());
        assertEquals("Ja", choice.choice("yes").orElseThrow().label().nb());
        assertTrue(choice.choice("no").isEmpty());
    }
}
