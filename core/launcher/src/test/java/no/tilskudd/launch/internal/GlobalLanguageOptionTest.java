package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tilskudd --lang en report ...}: the launcher decides from the command whether it runs locally or in the
 * serving host, so a leading language option must not be taken for the command.
 */
class GlobalLanguageOptionTest {

    @Test
    void aLeadingLanguageGoesAfterTheCommand() {
        assertEquals(List.of("report", "--lang", "en", "--scheme", "avdir"),
                Launcher.languageAfterCommand(List.of("--lang", "en", "report", "--scheme", "avdir")));
        assertEquals(List.of("restore", "--lang=en", "b.zip"),
                Launcher.languageAfterCommand(List.of("--lang=en", "restore", "b.zip")));
    }

    @Test
    void otherwiseTheArgumentsStayAsTheyAre() {
        List<String> args = List.of("report", "--lang", "en");
        assertEquals(args, Launcher.languageAfterCommand(args));
        assertEquals(List.of("--lang", "en"), Launcher.languageAfterCommand(List.of("--lang", "en")),
                "no command: the command line's usage error says so");
    }
}
