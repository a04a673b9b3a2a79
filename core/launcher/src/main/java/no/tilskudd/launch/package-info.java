/**
 * The contract between the launcher and the bundles it starts. The framework's system bundle exports this package,
 * so the launcher (outside the framework) and the command-line bundle (inside) share these types.
 *
 * <p>2.0.0: {@link no.tilskudd.launch.CommandLine#run} takes the working directory against which a command resolves
 * its paths, since a command may run in the serving host for a client in another folder.
 */
@Export
@Version("2.0.0")
package no.tilskudd.launch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
