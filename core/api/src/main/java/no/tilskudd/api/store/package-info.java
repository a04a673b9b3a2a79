/**
 * Persistence of submissions: transactional saves and queries, answer aggregates, and backups; the grant
 * register; the console's users (with a reporter's org units) and sessions; and which bundle owns each scheme id;
 * so that hosts sharing a database share them.
 */
@Export
@Version("1.4.0")
package no.tilskudd.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
