/**
 * Services the core provides to front ends (command line, web console) and to embedding applications.
 */
@Export
@Version("2.4.0")
package no.tilskudd.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
