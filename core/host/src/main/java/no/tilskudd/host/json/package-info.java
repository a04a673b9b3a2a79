/**
 * The JSON documents of the resources the command line ({@code --json}) and the HTTP API both show: one view per
 * resource, so that the same resource is the same document in both.
 */
@Export
@Version("1.4.0")
package no.tilskudd.host.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
