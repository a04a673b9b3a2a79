package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The bundle keeps OpenPDF and JFreeChart to itself: it exports nothing and needs nothing from other bundles but the
 * Tilskudd API and the JDK (through the system bundle); what the libraries could use but we never call is optional.
 * bnd writes the manifest into target/classes before the tests run.
 */
class BundleManifestTest {

    private static Attributes manifest() throws IOException {
        Path mf = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(Files.isRegularFile(mf), "bnd has not written " + mf.toAbsolutePath());
        try (InputStream in = Files.newInputStream(mf)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void exportsNothingAndImportsOnlyTheApiAndTheJdk() throws IOException {
        Attributes a = manifest();
        assertEquals("no.tilskudd.format.pdf", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "the inlined libraries must stay private");
        List<String> mandatory = new ArrayList<>();
        for (String clause : clauses(a.getValue("Import-Package"))) {
            if (clause.contains("resolution:=optional")) {
                continue;
            }
            String pkg = clause.split(";")[0];
            if (!(pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("org.w3c.")
                    || pkg.startsWith("org.xml.") || pkg.startsWith("no.tilskudd.api."))) {
                mandatory.add(clause);
            }
        }
        assertEquals(List.of(), mandatory, "mandatory imports other than the JDK and the API");
        String imports = a.getValue("Import-Package");
        assertTrue(imports.contains("sun.misc;resolution:=optional"), "sun.misc must not be mandatory: " + imports);
        assertTrue(!imports.contains("com.lowagie") && !imports.contains("org.jfree.chart"), imports);
    }

    @Test
    void shipsTheFontAndItsLicence() throws IOException {
        for (String name : List.of(EmbeddedFonts.REGULAR, EmbeddedFonts.BOLD, "LICENSE")) {
            try (InputStream in = EmbeddedFonts.class.getResourceAsStream(EmbeddedFonts.DIR + name)) {
                assertNotNull(in, EmbeddedFonts.DIR + name + " is not in the bundle");
            }
        }
        assertTrue(Files.isRegularFile(Path.of("target/classes", EmbeddedFonts.DIR, "LICENSE")));
        assertTrue(Files.isRegularFile(Path.of("target/classes/META-INF/licenses/THIRD-PARTY.txt")));
        assertTrue(Files.isRegularFile(Path.of("target/classes/META-INF/licenses/openpdf/LICENSES.md")));
        assertTrue(Files.isRegularFile(Path.of("target/classes/com/lowagie/text/pdf/fonts/glyphlist.txt")),
                "OpenPDF loads its glyph list by name; bnd must copy the resource package");
    }

    /** Splits an OSGi header at commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().trim());
        }
        return out;
    }
}
