package no.tilskudd.host.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import no.tilskudd.api.service.PluginSignatures.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's jar verification against a trust store: signed, unsigned, tampered, foreign, and the ways around. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JarSignatureCheckTest {

    private Path dir;
    private Path trustedKey;
    private Path foreignKey;
    private Path plain;
    private Path signed;
    private TrustedSigners trust;

    @BeforeAll
    void keys(@TempDir Path tmp) throws Exception {
        dir = tmp;
        trustedKey = Keys.key(dir, "trusted");
        foreignKey = Keys.key(dir, "foreign");
        Keys.trustStore(dir, trustedKey, "trusted", dir.resolve("trusted-plugins.p12"), dir.resolve("pw"));
        trust = TrustedSigners.load(dir.resolve("trusted-plugins.p12"), dir.resolve("pw"));
        plain = Keys.jar(dir.resolve("plain.jar"), "test.signed", Map.of("test/A.class", "class bytes",
                "META-INF/services/x.Y", "test.A\n"));
        signed = Keys.sign(plain, trustedKey, "trusted", dir.resolve("signed.jar"));
    }

    @Test
    void aJarSignedByATrustedKeyIsAcceptedWithItsFingerprint() {
        Verdict v = JarSignatureCheck.verify(signed, trust);
        assertTrue(v.accepted(), v.toString());
        assertEquals(64, v.signer().orElseThrow().length());
        assertTrue(v.subject().orElseThrow().contains("CN=trusted"), v.toString());
    }

    @Test
    void anUnsignedJarIsRefused() {
        Verdict v = JarSignatureCheck.verify(plain, trust);
        assertFalse(v.accepted());
        assertEquals("it is not signed", v.reason().orElseThrow());
    }

    @Test
    void aJarChangedAfterSigningIsRefused() throws IOException {
        Path tampered = Keys.rewrite(signed, dir.resolve("tampered.jar"),
                Map.of("test/A.class", b -> "other bytes".getBytes(StandardCharsets.UTF_8)), Map.of());
        Verdict v = JarSignatureCheck.verify(tampered, trust);
        assertFalse(v.accepted());
        assertTrue(v.reason().orElseThrow().contains("changed after it was signed"), v.toString());
        assertTrue(v.reason().orElseThrow().contains("test/A.class"), v.toString());
    }

    @Test
    void anEntryAddedAfterSigningIsRefused() throws IOException {
        Path added = Keys.rewrite(signed, dir.resolve("added.jar"), Map.of(), Map.of("test/B.class", "evil"));
        Verdict v = JarSignatureCheck.verify(added, trust);
        assertFalse(v.accepted());
        assertTrue(v.reason().orElseThrow().contains("test/B.class"), v.toString());
    }

    @Test
    void anEntryTakenOutAfterSigningIsRefused() throws IOException {
        Path removed = Keys.rewrite(signed, dir.resolve("removed.jar"), Map.of("META-INF/services/x.Y", b -> null),
                Map.of());
        Verdict v = JarSignatureCheck.verify(removed, trust);
        assertFalse(v.accepted());
        assertTrue(v.reason().orElseThrow().contains("taken out"), v.toString());
    }

    @Test
    void aChangedManifestIsRefused() throws IOException {
        Path renamed = Keys.rewrite(signed, dir.resolve("renamed.jar"), Map.of("META-INF/MANIFEST.MF",
                b -> new String(b, StandardCharsets.UTF_8).replace("test.signed", "test.other")
                        .getBytes(StandardCharsets.UTF_8)), Map.of());
        assertFalse(JarSignatureCheck.verify(renamed, trust).accepted());
    }

    @Test
    void aJarSignedByAnotherKeyIsRefusedNamingTheSigner() throws Exception {
        Path foreign = Keys.sign(plain, foreignKey, "foreign", dir.resolve("foreign.jar"));
        Verdict v = JarSignatureCheck.verify(foreign, trust);
        assertFalse(v.accepted());
        assertTrue(v.reason().orElseThrow().contains("CN=foreign"), v.toString());
        assertTrue(v.reason().orElseThrow().contains("not a trusted signer"), v.toString());
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws IOException {
        Path open = dir.resolve("open.pw");
        Files.writeString(open, "trust-pw\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class,
                () -> TrustedSigners.load(dir.resolve("trusted-plugins.p12"), open));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        Path wrong = dir.resolve("wrong.pw");
        Files.writeString(wrong, "not-it\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        assertThrows(IOException.class, () -> TrustedSigners.load(dir.resolve("trusted-plugins.p12"), wrong));
    }
}
