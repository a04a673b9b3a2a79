/**
 * Embedding the engine without an OSGi framework: plugins are found with {@link java.util.ServiceLoader} on the
 * class path or module path. Hot deployment needs the hosted runtime.
 */
@Export
@Version("1.0.0")
package no.tilskudd.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
