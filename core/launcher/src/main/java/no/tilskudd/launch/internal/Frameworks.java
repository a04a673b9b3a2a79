package no.tilskudd.launch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Picks the OSGi framework the launcher boots. The bundles rely on the OSGi specification only, so any framework
 * on the class path that offers a {@link FrameworkFactory} through {@link ServiceLoader} will do; the distribution
 * ships Apache Felix, and the build also runs the in-framework tests on Eclipse Equinox.
 */
final class Frameworks {

    /** The setting (system property, else {@code conf/tilskudd.properties}) that names the framework. */
    static final String SETTING = "tilskudd.framework";

    private static final String FELIX_LOGGER = "felix.log.logger";

    /** Short names for the two frameworks the project tests on; any other value is a factory's class name. */
    private static final Map<String, String> KNOWN = Map.of(
            "felix", "org.apache.felix.framework.FrameworkFactory",
            "equinox", "org.eclipse.osgi.launch.EquinoxFactory");

    private Frameworks() {
    }

    /**
     * Creates and initialises the framework: the system property {@value #SETTING} wins over the distribution's
     * setting. The framework's warnings and errors go to the launcher's log: Felix's through its logger
     * ({@code felix.log.logger}), any other framework's through its framework events.
     *
     * @param configured the value in {@code conf/tilskudd.properties}, or null
     * @param config     the framework properties, with the launcher's {@link FileLogger} as {@code felix.log.logger}
     * @return the framework, initialised (so that a second {@code init()} does nothing)
     * @throws BundleException when the framework cannot be initialised
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Framework create(String configured, Map<String, Object> config) throws BundleException {
        FrameworkFactory factory = select(System.getProperty(SETTING, configured), Frameworks.class.getClassLoader());
        Map<String, Object> c = new HashMap<>(config);
        FileLogger log = c.remove(FELIX_LOGGER) instanceof FileLogger l ? l : null;
        boolean felix = factory.getClass().getName().equals(KNOWN.get("felix"));
        if (felix && log != null) {
            c.put(FELIX_LOGGER, new FelixLog(log));
        }
        // Felix takes objects among its properties (its logger); the specification's map is of strings.
        Framework framework = factory.newFramework((Map) c);
        framework.init();
        if (!felix && log != null) {
            framework.getBundleContext().addFrameworkListener(e -> {
                if (e.getType() == FrameworkEvent.ERROR || e.getType() == FrameworkEvent.WARNING) {
                    String bundle = e.getBundle() == null ? "" : e.getBundle().getSymbolicName() + ": ";
                    log.write(e.getType() == FrameworkEvent.ERROR ? FileLogger.LOG_ERROR : FileLogger.LOG_WARNING,
                            bundle + (e.getThrowable() == null ? "" : e.getThrowable().getMessage()),
                            e.getThrowable());
                }
            });
        }
        return framework;
    }

    /**
     * The factory named by the setting; without one, Felix when it is on the class path, else the only factory there.
     *
     * @param setting {@code felix}, {@code equinox}, a factory class name, or null or blank for the default
     * @param loader  where to look for factories
     * @return the factory
     * @throws IllegalStateException when the named framework, or any framework, is missing, naming what was found
     */
    static FrameworkFactory select(String setting, ClassLoader loader) {
        List<FrameworkFactory> found = new ArrayList<>();
        ServiceLoader.load(FrameworkFactory.class, loader).forEach(found::add);
        List<String> names = found.stream().map(f -> f.getClass().getName()).toList();
        String wanted = setting == null || setting.isBlank() ? null : setting.strip();
        String className = wanted == null ? KNOWN.get("felix") : KNOWN.getOrDefault(wanted, wanted);
        for (FrameworkFactory f : found) {
            if (f.getClass().getName().equals(className)) {
                return f;
            }
        }
        if (wanted == null && found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no OSGi framework on the class path (no "
                    + FrameworkFactory.class.getName() + " service in any jar of lib/)");
        }
        throw new IllegalStateException(wanted == null
                ? "several OSGi frameworks on the class path " + names + "; choose one with " + SETTING
                : SETTING + "=" + wanted + " is not on the class path; found " + names
                        + " (felix, equinox or a factory class name)");
    }
}
