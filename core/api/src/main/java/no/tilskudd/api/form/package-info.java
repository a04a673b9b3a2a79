/**
 * Declarative form definitions: the fields, sections and rules of one version of a scheme's report form.
 */
@Export
@Version("1.2.0")
package no.tilskudd.api.form;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
