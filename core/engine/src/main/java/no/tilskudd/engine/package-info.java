/**
 * Embedding the engine without an OSGi framework: data-only schemes are found by their {@code Tilskudd-Scheme}
 * manifest header and plugin classes with {@link java.util.ServiceLoader}, on the class path or module path. Hot
 * deployment needs the hosted runtime.
 */
@Export
@Version("1.3.0")
package no.tilskudd.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
