package no.tilskudd.api.host;

import java.util.Locale;
import java.util.Objects;

/**
 * How to deploy a jar: who asks, under which name they know it, and whether the dry run must pass first.
 *
 * @param actor       who deploys, for the audit trail (e.g. {@code os:kari}, {@code web:kari})
 * @param displayName the jar's name as the actor gave it (an upload's file name), for the audit trail
 * @param dryRunFirst whether to run the dry run first and refuse an unsafe jar
 * @param force       whether to deploy even when the dry run finds it unsafe
 * @param locale      the language of the dry run's messages
 */
public record DeployRequest(String actor, String displayName, boolean dryRunFirst, boolean force, Locale locale) {

    /**
     * Checks that nothing is null.
     *
     * @param actor       who deploys, for the audit trail (e.g. {@code os:kari}, {@code web:kari})
     * @param displayName the jar's name as the actor gave it (an upload's file name), for the audit trail
     * @param dryRunFirst whether to run the dry run first and refuse an unsafe jar
     * @param force       whether to deploy even when the dry run finds it unsafe
     * @param locale      the language of the dry run's messages
     */
    public DeployRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(locale, "locale");
    }
}
