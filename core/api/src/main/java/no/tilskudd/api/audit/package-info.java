/**
 * The audit trail: an append-only record of every change to the system's data, plugins and users.
 */
@Export
@Version("1.0.0")
package no.tilskudd.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
