/**
 * Declared indicators: a definition in JSON ({@code docs/indicator-format.md}) says what is counted (reports,
 * scheme-units, units or rows of a repeating group), a filter, the row and column dimensions and the measures;
 * {@link no.tilskudd.engine.internal.declared.DefinitionFile} reads and checks it against the fields of the forms,
 * {@link no.tilskudd.engine.internal.declared.Evaluation} computes its table in one pass over the submissions.
 */
package no.tilskudd.engine.internal.declared;
