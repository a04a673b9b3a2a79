package no.tilskudd.format.xlsx.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.OutputStream;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a report as an Excel workbook: a cover with the metadata and notes, one sheet per table (an Excel table with
 * number formats, live sums in total rows, hidden cells as "–", notes and N under it, and its chart beside it), and
 * the data tables as streamed sheets for pivoting.
 */
@Component(service = ReportExporter.class)
@ServiceProvider(value = ReportExporter.class, resolution = Resolution.OPTIONAL)
public final class XlsxReportExporter implements ReportExporter {

    /** The media type of XLSX files. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public String fileExtension() {
        return "xlsx";
    }

    @Override
    public void export(Report report, OutputStream out) throws IOException {
        try {
            PoiRuntime.call(() -> {
                new ReportWorkbook(report).write(out);
                return null;
            });
        } catch (RuntimeException e) {
            throw new IOException("could not write the report workbook: " + e, e);
        }
    }
}
