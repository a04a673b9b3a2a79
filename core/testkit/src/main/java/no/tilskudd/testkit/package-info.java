/**
 * A test kit for plugin authors: unit-test form definitions, rules, validators and indicators without OSGi
 * ({@link no.tilskudd.testkit.PluginTestKit}), and smoke-test a plugin jar in a real host
 * ({@link no.tilskudd.testkit.TilskuddHost}). Failures are {@link java.lang.AssertionError}s with messages that name
 * what was expected and what was found, so the kit works with any test framework.
 */
@Export
@Version("2.0.0")
package no.tilskudd.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
