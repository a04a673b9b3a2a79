/**
 * Grant schemes, the plugin contract that contributes them, and the organisational units (municipalities, Oslo districts) that report.
 */
@Export
@Version("1.2.0")
package no.tilskudd.api.scheme;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
