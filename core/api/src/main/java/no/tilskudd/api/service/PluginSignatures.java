package no.tilskudd.api.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed plugins. With {@code tilskudd.plugins.requireSignature=true} a plugin bundle is resolved only when its jar
 * verifies (the JDK's jar verification, every entry read) and is signed by a certificate of the host's trust store
 * ({@code conf/trusted-plugins.p12}); any other is installed but held unresolved, and named here with the reason. The
 * signer of a verified plugin takes part in the ownership of the scheme ids it declares.
 *
 * @since 2.4
 */
@ProviderType
public interface PluginSignatures {

    /**
     * Whether plugins must be signed by a trusted key.
     *
     * @return the setting {@code tilskudd.plugins.requireSignature}
     */
    boolean required();

    /**
     * The verified signer of an installed bundle.
     *
     * @param bundleId the bundle's id in the framework
     * @return the SHA-256 fingerprint of the trusted certificate that signed it (64 lower-case hex digits); empty when
     *         signatures are not required or the bundle was not verified
     */
    Optional<String> signer(long bundleId);

    /**
     * The plugins held unresolved because of their signature.
     *
     * @return one line per bundle, naming its file, symbolic name and version, and the reason
     */
    List<String> refused();

    /**
     * Verifies a jar that is not installed yet, as the host would once it is installed (for the dry run).
     *
     * @param jar the jar
     * @return the verdict; accepted with no signer when signatures are not required
     */
    Verdict verify(Path jar);

    /**
     * What the verification of one jar found.
     *
     * @param accepted whether the host would resolve it
     * @param signer   the trusted signer's certificate fingerprint, where it was verified
     * @param subject  the signer's distinguished name, where it was verified
     * @param reason   why it is refused; empty when accepted
     */
    record Verdict(boolean accepted, Optional<String> signer, Optional<String> subject, Optional<String> reason) {

        /**
         * Checks that nothing is null.
         *
         * @param accepted whether the host would resolve it
         * @param signer   the trusted signer's certificate fingerprint
         * @param subject  the signer's distinguished name
         * @param reason   why it is refused
         */
        public Verdict {
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
