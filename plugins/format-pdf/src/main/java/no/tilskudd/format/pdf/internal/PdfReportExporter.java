package no.tilskudd.format.pdf.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.OutputStream;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import org.osgi.service.component.annotations.Component;

/**
 * The PDF format: a report for reading, printing and the archive, with a cover, contents, bookmarks, running header
 * and footer, tables in Norwegian number format, and charts as vector graphics, all text in an embedded DejaVu Sans.
 * Every file is PDF/A-2u and PDF/UA-1: tagged in reading order, with alternate text for charts. Data tables
 * ({@link Report#data()}) are left out; the cover says so when the report has any.
 */
@Component(service = ReportExporter.class, property = "format=pdf")
@ServiceProvider(value = ReportExporter.class, resolution = Resolution.OPTIONAL)
public final class PdfReportExporter implements ReportExporter {

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String fileExtension() {
        return "pdf";
    }

    @Override
    public void export(Report report, OutputStream out) throws IOException {
        new PdfReportWriter(report, EmbeddedFonts.forDocument()).write(out);
    }
}
