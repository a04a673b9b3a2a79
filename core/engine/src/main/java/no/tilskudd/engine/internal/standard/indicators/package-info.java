/**
 * Indicator building blocks: each {@link no.tilskudd.engine.internal.standard.indicators.TableSpec} turns submissions into one
 * kind of table (a choice per year, a choice per unit, shares of a multi-choice, measures by category, budget bands,
 * participants, units by region), and {@link no.tilskudd.engine.internal.standard.indicators.StandardIndicators} configures
 * them with the common field ids, so that a scheme descriptor names an indicator by its id.
 *
 * <p>Every table states its N, rounds percentages half up to whole numbers, and carries the counts behind each
 * percentage as {@link no.tilskudd.api.report.ValueKind#COUNT} columns, so that the JSON output can be checked.
 * Total rows are marked; their percentage cells are left empty because whole percentages need not add up to 100.
 */
package no.tilskudd.engine.internal.standard.indicators;
