package no.tilskudd.api.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads files of submissions with the installed importers, validates them and stores them. A file is the unit of
 * work: it is stored whole or not at all.
 */
@ProviderType
public interface ImportService {

    /**
     * Reads and validates a file without storing anything.
     *
     * @param file the file
     * @return what was found
     * @throws IOException when the file cannot be read
     */
    FileReport check(Path file) throws IOException;

    /**
     * Reads, validates and stores a file in one transaction, recorded as made by {@code system}. A file with any
     * error, or with a submission that is already stored while {@code replace} is false, stores nothing.
     *
     * @param file    the file
     * @param replace whether submissions may replace stored ones with the same scheme, year and org unit
     * @return what was found and stored
     * @throws IOException when the file cannot be read
     */
    default FileReport importFile(Path file, boolean replace) throws IOException {
        return importFile(file, replace, "system");
    }

    /**
     * Reads, validates and stores a file in one transaction, recorded in the audit trail as made by {@code actor}.
     *
     * @param file    the file
     * @param replace whether submissions may replace stored ones with the same scheme, year and org unit
     * @param actor   who imports it, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
     * @return what was found and stored
     * @throws IOException when the file cannot be read
     * @since 1.1
     */
    FileReport importFile(Path file, boolean replace, String actor) throws IOException;

    /**
     * The formats the installed importers read.
     *
     * @return the format ids
     */
    Set<String> formats();
}
