/**
 * Persistence of submissions: transactional saves and queries, and backups.
 */
@Export
@Version("1.1.0")
package no.tilskudd.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
