/**
 * Persistence of submissions: transactional saves and queries, answer aggregates, and backups; the grant
 * register; the console's users (with a reporter's org units) and sessions; which bundle owns each scheme id and which
 * bundles an administrator approved to extend a scheme they do not own; and the publications analysts upload, with their frozen editions; the reports municipalities fill in through the browser, with every version;
 * so that hosts sharing a database share them.
 */
@Export
@Version("1.7.0")
package no.tilskudd.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
