package no.tilskudd.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin jars for the web console's deploy tests, made from the example scheme. */
final class WebTestJars {

    static final String FORM = "tilskudd/example/forms/2016.json";
    static final String NEW_FIELD = "webAuditReference";

    private WebTestJars() {
    }

    /**
     * The example scheme as a newer release whose 2016 form requires a new field: every stored 2016 submission
     * would become invalid with FIELD_REQUIRED at {@value #NEW_FIELD}.
     */
    static Path exampleRequiringNewField(Path exampleJar, Path target, String version) throws IOException {
        try (JarFile in = new JarFile(exampleJar.toFile())) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            String form = read(in, FORM);
            String changed = form.replaceFirst("\"fields\": \\[", "\"fields\": [\n        { \"id\": \"" + NEW_FIELD
                    + "\", \"type\": \"text\", \"required\": true, \"label\": { \"nb\": \"Revisjonsreferanse\" } },");
            if (changed.equals(form)) {
                throw new IllegalStateException("the example form changed shape; update WebTestJars");
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equals(JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (e.getName().equals(FORM)) {
                        out.write(changed.getBytes(StandardCharsets.UTF_8));
                    } else {
                        try (InputStream s = in.getInputStream(e)) {
                            s.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A line of the demo data with a measure first funded after the reporting year, which the form forbids. */
    static String brokenSubmission() {
        return "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\",\"values\":{\"grantAmount\":100000,"
                + "\"goalsReached\":\"all\",\"measures\":[{\"name\":\"Leksehjelp\",\"category\":\"individ\","
                + "\"participantsChildren\":12,\"participantsFamilies\":3,\"newOrContinued\":\"new\","
                + "\"firstFundedYear\":2030}]}}\n";
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
