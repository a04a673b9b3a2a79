package no.tilskudd.store.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a PostgreSQL server's programs the store's tests fail, saying what to install; they never skip. */
class PostgresServerTest {

    @TempDir
    Path empty;

    @Test
    void missingProgramsFailWithWhatToInstall() {
        String before = System.getProperty("tilskudd.postgres.bin");
        System.setProperty("tilskudd.postgres.bin", empty.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, PostgresServer::binaries);
            assertTrue(e.getMessage().contains("install Debian's package postgresql")
                    && e.getMessage().contains(empty.toString()), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("tilskudd.postgres.bin");
            } else {
                System.setProperty("tilskudd.postgres.bin", before);
            }
        }
    }
}
