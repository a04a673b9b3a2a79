package no.tilskudd.engine.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.SchemeDefinition;

/**
 * Schemes that are pure data: a jar (a bundle in a framework) whose manifest header {@value #HEADER} names the folder
 * that holds {@code scheme.json}, the forms and the demo data. The framework's extender and the engine on a plain
 * class or module path find them by the same header and read the same resources.
 */
public final class SchemeBundles {

    /** The manifest header, e.g. {@code Tilskudd-Scheme: tilskudd/avdir}. */
    public static final String HEADER = "Tilskudd-Scheme";

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    /**
     * Opens a jar's entries without the JDK's cache of open jar files, which would keep a jar that is only inspected
     * (a dry run of an upload) open for the life of the process. URLs resolved against such a URL keep the handler.
     */
    private static final URLStreamHandler UNCACHED = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            URLConnection c = new URL(u.toExternalForm()).openConnection();
            c.setUseCaches(false);
            return c;
        }
    };

    private SchemeBundles() {
    }

    /**
     * A scheme found by its header.
     *
     * @param definition where its descriptor is (a null URL when the header names no readable folder, which the
     *                   registry reports as the plugin's problem)
     * @param origin     the jar or bundle
     */
    public record Found(SchemeDefinition definition, Origin origin) {
    }

    /** The plugin's descriptor, found by the extender or on the class path: no code of the plugin is involved. */
    private record Descriptor(URL descriptor) implements SchemeDefinition {
    }

    /**
     * A scheme definition for a descriptor found by the header.
     *
     * @param descriptor the descriptor's URL, or null when there is none
     * @return the definition
     */
    public static SchemeDefinition definition(URL descriptor) {
        return new Descriptor(descriptor);
    }

    /**
     * Whether a scheme definition is one found by the header (by the extender or on a class path), rather than a
     * plugin's own class.
     *
     * @param definition the definition
     * @return true for a definition made by {@link #definition(URL)}
     */
    public static boolean isDeclared(SchemeDefinition definition) {
        return definition instanceof Descriptor;
    }

    /**
     * The descriptor's path inside the jar for a header value.
     *
     * @param header the header's value, e.g. {@code tilskudd/avdir}
     * @return e.g. {@code tilskudd/avdir/scheme.json}, or empty when the value is not a relative folder inside the jar
     */
    public static Optional<String> descriptorPath(String header) {
        String folder = header.trim();
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        if (folder.isEmpty() || folder.startsWith("/") || folder.contains("..") || folder.contains(":")
                || folder.contains("\\") || folder.contains(",")) {
            return Optional.empty();
        }
        return Optional.of(folder + "/scheme.json");
    }

    /**
     * The data-only schemes on a class path (or module path): every {@code META-INF/MANIFEST.MF} the loaders see
     * that carries the header.
     *
     * @param loaders where to look, in order; a manifest seen by two is taken once
     * @return the schemes found
     */
    public static List<Found> onClassPath(List<ClassLoader> loaders) {
        Map<String, Found> out = new LinkedHashMap<>();
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            Enumeration<URL> manifests;
            try {
                manifests = loader.getResources(MANIFEST);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the manifests on the class path", e);
            }
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                String key = url.toExternalForm();
                if (out.containsKey(key)) {
                    continue;
                }
                Manifest manifest;
                try (InputStream in = url.openStream()) {
                    manifest = new Manifest(in);
                } catch (IOException e) {
                    continue;
                }
                String header = manifest.getMainAttributes().getValue(HEADER);
                if (header == null) {
                    continue;
                }
                String root = key.substring(0, key.length() - MANIFEST.length());
                out.put(key, new Found(definition(resolve(root, header, null)), origin(manifest.getMainAttributes(),
                        root)));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The data-only scheme of one jar, if its manifest carries the header.
     *
     * @param jar the jar
     * @return the scheme, or empty when the jar has no header
     * @throws IllegalArgumentException when the jar cannot be read, naming it
     */
    public static Optional<Found> inJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest manifest = j.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(HEADER);
            if (header == null) {
                return Optional.empty();
            }
            String root = "jar:" + jar.toUri() + "!/";
            return Optional.of(new Found(definition(resolve(root, header, UNCACHED)),
                    origin(manifest.getMainAttributes(), jar.toString())));
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a jar holds classes (a data-only scheme jar holds none).
     *
     * @param jar the jar
     * @return true when it has at least one class file
     * @throws IllegalArgumentException when the jar cannot be read, naming it
     */
    public static boolean hasClasses(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().anyMatch(e -> e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class"));
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static URL resolve(String root, String header, URLStreamHandler handler) {
        Optional<String> path = descriptorPath(header);
        if (path.isEmpty()) {
            return null;
        }
        try {
            return new URL(null, root + path.get(), handler);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** Named as the framework names the bundle, else as the module system would, else by where it is. */
    private static Origin origin(Attributes main, String where) {
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn != null) {
            String version = main.getValue("Bundle-Version");
            return new Origin(bsn.split(";")[0].trim(), version == null ? "unknown" : version.trim());
        }
        String module = main.getValue("Automatic-Module-Name");
        return new Origin(module != null ? module.trim() : where, "unknown");
    }
}
