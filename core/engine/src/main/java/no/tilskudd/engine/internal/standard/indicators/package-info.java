/**
 * The standard indicators by id ({@link no.tilskudd.engine.internal.standard.indicators.StandardIndicators}), now
 * declared definitions, and the table helpers ({@link no.tilskudd.engine.internal.standard.indicators.Tables}) that
 * Java indicators such as the cross-scheme one share.
 */
package no.tilskudd.engine.internal.standard.indicators;
