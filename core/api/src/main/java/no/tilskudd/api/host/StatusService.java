package no.tilskudd.api.host;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The status of the host: what {@code tilskudd status} and the console's plugin page show. While {@code serve} runs,
 * the host publishes its status to its data folder, so that a command in another process shows the serving host's.
 */
@ProviderType
public interface StatusService {

    /**
     * The status now: the serving host's when another live process serves this data folder, else this one's.
     *
     * @return the status
     */
    HostStatus status();

    /**
     * Publishes the status to the data folder on every bundle change and every second, until the host stops; for
     * {@code serve}, which calls it once. Taking the status may start a bundle that did not start, to learn why
     * (the framework says so only then), so it is published only by the host that owns {@code deploy/}.
     */
    void publish();
}
