/**
 * Persistence of submissions: transactional saves and queries, answer aggregates, and backups; the grant
 * register; and the console's users (with a reporter's org units) and sessions, so that hosts sharing a database
 * share them.
 */
@Export
@Version("1.3.0")
package no.tilskudd.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
