package no.tilskudd.launch;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Facts about the running host that only the host knows, for the command line and the console. The launcher
 * registers it in its framework; in Apache Karaf the {@code no.tilskudd.karaf} bundle does. Plugins never need it.
 */
@ProviderType
public interface Host {

    /**
     * The distribution's home folder.
     *
     * @return the home folder
     */
    Path home();

    /**
     * The data folder (store, imported org-unit register, users, logs, host status). It is the folder the setting
     * {@code tilskudd.data} names, which the store and the org-unit register read too (the configuration
     * {@code no.tilskudd} where Config Admin has one, else the framework property): the launcher sets that framework
     * property to this folder, so every bundle finds the same one.
     *
     * @return the data folder
     */
    Path data();

    /**
     * The folder of hot-deployed plugins.
     *
     * @return the deploy folder
     */
    Path deploy();

    /**
     * Whether this is the long-running host that watches the deploy folder (else a one-shot command).
     *
     * @return true when serving
     */
    boolean serving();

    /**
     * Plugin files the launcher could not install or start, by file name, with the reason.
     *
     * @return the failures
     */
    Map<String, String> deployFailures();

    /**
     * Milliseconds from launcher start until all bundles were started.
     *
     * @return the start-up time
     */
    long startMillis();
}
