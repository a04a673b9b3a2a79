package no.tilskudd.api.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugins in {@code deploy/}: what a jar is, what deploying it would do, and deploying and removing it. Every
 * deployment passes {@link #deploy}, which is the one gate a jar goes through on its way into the host, whoever
 * asks (command line, web console). Changes are recorded in the audit trail.
 */
@ProviderType
public interface PluginService {

    /**
     * Reads a jar's bundle identity.
     *
     * @param jar the jar
     * @return its symbolic name and version, and the version installed now
     * @throws PluginRefusedException when it is not a readable bundle ({@code not_a_jar}, {@code not_a_bundle})
     */
    PluginJar inspect(Path jar) throws PluginRefusedException;

    /**
     * Checks what deploying a jar would do to the stored submissions of the schemes it contributes. Nothing is
     * installed.
     *
     * @param jar    the jar
     * @param locale the language of messages
     * @return the dry run
     * @throws PluginRefusedException when the jar is not a bundle
     * @throws IOException            when the jar cannot be read
     */
    DryRun dryRun(Path jar, Locale locale) throws PluginRefusedException, IOException;

    /**
     * Checks what deploying a jar would do, as {@link #dryRun(Path, Locale)}, with the extensions an administrator
     * would approve at deployment counted as approved: their validators are checked against the stored submissions
     * of the schemes they extend. Nothing is installed and nothing is approved.
     *
     * @param jar             the jar
     * @param locale          the language of messages
     * @param allowExtensions scheme ids the deployment would approve the jar to extend
     * @return the dry run
     * @throws PluginRefusedException when the jar is not a bundle
     * @throws IOException            when the jar cannot be read
     * @since 1.2
     */
    DryRun dryRun(Path jar, Locale locale, Set<String> allowExtensions) throws PluginRefusedException, IOException;

    /**
     * Puts a jar into {@code deploy/} atomically (as an update when the bundle is installed already); a serving
     * host then installs and starts it, and the answer comes once it has (or says why not).
     *
     * @param jar     the jar (copied, not moved)
     * @param request who asks and whether a dry run must pass first
     * @return what happened
     * @throws PluginRefusedException when the jar is not a bundle, would replace a bundle of the host, or the dry
     *                                run found it unsafe and the request does not force it
     * @throws IOException            when writing fails
     */
    Deployment deploy(Path jar, DeployRequest request) throws PluginRefusedException, IOException;

    /**
     * Deletes a plugin's jar from {@code deploy/}; a serving host uninstalls it, and the answer comes once it has.
     *
     * @param symbolicName the bundle's symbolic name
     * @param actor        who removes it, for the audit trail
     * @return what was removed
     * @throws PluginRefusedException when it is not a plugin in {@code deploy/} ({@code not_found},
     *                                {@code core_bundle})
     * @throws IOException            when the file cannot be deleted
     */
    Undeployment undeploy(String symbolicName, String actor) throws PluginRefusedException, IOException;

    /**
     * The plugin that contributes a scheme.
     *
     * @param schemeId a scheme id
     * @return the symbolic name of its bundle, if the scheme is installed
     */
    Optional<String> bundleOfScheme(String schemeId);
}
