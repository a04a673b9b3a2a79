package no.tilskudd.launch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding entry point with an empty distribution (no bundles): the data folder rule and the serve lock. */
class EmbeddedHostTest {

    @TempDir
    Path temp;

    @Test
    void withoutADataFolderTheHostUsesHomeDataAsTheCommandLineDoes() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        try (EmbeddedHost host = EmbeddedHost.builder(home).start()) {
            assertEquals(home.resolve("data"), host.host().data());
            assertEquals(home, host.host().home());
            assertEquals(home.resolve("deploy"), host.host().deploy());
            assertFalse(host.host().serving());
            assertTrue(Files.isDirectory(home.resolve("data/log")));
        }
    }

    @Test
    void aGivenDataFolderIsUsedAndMadeAbsolute() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path data = temp.resolve("elsewhere/../store");
        try (EmbeddedHost host = EmbeddedHost.builder(home).data(data).serving(true).start()) {
            assertEquals(temp.resolve("store"), host.host().data());
            assertTrue(host.host().serving());
            assertTrue(Files.exists(temp.resolve("store/host.sock")), "a serving host answers one-shot commands");
        }
        assertFalse(Files.exists(temp.resolve("store/host.sock")));
    }

    @Test
    void aSecondServingHostOnTheSameDataFolderDoesNotStart() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        try (EmbeddedHost first = EmbeddedHost.builder(home).serving(true).start()) {
            IOException e = assertThrows(IOException.class, () -> EmbeddedHost.builder(home).serving(true).start());
            assertTrue(e.getMessage().contains("already serving " + home.resolve("data")), e.getMessage());
            assertTrue(first.host().serving());
        }
    }

    @Test
    void aDataFolderThatCannotBeOneIsRefusedBeforeAnythingStarts() {
        Path home = temp.resolve("home");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedHost.builder(home).data(temp.resolve("a;b")).start());
        assertTrue(e.getMessage().contains("must not contain ';'"), e.getMessage());
        assertFalse(Files.exists(home), "nothing was created");
    }
}
