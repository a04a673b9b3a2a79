/**
 * The contract between the launcher and the bundles it starts. The framework's system bundle exports this package,
 * so the launcher (outside the framework) and the command-line bundle (inside) share these types.
 */
@Export
@Version("1.0.0")
package no.tilskudd.launch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
