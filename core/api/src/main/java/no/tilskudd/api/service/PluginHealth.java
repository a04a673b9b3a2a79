package no.tilskudd.api.service;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the plugins' validators and indicators do to the schemes: contributions that do not apply (a validator or
 * indicator for a scheme its bundle neither owns nor is approved to extend), and contributions that failed while they
 * ran (threw, or did not finish in time). Each line names the bundle by symbolic name and version; the host's status
 * shows them, and they last until the bundle is updated or removed.
 *
 * @since 2.3
 */
@ProviderType
public interface PluginHealth {

    /**
     * Contributions that are installed but not applied, and why.
     *
     * @return one line per contribution, e.g. {@code org.example.x 1.0.0: validator for scheme 'avdir' is not applied:
     *         ...}
     */
    List<String> refused();

    /**
     * Contributions that threw or timed out since their bundle was installed or last updated.
     *
     * @return one line per contribution, with how often it failed, the last reason and when
     */
    List<String> failures();
}
