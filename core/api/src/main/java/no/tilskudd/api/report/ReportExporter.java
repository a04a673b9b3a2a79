package no.tilskudd.api.report;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ConsumerType;

/** Renders a report into one file format. An exporter reads nothing but the report it is given. */
@ConsumerType
public interface ReportExporter {

    /**
     * The format id users name on the command line, e.g. {@code xlsx}.
     *
     * @return the format id
     */
    String format();

    /**
     * The media type of the output, e.g. {@code application/pdf}.
     *
     * @return the media type
     */
    String mediaType();

    /**
     * The file name extension, without a dot.
     *
     * @return the extension
     */
    String fileExtension();

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out    where to write; the exporter must not close it
     * @throws IOException when writing fails
     */
    void export(Report report, OutputStream out) throws IOException;
}
