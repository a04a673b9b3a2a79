package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/**
 * The bundle is self-contained: POI and its libraries are private copies, nothing is exported, and the only imports
 * are the Tilskudd API and the JDK. (bnd writes the manifest into target/classes before the tests run.)
 */
class BundleManifestTest {

    private static Manifest manifest() throws IOException {
        Path mf = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(Files.exists(mf), "run the tests through Maven: bnd writes " + mf);
        try (InputStream in = Files.newInputStream(mf)) {
            return new Manifest(in);
        }
    }

    @Test
    void exportsNothingAndImportsOnlyTheApiAndTheJdk() throws IOException {
        var main = manifest().getMainAttributes();
        assertEquals("no.tilskudd.format.xlsx", main.getValue("Bundle-SymbolicName"));
        assertNull(main.getValue("Export-Package"), "nothing is exported");
        assertNull(main.getValue("Bundle-Activator"), "no activator (log4j-api's own is not taken over)");
        assertNull(main.getValue("Bundle-ClassPath"), "inlined, not nested jars");
        List<String> wrong = new ArrayList<>();
        for (String clause : clauses(main.getValue("Import-Package"))) {
            String pkg = clause.split(";")[0].trim();
            boolean optional = clause.contains("resolution:=optional");
            boolean ok = pkg.startsWith("java.") || pkg.startsWith("javax.xml.") || pkg.equals("org.w3c.dom")
                    || pkg.startsWith("org.w3c.dom.") || pkg.equals("org.xml.sax") || pkg.startsWith("org.xml.sax.")
                    || pkg.startsWith("no.tilskudd.api.")
                    // JDK packages that only parts of POI this plugin never calls use (encryption, images)
                    || optional && (pkg.startsWith("javax.") || pkg.equals("org.ietf.jgss"));
            if (!ok) {
                wrong.add(clause);
            }
        }
        assertEquals(List.of(), wrong, "imports that are neither the API nor the JDK");
        String services = main.getValue("Service-Component");
        assertNotNull(services);
        for (String c : List.of("XlsxReportExporter", "XlsxTemplateExporter", "XlsxSubmissionImporter")) {
            assertTrue(services.contains(c), services);
        }
    }

    @Test
    void poiAndItsLibrariesArePrivateCopies() {
        for (String cls : List.of("org/apache/poi/xssf/usermodel/XSSFWorkbook.class",
                "org/apache/poi/schemas/ooxml/system/ooxml/TypeSystemHolder.class",
                "org/apache/xmlbeans/XmlObject.class", "org/apache/commons/compress/archivers/zip/ZipFile.class",
                "org/apache/commons/io/IOUtils.class", "org/apache/logging/log4j/LogManager.class")) {
            assertTrue(Files.exists(Path.of("target/classes", cls)), cls);
        }
        assertFalse(Files.exists(Path.of("target/classes/META-INF/services/org.apache.poi.ss.usermodel."
                + "WorkbookProvider")), "POI's ServiceLoader files are replaced by PoiRuntime");
    }

    @Test
    void log4jIsQuietWithoutSystemProperties() {
        assertNull(System.getProperty("log4j2.loggerContextFactory"));
        assertNull(System.getProperty("log4j.provider"));
        assertTrue(LogManager.getFactory() instanceof QuietLog4jProvider.Factory, LogManager.getFactory().getClass()
                .getName());
        assertFalse(LogManager.getLogger("org.apache.poi").isErrorEnabled());
    }

    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
