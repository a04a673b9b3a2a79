package no.tilskudd.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small plugin bundles from Java source inside a test, for the faults a real plugin can have: a component
 * that throws on activation, a validator that throws or hangs, an indicator that throws, a second scheme with a
 * taken id. Each bundle is what bnd would make: a manifest that imports the API and a Declarative Services
 * component description.
 */
final class TestBundles {

    private final String symbolicName;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> components = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private TestBundles(String symbolicName) {
        this.symbolicName = symbolicName;
    }

    static TestBundles bundle(String symbolicName) {
        return new TestBundles(symbolicName);
    }

    /** Adds a class (package {@code test.plugin}) registered as a DS component providing a service. */
    TestBundles component(String className, String service, String source, boolean activateMethod) {
        sources.put(className, "package test.plugin;\n" + source);
        components.add("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"test.plugin."
                + className + "\" immediate=\"true\"" + (activateMethod ? " activate=\"activate\"" : "") + ">"
                + "<implementation class=\"test.plugin." + className + "\"/>"
                + "<service><provide interface=\"" + service + "\"/></service></scr:component>");
        return this;
    }

    /**
     * Adds a scheme: its descriptor, a 2016 form with one section of the given fields (JSON), and the
     * {@code SchemeDefinition} component (class {@code className}) that points at the descriptor.
     */
    TestBundles scheme(String id, String className, String fields) {
        resource("tilskudd/" + id + "/scheme.json", """
                { "id": "%s", "name": "%s", "agency": "Test", "budgetLine": "-", "firstYear": 2016,
                  "forms": ["forms/2016.json"] }""".formatted(id, id));
        resource("tilskudd/" + id + "/forms/2016.json", """
                { "scheme": "%s", "version": "2016", "years": { "from": 2016, "to": 2016 }, "title": "F",
                  "sections": [ { "id": "s", "title": "S", "fields": [ %s ] } ] }""".formatted(id, fields));
        return component(className, "no.tilskudd.api.scheme.SchemeDefinition", """
                public class %s implements no.tilskudd.api.scheme.SchemeDefinition {
                    public java.net.URL descriptor() {
                        return %s.class.getResource("/tilskudd/%s/scheme.json");
                    }
                }""".formatted(className, className, id), false);
    }

    /**
     * Adds a {@code Validator} component (class {@code className}) of a scheme whose {@code validate} method has
     * the given body, with {@code s} the submission and {@code c} the context.
     */
    TestBundles validator(String className, String scheme, String body) {
        return component(className, "no.tilskudd.api.submission.Validator", """
                public class %s implements no.tilskudd.api.submission.Validator {
                    public String schemeId() { return "%s"; }
                    public java.util.List<no.tilskudd.api.submission.Violation> validate(
                            no.tilskudd.api.submission.Submission s,
                            no.tilskudd.api.submission.ValidationContext c) {
                        %s
                    }
                }""".formatted(className, scheme, body), false);
    }

    /** Adds a manifest header, e.g. {@code Tilskudd-Extends: avdir}. */
    TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TestBundles resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    Path build(Path dir) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp",
                    apiJar().toString()));
            args.addAll(files);
            StringWriter log = new StringWriter();
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("test plugin sources do not compile: " + log);
            }
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(new Attributes.Name("Bundle-ManifestVersion"), "2");
        a.put(new Attributes.Name("Bundle-SymbolicName"), symbolicName);
        a.put(new Attributes.Name("Bundle-Version"), "1.0.0");
        // the major versions of the API packages the test plugins use (indicator and report went to 2.0 with the
        // typed report table)
        Map<String, Integer> majors = Map.of("form", 1, "indicator", 2, "report", 2, "scheme", 1, "submission", 1);
        a.put(new Attributes.Name("Import-Package"), String.join(",", majors.entrySet().stream()
                .map(p -> "no.tilskudd.api." + p.getKey() + ";version=\"[" + p.getValue() + ".0," + (p.getValue() + 1)
                        + ")\"").sorted().toList()));
        headers.forEach((k, v) -> a.put(new Attributes.Name(k), v));
        if (!components.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < components.size(); i++) {
                names.add("OSGI-INF/component" + i + ".xml");
            }
            a.put(new Attributes.Name("Service-Component"), String.join(",", names));
        }
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(o, mf)) {
            for (int i = 0; i < components.size(); i++) {
                put(out, "OSGI-INF/component" + i + ".xml", components.get(i));
            }
            for (Map.Entry<String, String> e : resources.entrySet()) {
                put(out, e.getKey(), e.getValue());
            }
            try (Stream<Path> s = Files.walk(classes)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static Path apiJar() throws IOException {
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("bundle"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("tilskudd-api-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no API jar in the distribution"));
        }
    }
}
