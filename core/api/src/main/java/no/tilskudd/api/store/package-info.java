/**
 * Persistence of submissions: transactional saves and queries.
 */
@Export
@Version("1.0.0")
package no.tilskudd.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
