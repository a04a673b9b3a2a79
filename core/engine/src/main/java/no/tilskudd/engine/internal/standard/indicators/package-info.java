/**
 * Table helpers ({@link no.tilskudd.engine.internal.standard.indicators.Tables}) that Java indicators share. The
 * cross-scheme indicator bundle copies this package privately, so it must hold nothing that needs more than
 * {@code no.tilskudd.api.*}; the standard indicators themselves are declared definitions
 * ({@link no.tilskudd.engine.internal.declared.StandardIndicators}).
 */
package no.tilskudd.engine.internal.standard.indicators;
