/**
 * What the engine offers every scheme descriptor by name: reading submission values, rounding the way the published
 * tables do, and the code lists the AVdir, Bufdir and urban-youth forms have in common.
 *
 * <p>Internal to the engine. A scheme names the standard indicators and rules it uses in its descriptor
 * ({@code "indicators"}, {@code "rules"}); the cross-scheme indicator bundle copies the table helpers privately
 * (bnd {@code -conditionalpackage}), so that it stays a leaf bundle that imports only {@code no.tilskudd.api.*}.
 */
package no.tilskudd.engine.internal.standard;
