/**
 * A format-neutral report model and the exporter contracts that render it into files.
 */
@Export
@Version("2.1.0")
package no.tilskudd.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
