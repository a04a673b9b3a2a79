package no.tilskudd.api.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A plugin whose validators the core no longer calls, because they left too many validation workers stuck (Java
 * cannot stop a thread that runs plugin code). It stays switched off until the plugin is updated or replaced.
 *
 * @param plugin the plugin: bundle symbolic name and version in the host, else the module or class name
 * @param reason why, e.g. how many workers are stuck in which validator
 * @param since  when it was switched off
 */
public record Quarantine(String plugin, String reason, Instant since) {

    /**
     * Checks the parts.
     *
     * @param plugin the plugin: bundle symbolic name and version in the host, else the module or class name
     * @param reason why, e.g. how many workers are stuck in which validator
     * @param since  when it was switched off
     */
    public Quarantine {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }

    @Override
    public String toString() {
        return plugin + ": " + reason + " (since " + since + ")";
    }
}
