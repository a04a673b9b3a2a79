/**
 * Services of the host itself, shared by every front end: the plugins in {@code deploy/} (inspect, dry run,
 * deploy, undeploy), the host's status (bundles, states, failures), and the users who may sign in to the console.
 * The command line and the web console call these; neither holds logic of its own for them.
 */
@Export
@Version("1.3.0")
package no.tilskudd.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
