/**
 * Indicators: computations that turn a selection of submissions into a table with its N.
 */
@Export
@Version("2.2.0")
package no.tilskudd.api.indicator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
