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
     * Contributions that cannot be used right now (a broken descriptor or form, a second plugin claiming a scheme id
     * that is taken), one line each naming the plugin and the reason. A problem goes away with its plugin.
     *
     * @return the current problems
     */
    List<String> problems();
}
