/**
 * The host contract: the service provider interface between a host and the adapter bundles it runs (the command line,
 * the console). It is not part of {@code no.tilskudd.api}, because plugins must not depend on a particular host; it
 * belongs to the launcher, which defines the hosts that run Tilskudd.
 *
 * <ul>
 * <li>{@link no.tilskudd.launch.Host}, provided by the host: its folders, whether it serves, what it could not deploy.
 * The launcher registers it in its framework; in Apache Karaf the {@code no.tilskudd.karaf} bundle does.</li>
 * <li>{@link no.tilskudd.launch.CommandLine}, provided by the command-line bundle and called by the launcher for each
 * command (also for commands a one-shot {@code tilskudd} sends to a serving host).</li>
 * </ul>
 *
 * <p>The launcher's system bundle exports this package at this version, so the launcher (outside the framework) and
 * the bundles inside share these types. Programs that start a host themselves use
 * {@link no.tilskudd.launch.embed.EmbeddedHost}; {@code no.tilskudd.launch.internal} is not a contract.
 *
 * <p>2.0.0: {@link no.tilskudd.launch.CommandLine#run} takes the working directory against which a command resolves
 * its paths, since a command may run in the serving host for a client in another folder.
 */
@Export
@Version("2.0.0")
package no.tilskudd.launch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
