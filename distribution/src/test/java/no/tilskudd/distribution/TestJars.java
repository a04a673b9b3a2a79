package no.tilskudd.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds the plugin jars the hot-deploy and fault tests drop into a host. */
final class TestJars {

    private TestJars() {
    }

    /**
     * The example scheme as a newer release: a higher bundle version and a second form version (2018) whose form
     * adds a required field, so that a test can tell which form a submission was checked against.
     */
    static Path exampleWithForm2018(Path exampleJar, Path target) throws IOException {
        try (JarFile in = new JarFile(exampleJar.toFile())) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().put(new Attributes.Name("Bundle-Version"), "0.2.0");
            String form2016 = read(in, "tilskudd/example/forms/2016.json");
            String form2018 = form2016
                    .replace("\"version\": \"2016\"", "\"version\": \"2018\"")
                    .replace("\"years\": { \"from\": 2016, \"to\": 2017 }", "\"years\": { \"from\": 2018, \"to\": 2019 }")
                    .replace("\"fields\": [\n        { \"id\": \"grantAmount\"",
                            "\"fields\": [\n        { \"id\": \"actionPlanGrant\", \"type\": \"amount\", \"required\": true,"
                                    + " \"label\": { \"nb\": \"Tilskudd til handlingsplan (kr)\" } },\n"
                                    + "        { \"id\": \"grantAmount\"");
            if (form2018.equals(form2016) || !form2018.contains("actionPlanGrant")) {
                throw new IllegalStateException("the example form changed shape; update TestJars");
            }
            String descriptor = read(in, "tilskudd/example/scheme.json")
                    .replace("\"forms\": [\"forms/2016.json\"]", "\"forms\": [\"forms/2016.json\", \"forms/2018.json\"]");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equals(JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (e.getName().equals("tilskudd/example/scheme.json")) {
                        out.write(descriptor.getBytes(StandardCharsets.UTF_8));
                    } else {
                        try (InputStream s = in.getInputStream(e)) {
                            s.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("tilskudd/example/forms/2018.json"));
                out.write(form2018.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }

    /** A bundle that imports a package nobody exports, so it can never resolve. */
    static Path missingImport(Path target) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(new Attributes.Name("Bundle-ManifestVersion"), "2");
        a.put(new Attributes.Name("Bundle-SymbolicName"), "test.missing.import");
        a.put(new Attributes.Name("Bundle-Version"), "1.0.0");
        a.put(new Attributes.Name("Import-Package"), "no.such.pkg;version=\"[1,2)\"");
        try (OutputStream o = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(o, mf)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("needs no.such.pkg".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }

    /** Bytes that are not a zip at all. */
    static Path corrupt(Path target) throws IOException {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(target, junk);
        return target;
    }

    private static String read(JarFile jar, String name) throws IOException {
        JarEntry e = jar.getJarEntry(name);
        if (e == null) {
            throw new IllegalStateException(name + " is not in " + jar.getName());
        }
        try (InputStream s = jar.getInputStream(e)) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
