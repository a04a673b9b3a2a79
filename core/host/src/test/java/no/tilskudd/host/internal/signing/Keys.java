package no.tilskudd.host.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Keys, certificates and signed jars made with the JDK's keytool and jarsigner, as an administrator makes them. */
final class Keys {

    static final String STOREPASS = "test-keys-pw";

    private Keys() {
    }

    static void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        cmd.add("-J-Duser.language=en");
        Collections.addAll(cmd, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    /** A key pair with a self-signed certificate in its own PKCS12 key store. */
    static Path key(Path dir, String alias) throws IOException, InterruptedException {
        Path store = dir.resolve(alias + "-key.p12");
        run("keytool", "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + alias + ", O=Tilskudd test", "-validity", "30", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", STOREPASS);
        return store;
    }

    /** A trust store holding the certificate of a key, and its 0600 password file. */
    static Path trustStore(Path dir, Path keyStore, String alias, Path store, Path passwordFile) throws IOException,
            InterruptedException {
        Path cer = dir.resolve(alias + ".cer");
        run("keytool", "-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", STOREPASS,
                "-file", cer.toString());
        run("keytool", "-importcert", "-noprompt", "-alias", alias, "-file", cer.toString(), "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", "trust-pw");
        Files.writeString(passwordFile, "trust-pw\n");
        Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString(
                "rw-------"));
        return store;
    }

    static Path sign(Path jar, Path keyStore, String alias, Path signed) throws IOException, InterruptedException {
        run("jarsigner", "-keystore", keyStore.toString(), "-storepass", STOREPASS, "-signedjar", signed.toString(),
                jar.toString(), alias);
        return signed;
    }

    /** A small bundle jar: a manifest, a class-like entry and a resource. */
    static Path jar(Path target, String symbolicName, Map<String, String> entries) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        mf.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return target;
    }

    /** A copy of a jar with each entry's bytes passed through a change (null drops the entry), plus extra entries. */
    static Path rewrite(Path jar, Path target, Map<String, UnaryOperator<byte[]>> changes, Map<String, String> extra)
            throws IOException {
        try (JarFile in = new JarFile(jar.toFile(), false); OutputStream out = Files.newOutputStream(target);
                JarOutputStream j = new JarOutputStream(out)) {
            for (JarEntry e : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                UnaryOperator<byte[]> change = changes.get(e.getName());
                if (change != null) {
                    bytes = change.apply(bytes);
                    if (bytes == null) {
                        continue;
                    }
                }
                j.putNextEntry(new JarEntry(e.getName()));
                j.write(bytes);
                j.closeEntry();
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return target;
    }
}
