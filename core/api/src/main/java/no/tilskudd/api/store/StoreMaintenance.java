package no.tilskudd.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Work on the store as a whole that only its owner may do; the store provides it beside {@link SubmissionStore}. */
@ProviderType
public interface StoreMaintenance {

    /**
     * Writes a consistent copy of the store, while it is in use, with everything needed to open the copy.
     *
     * @param directory an existing, empty directory that only the service user can read
     * @return the files written, relative to {@code directory}
     * @throws IOException    when a file cannot be written
     * @throws StoreException when the database cannot be copied
     * @since 1.1
     */
    List<Path> backup(Path directory) throws IOException;
}
