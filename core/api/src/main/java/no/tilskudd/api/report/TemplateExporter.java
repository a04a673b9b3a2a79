package no.tilskudd.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import org.osgi.annotation.versioning.ConsumerType;

/** Writes an empty form for a municipal case worker to fill in, in one file format. */
@ConsumerType
public interface TemplateExporter {

    /**
     * The format id, e.g. {@code xlsx}.
     *
     * @return the format id
     */
    String format();

    /**
     * The file name extension, without a dot.
     *
     * @return the extension
     */
    String fileExtension();

    /**
     * Writes a template.
     *
     * @param scheme  the scheme
     * @param form    the form version to write
     * @param year    the reporting year
     * @param orgUnit the org unit to fill in beforehand, if known
     * @param out     where to write; the exporter must not close it
     * @throws IOException when writing fails
     */
    void writeTemplate(Scheme scheme, FormDefinition form, int year, Optional<OrgUnit> orgUnit, OutputStream out)
            throws IOException;
}
