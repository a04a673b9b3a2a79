package no.tilskudd.host.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The certificates an administrator trusts to sign plugins, read from a PKCS12 trust store: each certificate entry
 * and the certificate of each key entry. A signer is trusted when its certificate is one of them (direct trust), or
 * when its certificate chain validates to one of them by PKIX (a signing CA), at the signature's time stamp where it
 * has one.
 */
public final class TrustedSigners {

    private final List<X509Certificate> certificates;
    private final Set<TrustAnchor> anchors;
    private final Path file;

    private TrustedSigners(Path file, List<X509Certificate> certificates) {
        this.file = file;
        this.certificates = List.copyOf(certificates);
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate c : certificates) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = Collections.unmodifiableSet(a);
    }

    /**
     * Reads a PKCS12 trust store.
     *
     * @param store        the file
     * @param passwordFile a file whose first line is the store's password; it must not be readable by others
     * @return the trusted certificates
     * @throws IOException when a file cannot be read, the password file is readable by others, the password is
     *                     wrong or the store holds no certificate
     */
    public static TrustedSigners load(Path store, Path passwordFile) throws IOException {
        char[] password = password(passwordFile);
        KeyStore ks;
        try (InputStream in = Files.newInputStream(store)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (GeneralSecurityException e) {
            throw new IOException(store + " cannot be read as a PKCS12 trust store: " + e.getMessage(), e);
        } catch (IOException e) {
            // A wrong password is an IOException whose cause is an UnrecoverableKeyException.
            throw new IOException(store + " cannot be read (wrong password in " + passwordFile + "?): "
                    + e.getMessage(), e);
        }
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    certs.add(c);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(store + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IOException(store + " holds no certificate, so no plugin can be trusted");
        }
        return new TrustedSigners(store, certs);
    }

    private static char[] password(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("the trust store's password file " + file + " does not exist");
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)
                    || mode.contains(PosixFilePermission.GROUP_WRITE)
                    || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("the trust store's password file " + file + " is readable or writable by "
                        + "others; make it 0600 (chmod 600)");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the administrator protects the file by the system's own means.
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        return line.toCharArray();
    }

    /** @return the trust store's file */
    public Path file() {
        return file;
    }

    /**
     * The trusted certificate a signer's chain leads to, if any.
     *
     * @param chain     the signer's certificate path, the signer's own certificate first
     * @param timestamp when the signature was time-stamped, if it was
     * @return the signer's certificate, when trusted directly or by PKIX
     */
    Optional<X509Certificate> trusted(CertPath chain, Optional<Date> timestamp) {
        if (chain.getCertificates().isEmpty() || !(chain.getCertificates().get(0) instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        if (certificates.contains(leaf)) {
            return Optional.of(leaf);
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            timestamp.ifPresent(params::setDate);
            CertPathValidator.getInstance("PKIX").validate(chain, params);
            return Optional.of(leaf);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * A certificate's SHA-256 fingerprint.
     *
     * @param c the certificate
     * @return 64 lower-case hex digits
     */
    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
