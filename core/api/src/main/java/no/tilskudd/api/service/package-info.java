/**
 * Services the core provides to front ends (command line, web console) and to embedding applications, among them the
 * reporting of municipalities through the browser ({@link no.tilskudd.api.service.ReportingService}).
 */
@Export
@Version("2.5.0")
package no.tilskudd.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
