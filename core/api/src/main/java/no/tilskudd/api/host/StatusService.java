package no.tilskudd.api.host;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The status of the host: what {@code tilskudd status} and the console's plugin page show. A serving host
 * publishes its status to its data folder, so that a command in another process shows the serving host's.
 */
@ProviderType
public interface StatusService {

    /**
     * The status now: the serving host's when another live process serves this data folder, else this one's.
     *
     * @return the status
     */
    HostStatus status();
}
