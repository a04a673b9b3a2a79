package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.engine.internal.importing.JsonSubmissionImporter;
import org.osgi.service.component.annotations.Component;

/** Offers the built-in JSON and JSON Lines importer on the whiteboard, beside any importer a plugin adds. */
@Component(service = SubmissionImporter.class)
public final class JsonImporterComponent implements SubmissionImporter {

    private final JsonSubmissionImporter delegate = new JsonSubmissionImporter();

    @Override
    public String format() {
        return delegate.format();
    }

    @Override
    public boolean canRead(String fileName) {
        return delegate.canRead(fileName);
    }

    @Override
    public ReadResult read(String fileName, InputStream in, SchemeLookup schemes) throws IOException {
        return delegate.read(fileName, in, schemes);
    }
}
