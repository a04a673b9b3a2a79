package no.tilskudd.launch;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Facts about the running host that only the launcher knows; registered as a service by the launcher. */
@ProviderType
public interface Host {

    /**
     * The distribution's home folder.
     *
     * @return the home folder
     */
    Path home();

    /**
     * The data folder (store, imported org-unit register, host status).
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
