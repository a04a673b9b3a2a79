package no.tilskudd.api.host;

import java.util.Objects;
import java.util.Optional;

/**
 * A jar put into {@code deploy/}.
 *
 * @param file    its file name in {@code deploy/}
 * @param bundle  its identity
 * @param state   {@code DEPLOYED} when no host serves (the next start installs it), else the bundle's state once
 *                the serving host has acted on it ({@code ACTIVE}, {@code INSTALLED}, ..., or {@code WAITING})
 * @param failure why the bundle is not active, when it is not
 * @param check   the dry run, when one was asked for
 */
public record Deployment(String file, PluginJar bundle, String state, Optional<String> failure,
        Optional<DryRun> check) {

    /**
     * Checks that nothing is null.
     *
     * @param file    its file name in {@code deploy/}
     * @param bundle  its identity
     * @param state   {@code DEPLOYED} when no host serves (the next start installs it), else the bundle's state once
     *                the serving host has acted on it ({@code ACTIVE}, {@code INSTALLED}, ..., or {@code WAITING})
     * @param failure why the bundle is not active, when it is not
     * @param check   the dry run, when one was asked for
     */
    public Deployment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(check, "check");
    }

    /**
     * Whether the bundle is known not to work: installed or resolved, but not started.
     *
     * @return true when it did not start
     */
    public boolean failed() {
        return state.equals("INSTALLED") || state.equals("RESOLVED");
    }
}
