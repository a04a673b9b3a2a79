package no.tilskudd.host.internal.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar that is not installed is read as the host would read it: its components from the descriptors its
 * Service-Component header names (parsed as XML, in any DS namespace, disabled ones left out), its module-path
 * services, and data-only schemes from its Tilskudd-Scheme header.
 */
class CandidateJarTest {

    private static final String VALIDATOR = "no.tilskudd.api.submission.Validator";
    private static final String SCHEME = "no.tilskudd.api.scheme.SchemeDefinition";

    @TempDir
    Path temp;

    private Path jar(Map<String, String> headers, Map<String, String> entries) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Path jar = temp.resolve("candidate-" + System.nanoTime() + ".jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, mf)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static String component(String ns, String impl, String... provides) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scr:component xmlns:scr=\""
                + ns + "\" name=\"" + impl + "\">\n  <implementation class=\"" + impl + "\"/>\n  <service>\n");
        for (String p : provides) {
            s.append("    <provide interface=\"").append(p).append("\"/>\n");
        }
        return s.append("  </service>\n</scr:component>\n").toString();
    }

    @Test
    void componentsAreTheOnesTheHeaderNamesThatProvideTheType() throws Exception {
        Path jar = jar(Map.of("Service-Component", "OSGI-INF/a.xml,OSGI-INF/b.xml"), Map.of(
                "OSGI-INF/a.xml", component("http://www.osgi.org/xmlns/scr/v1.3.0", "x.Rules", VALIDATOR),
                "OSGI-INF/b.xml", component("http://www.osgi.org/xmlns/scr/v1.5.0", "x.Scheme", SCHEME, VALIDATOR),
                // Not named by the header, so not a component of this bundle, as for SCR.
                "OSGI-INF/c.xml", component("http://www.osgi.org/xmlns/scr/v1.3.0", "x.Stray", VALIDATOR)));
        List<String> problems = new ArrayList<>();
        CandidateJar c = new CandidateJar(jar, getClass().getClassLoader(), problems);
        assertEquals(Set.of("x.Rules", "x.Scheme"), c.implementations(VALIDATOR));
        assertEquals(Set.of("x.Scheme"), c.implementations(SCHEME));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aWildcardAttributeOrderAndADisabledComponentAreReadAsScrReadsThem() throws Exception {
        String reordered = "<components xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.1.0\">"
                + "<scr:component enabled='false' name='off'><implementation class='x.Off'/><service>"
                + "<provide interface='" + VALIDATOR + "'/></service></scr:component>"
                + "<scr:component name='on'><service><provide interface='" + VALIDATOR + "'/></service>"
                + "<property name='p' value='&lt;implementation class=\"x.Fake\"/&gt;'/>"
                + "<implementation class='x.On'/></scr:component></components>";
        Path jar = jar(Map.of("Service-Component", "OSGI-INF/*.xml"), Map.of("OSGI-INF/all.xml", reordered,
                "OSGI-INF/none.txt", "not xml"));
        List<String> problems = new ArrayList<>();
        assertEquals(Set.of("x.On"), new CandidateJar(jar, getClass().getClassLoader(), problems)
                .implementations(VALIDATOR), "a regex would have found x.Fake and x.Off");
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void aDescriptorWithADoctypeOrMissingIsTheJarsProblemByName() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<component><implementation class='&x;'/></component>";
        Path jar = jar(Map.of("Service-Component", "OSGI-INF/evil.xml, OSGI-INF/gone.xml"),
                Map.of("OSGI-INF/evil.xml", xxe));
        List<String> problems = new ArrayList<>();
        assertEquals(Set.of(), new CandidateJar(jar, getClass().getClassLoader(), problems).implementations(VALIDATOR));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("OSGI-INF/evil.xml: not a readable component descriptor"), problems.get(0));
        assertTrue(problems.get(1).contains("OSGI-INF/gone.xml, which the jar does not have"), problems.get(1));
    }

    @Test
    void moduleServicesAndDataOnlySchemesAreReadToo() throws Exception {
        Path jar = jar(Map.of("Tilskudd-Scheme", "tilskudd/demo, tilskudd/missing, ../up"), Map.of(
                "META-INF/services/" + VALIDATOR, "# a comment\nx.ModuleRules\n",
                "tilskudd/demo/scheme.json", "{\"id\": \"demo\"}"));
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            CandidateJar c = new CandidateJar(jar, loader, problems);
            assertEquals(Set.of("x.ModuleRules"), c.implementations(VALIDATOR));
            List<URL> schemes = c.dataSchemes();
            assertEquals(1, schemes.size());
            assertTrue(schemes.get(0).toString().endsWith("!/tilskudd/demo/scheme.json"), schemes.get(0).toString());
        }
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("the jar has no tilskudd/missing/scheme.json"), problems.get(0));
        assertTrue(problems.get(1).contains("'../up' is not a resource folder"), problems.get(1));
    }
}
