/**
 * Building blocks shared by the scheme plugins: reading submission values, rounding the way the published tables do,
 * and the code lists the AVdir, Bufdir and urban-youth forms have in common.
 *
 * <p>This is a plain library, not an API: no package here is exported. Each scheme bundle copies the packages it uses
 * into itself (bnd {@code -conditionalpackage}), so that a scheme stays a leaf bundle that imports only
 * {@code no.tilskudd.api.*} and {@code java.*}, and can be deployed, updated and removed on its own.
 */
package no.tilskudd.plugins.support;
