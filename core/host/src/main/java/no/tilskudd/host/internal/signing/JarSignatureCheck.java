package no.tilskudd.host.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import no.tilskudd.api.service.PluginSignatures.Verdict;

/**
 * Verifies a plugin jar with the JDK's own jar verification ({@link JarFile} opened to verify, every entry read to
 * its end, which checks each entry's digest against the signed manifest and the manifest against each signature),
 * then asks of every entry that it is signed and that one signer, the same for all, is trusted. What the JDK does not
 * check is checked here too: that no entry the manifest signs was taken out.
 */
public final class JarSignatureCheck {

    private JarSignatureCheck() {
    }

    /**
     * Verifies a jar.
     *
     * @param jar   the jar
     * @param trust the trusted signers
     * @return accepted with the signer, or refused with the reason
     */
    public static Verdict verify(Path jar, TrustedSigners trust) {
        try (JarFile jf = new JarFile(jar.toFile(), true)) {
            Manifest mf = jf.getManifest();
            if (mf == null) {
                return refused("the jar has no manifest, so it is not signed");
            }
            byte[] buffer = new byte[8192];
            Set<String> unsigned = new LinkedHashSet<>();
            Set<String> untrusted = new LinkedHashSet<>();
            Set<String> common = null;
            X509Certificate first = null;
            boolean signedAny = false;
            for (JarEntry e : Collections.list(jf.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = jf.getInputStream(e)) {
                    while (in.read(buffer) >= 0) {
                        // Reading to the end is what makes the JDK compare the entry with its signed digest.
                    }
                } catch (SecurityException ex) {
                    return refused("its content was changed after it was signed (" + e.getName() + ": "
                            + ex.getMessage() + ")");
                }
                if (signatureRelated(e.getName())) {
                    continue;
                }
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned.add(e.getName());
                    continue;
                }
                signedAny = true;
                Set<String> trustedHere = new LinkedHashSet<>();
                for (CodeSigner s : signers) {
                    Optional<Date> ts = Optional.ofNullable(s.getTimestamp()).map(t -> t.getTimestamp());
                    Optional<X509Certificate> c = trust.trusted(s.getSignerCertPath(), ts);
                    if (c.isPresent()) {
                        trustedHere.add(TrustedSigners.fingerprint(c.get()));
                        if (first == null) {
                            first = c.get();
                        }
                    } else if (s.getSignerCertPath().getCertificates().get(0) instanceof X509Certificate x) {
                        untrusted.add(x.getSubjectX500Principal().getName());
                    }
                }
                if (trustedHere.isEmpty()) {
                    return refused("it is signed by " + String.join(", ", untrusted) + ", which is not a trusted "
                            + "signer (no certificate of " + trust.file().getFileName() + " signed it)");
                }
                if (common == null) {
                    common = trustedHere;
                } else {
                    common.retainAll(trustedHere);
                }
            }
            if (!signedAny) {
                return refused("it is not signed");
            }
            if (!unsigned.isEmpty()) {
                return refused("it has entries that are not signed (added or changed after signing?): "
                        + String.join(", ", unsigned.stream().limit(3).toList())
                        + (unsigned.size() > 3 ? " and " + (unsigned.size() - 3) + " more" : ""));
            }
            for (Map.Entry<String, Attributes> section : mf.getEntries().entrySet()) {
                boolean digested = section.getValue().keySet().stream()
                        .anyMatch(k -> k.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
                if (digested && jf.getEntry(section.getKey()) == null) {
                    return refused("the entry " + section.getKey() + " was signed but has been taken out");
                }
            }
            if (common == null || common.isEmpty()) {
                return refused("its entries are signed by different keys");
            }
            String fp = common.iterator().next();
            X509Certificate signer = first;
            return new Verdict(true, Optional.of(fp), Optional.of(signer.getSubjectX500Principal().getName()),
                    Optional.empty());
        } catch (SecurityException e) {
            // Thrown while the signature files are processed: a signature that does not match its manifest.
            return refused("its signature does not match its content (" + e.getMessage() + ")");
        } catch (IOException e) {
            return refused("it cannot be read as a jar (" + e.getMessage() + ")");
        }
    }

    private static Verdict refused(String reason) {
        return new Verdict(false, Optional.empty(), Optional.empty(), Optional.of(reason));
    }

    /** The manifest and the signature files, which the JDK does not list as signed entries. */
    static boolean signatureRelated(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String f = n.substring("META-INF/".length());
        return f.equals("MANIFEST.MF") || f.endsWith(".SF") || f.endsWith(".RSA") || f.endsWith(".DSA")
                || f.endsWith(".EC") || f.startsWith("SIG-");
    }
}
