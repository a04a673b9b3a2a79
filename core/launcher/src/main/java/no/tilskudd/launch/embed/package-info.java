/**
 * Starting a Tilskudd host inside another Java program: a test (the plugin test kit's {@code TilskuddHost} and the
 * distribution's own tests use it), or an application that embeds the toolkit.
 * {@link no.tilskudd.launch.embed.EmbeddedHost} boots the same framework with the same bundles as {@code bin/tilskudd}, finds the data folder by the same rule, and
 * runs commands as the command line does.
 *
 * <p>This package is used from the class path, beside the framework jar; unlike {@link no.tilskudd.launch} it is not
 * offered to the bundles inside the framework.
 */
@Export
@Version("1.0.0")
package no.tilskudd.launch.embed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
