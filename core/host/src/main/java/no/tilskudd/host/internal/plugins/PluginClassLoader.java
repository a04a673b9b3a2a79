package no.tilskudd.host.internal.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Function;

/**
 * Loads a plugin jar's classes on their own, for a dry run before the jar is deployed: the jar's classes and
 * resources come first (so that a new version of an installed plugin is checked, not the old one), the API is the
 * framework's (so that the engine can call the plugin), and any other package the plugin needs (a shared scheme
 * library, say) comes from the bundle that exports it now.
 */
final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader api;
    private final Function<String, Class<?>> framework;

    /**
     * @param jar       the plugin jar
     * @param api       a loader that sees the API packages (this bundle's)
     * @param framework finds a class among the packages other bundles export, or returns null
     */
    PluginClassLoader(URL jar, ClassLoader api, Function<String, Class<?>> framework) {
        super("dry-run " + jar, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.api = api;
        this.framework = framework;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && name.startsWith("no.tilskudd.api.")) {
                try {
                    c = api.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // an API package this bundle does not import: the framework lookup below finds its exporter
                    c = framework.apply(name);
                }
            }
            if (c == null) {
                try {
                    c = getParent().loadClass(name);
                } catch (ClassNotFoundException e) {
                    // not a JDK class
                }
            }
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // not in the jar
                }
            }
            if (c == null) {
                c = framework.apply(name);
            }
            if (c == null) {
                throw new ClassNotFoundException(name + " (neither in the plugin jar nor exported by an installed "
                        + "bundle)");
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL u = findResource(name);
        return u != null ? u : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> own = findResources(name);
        return own.hasMoreElements() ? own : Collections.emptyEnumeration();
    }
}
