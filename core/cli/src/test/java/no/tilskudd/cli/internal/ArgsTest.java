package no.tilskudd.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.YearRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgsTest {

    @TempDir
    Path cwd;

    private static Args parse(String... args) {
        return Args.parse(List.of(args), Set.of("--scheme", "--years"), Set.of("--json"));
    }

    @Test
    void optionsFlagsAndPositionalArguments() {
        Args a = parse("a.jsonl", "--scheme", "avdir", "--years=2006-2008", "--json", "b.jsonl");
        assertEquals(Optional.of("avdir"), a.option("--scheme"));
        assertEquals(Optional.of("2006-2008"), a.option("--years"));
        assertTrue(a.flag("--json"));
        assertEquals(List.of("a.jsonl", "b.jsonl"), a.positional());
        assertEquals("avdir", a.required("--scheme"));
    }

    @Test
    void wrongUseSaysWhat() {
        assertEquals("unknown option --region", usage(() -> parse("--region", "Nord")));
        assertEquals("--scheme needs a value", usage(() -> parse("--scheme")));
        assertEquals("unknown option --json", usage(() -> parse("--json=yes")));
        assertEquals("--years is required", usage(() -> parse().required("--years")));
    }

    /** Issue 12: {@code --years 99999} passed on the command line and was refused over HTTP. */
    @Test
    void yearsAreReadByTheApisRule() {
        assertArrayEquals(new int[] {2006, 2008}, Args.years("--years", "2006-2008"));
        assertArrayEquals(new int[] {2016, 2016}, Args.years("--years", "2016"));
        for (String bad : List.of("99999", "2017-2016", "abc", "2016-2017-2018", "1899", "2101", "")) {
            String api = assertThrows(IllegalArgumentException.class, () -> YearRange.parse(bad)).getMessage();
            assertEquals("--years " + api, usage(() -> Args.years("--years", bad)), bad);
        }
        assertEquals("--years '99999' is not a plausible year (1900-2100)", usage(() -> Args.years("--years",
                "99999")));
        assertEquals("--year 'x' is not a year", usage(() -> Args.year("--year", "x")));
        assertEquals(2008, Args.year("--year", "2008"));
    }

    @Test
    void anOutputFileIsResolvedInTheWorkingDirectoryWhoseFolderMustExist() throws Exception {
        assertEquals(cwd.resolve("r.pdf"), Args.outputFile(cwd, "r.pdf"));
        Files.createDirectory(cwd.resolve("out"));
        assertEquals(cwd.resolve("out/r.pdf"), Args.outputFile(cwd, "out/../out/r.pdf"));
        assertEquals(Path.of("/tmp/abs.pdf"), Args.outputFile(cwd, "/tmp/abs.pdf"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Args.outputFile(cwd, "missing/deeper/r.pdf"));
        assertEquals("--out missing/deeper/r.pdf: the folder " + cwd.resolve("missing/deeper")
                + " does not exist; create it first", e.getMessage());
        assertFalse(Files.exists(cwd.resolve("missing")));
        assertEquals("--out out: is a directory; name the file to write",
                assertThrows(IllegalArgumentException.class, () -> Args.outputFile(cwd, "out")).getMessage());
    }

    @Test
    void anOutputFolderMayBeCreatedOnlyInAFolderThatExists() throws Exception {
        assertEquals(cwd.resolve("out"), Args.outputFolder(cwd, "out"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Args.outputFolder(cwd, "a/b"));
        assertEquals("--out a/b: the folder " + cwd.resolve("a") + " does not exist; create it first",
                e.getMessage());
        Files.writeString(cwd.resolve("file"), "x");
        assertEquals("--out file: is a file, not a folder",
                assertThrows(IllegalArgumentException.class, () -> Args.outputFolder(cwd, "file")).getMessage());
    }

    private static String usage(Runnable r) {
        return assertThrows(Args.UsageException.class, r::run).getMessage();
    }
}
