package no.tilskudd.api.host;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to deploy a jar: who asks, under which name they know it, whether the dry run must pass first, and which schemes
 * the administrator approves the jar to extend.
 *
 * @param actor           who deploys, for the audit trail (e.g. {@code os:kari}, {@code web:kari})
 * @param displayName     the jar's name as the actor gave it (an upload's file name), for the audit trail
 * @param dryRunFirst     whether to run the dry run first and refuse an unsafe jar
 * @param force           whether to deploy even when the dry run finds it unsafe
 * @param locale          the language of the dry run's messages
 * @param allowExtensions scheme ids the jar declares as extensions ({@code Tilskudd-Extends}) that the actor approves
 *                        (recorded in the store before the jar goes in); empty for none
 */
public record DeployRequest(String actor, String displayName, boolean dryRunFirst, boolean force, Locale locale,
        Set<String> allowExtensions) {

    /**
     * Checks that nothing is null and freezes the set.
     *
     * @param actor           who deploys, for the audit trail
     * @param displayName     the jar's name as the actor gave it, for the audit trail
     * @param dryRunFirst     whether to run the dry run first and refuse an unsafe jar
     * @param force           whether to deploy even when the dry run finds it unsafe
     * @param locale          the language of the dry run's messages
     * @param allowExtensions scheme ids the actor approves the jar to extend
     */
    public DeployRequest {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(locale, "locale");
        allowExtensions = Set.copyOf(allowExtensions);
    }

    /**
     * A request that approves no extension.
     *
     * @param actor       who deploys, for the audit trail
     * @param displayName the jar's name as the actor gave it, for the audit trail
     * @param dryRunFirst whether to run the dry run first and refuse an unsafe jar
     * @param force       whether to deploy even when the dry run finds it unsafe
     * @param locale      the language of the dry run's messages
     */
    public DeployRequest(String actor, String displayName, boolean dryRunFirst, boolean force, Locale locale) {
        this(actor, displayName, dryRunFirst, force, locale, Set.of());
    }
}
