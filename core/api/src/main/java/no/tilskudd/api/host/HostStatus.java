package no.tilskudd.api.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the host is made of right now.
 *
 * @param pid            the process of the host
 * @param serving        whether it is the long-running host ({@code tilskudd serve})
 * @param time           when this was taken
 * @param startMillis    how long the host took to start
 * @param deploy         the folder of hot-deployed plugins
 * @param bundles        every bundle, in bundle id order
 * @param schemes        the installed schemes, as {@code ID [VERSIONS] from BUNDLE VERSION}
 * @param schemeProblems schemes that could not be read, and why
 * @param failures       bundles, components and plugin files that do not work, each with its file and reason
 * @param quarantined    plugins whose validators are switched off, and why
 * @param invalidReports per scheme, how many stored reports no longer validate against a current form (since 1.3);
 *                       they are still counted by indicators, with a note, and do not make the host unhealthy
 */
public record HostStatus(long pid, boolean serving, Instant time, long startMillis, String deploy,
        List<BundleStatus> bundles, List<String> schemes, List<String> schemeProblems, List<String> failures,
        List<String> quarantined, List<String> invalidReports) {

    /**
     * Copies the lists.
     *
     * @param pid            the process of the host
     * @param serving        whether it is the long-running host ({@code tilskudd serve})
     * @param time           when this was taken
     * @param startMillis    how long the host took to start
     * @param deploy         the folder of hot-deployed plugins
     * @param bundles        every bundle, in bundle id order
     * @param schemes        the installed schemes, as {@code ID [VERSIONS] from BUNDLE VERSION}
     * @param schemeProblems schemes that could not be read, and why
     * @param failures       bundles, components and plugin files that do not work, each with its file and reason
     * @param quarantined    plugins whose validators are switched off, and why
     * @param invalidReports per scheme, how many stored reports no longer validate against a current form
     */
    public HostStatus {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(deploy, "deploy");
        bundles = List.copyOf(bundles);
        schemes = List.copyOf(schemes);
        schemeProblems = List.copyOf(schemeProblems);
        failures = List.copyOf(failures);
        quarantined = List.copyOf(quarantined);
        invalidReports = List.copyOf(invalidReports);
    }

    /**
     * A status without stored reports that no longer validate.
     *
     * @param pid            the process of the host
     * @param serving        whether it is the long-running host ({@code tilskudd serve})
     * @param time           when this was taken
     * @param startMillis    how long the host took to start
     * @param deploy         the folder of hot-deployed plugins
     * @param bundles        every bundle, in bundle id order
     * @param schemes        the installed schemes
     * @param schemeProblems schemes that could not be read, and why
     * @param failures       bundles, components and plugin files that do not work
     * @param quarantined    plugins whose validators are switched off, and why
     */
    public HostStatus(long pid, boolean serving, Instant time, long startMillis, String deploy,
            List<BundleStatus> bundles, List<String> schemes, List<String> schemeProblems, List<String> failures,
            List<String> quarantined) {
        this(pid, serving, time, startMillis, deploy, bundles, schemes, schemeProblems, failures, quarantined,
                List.of());
    }

    /**
     * Whether all is well.
     *
     * @return true when there are no failures, no scheme problems and no quarantined plugins
     */
    public boolean healthy() {
        return failures.isEmpty() && schemeProblems.isEmpty() && quarantined.isEmpty();
    }
}
