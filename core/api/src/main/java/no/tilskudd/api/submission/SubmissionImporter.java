package no.tilskudd.api.submission;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import no.tilskudd.api.scheme.Scheme;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads submissions from a file format (JSON, JSON Lines, a filled-in workbook...). An importer only reads: the core
 * validates and stores what it returns.
 */
@ConsumerType
public interface SubmissionImporter {

    /**
     * The format id, e.g. {@code json} or {@code xlsx}.
     *
     * @return the format id
     */
    String format();

    /**
     * Tells whether this importer reads a file, judged by its name.
     *
     * @param fileName the file's name
     * @return true if this importer handles it
     */
    boolean canRead(String fileName);

    /**
     * Reads a file.
     *
     * @param fileName the name to use in positions
     * @param in       the content; the importer must not close it
     * @param schemes  looks up schemes by id, for formats that need the form to make sense of the file
     * @return the submissions read and the problems met; never throws for bad content, only for I/O failures
     * @throws IOException when the stream cannot be read
     */
    ReadResult read(String fileName, InputStream in, SchemeLookup schemes) throws IOException;

    /** Looks up a scheme by id. */
    @FunctionalInterface
    interface SchemeLookup {

        /**
         * Finds a scheme.
         *
         * @param schemeId the id
         * @return the scheme, if installed
         */
        Optional<Scheme> scheme(String schemeId);
    }
}
