package no.tilskudd.api.service;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.scheme.Scheme;
import org.osgi.annotation.versioning.ProviderType;

/** The schemes installed right now. Schemes come and go as plugins are deployed, updated and removed. */
@ProviderType
public interface SchemeRegistry {

    /**
     * The installed schemes, ordered by id.
     *
     * @return the schemes
     */
    List<Scheme> schemes();

    /**
     * One scheme.
     *
     * @param id the scheme id
     * @return the scheme, if installed
     */
    Optional<Scheme> scheme(String id);

    /**
     * Contributions that could not be used (a broken descriptor or form, two plugins claiming the same scheme id),
     * one line each naming the plugin and the reason.
     *
     * @return the problems, oldest first
     */
    List<String> problems();
}
