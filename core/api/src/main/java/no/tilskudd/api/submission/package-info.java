/**
 * Submissions (one filled report form), violations, and the validator and importer contracts that plugins implement.
 */
@Export
@Version("1.1.0")
package no.tilskudd.api.submission;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
