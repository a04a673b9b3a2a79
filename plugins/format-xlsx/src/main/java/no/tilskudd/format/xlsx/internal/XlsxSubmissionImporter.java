package no.tilskudd.format.xlsx.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.SubmissionImporter;
import org.osgi.service.component.annotations.Component;

/**
 * Reads a filled-in template ({@link XlsxTemplateExporter}) back into a submission. Every answer's position is its
 * cell (e.g. {@code 'Tiltak'!C7}), so that validation findings name the cell to correct. A workbook that is not a
 * template, is for a scheme, year or form version that does not fit, or is hostile (macros, links to other files, zip
 * bombs, huge sheets, a damaged zip) gives a read problem that says so.
 *
 * <p>It also claims {@code .xlsm} files, only to refuse them with a clear message instead of the core's "no importer
 * reads this kind of file".
 */
@Component(service = SubmissionImporter.class)
@ServiceProvider(value = SubmissionImporter.class, resolution = Resolution.OPTIONAL)
public final class XlsxSubmissionImporter implements SubmissionImporter {

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public boolean canRead(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm");
    }

    @Override
    public ReadResult read(String fileName, InputStream in, SchemeLookup schemes) throws IOException {
        return new TemplateReader(fileName, schemes).read(in);
    }
}
