package no.tilskudd.host.internal.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a plugin jar that is not installed yet contributes, read the way the host reads it once it is installed:
 * <ul>
 * <li>Declarative Services components: the descriptors its {@code Service-Component} header names, parsed as XML
 * (as Felix SCR does), each component's implementation class where it provides the type asked for;</li>
 * <li>{@code META-INF/services} entries, for a jar built for the module path only;</li>
 * <li>schemes as data: each {@code tilskudd/<id>} resource folder its {@code Tilskudd-Scheme} header names, whose
 * {@code scheme.json} is the descriptor, as the engine's extender reads a data-only scheme bundle.</li>
 * </ul>
 * Classes are created in the jar's own class loader; a class that cannot be is a problem of the jar, named.
 */
final class CandidateJar {

    /** The manifest header of a scheme bundle that is data only. */
    static final String SCHEME_HEADER = "Tilskudd-Scheme";
    private static final String DESCRIPTOR = "scheme.json";
    private static final Pattern SCHEME_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");

    private final Path jar;
    private final ClassLoader loader;
    private final List<String> problems;

    /**
     * @param jar      the jar
     * @param loader   a loader of the jar's classes and resources, its own first
     * @param problems where to add what cannot be read
     */
    CandidateJar(Path jar, ClassLoader loader, List<String> problems) {
        this.jar = jar;
        this.loader = loader;
        this.problems = problems;
    }

    /** The descriptors of the data-only schemes the jar's {@code Tilskudd-Scheme} header names. */
    List<URL> dataSchemes() throws IOException {
        List<URL> out = new ArrayList<>();
        for (String folder : manifestList(SCHEME_HEADER)) {
            if (!SCHEME_PATH.matcher(folder).matches()) {
                problems.add(SCHEME_HEADER + ": '" + folder + "' is not a resource folder such as tilskudd/example");
                continue;
            }
            URL descriptor = loader.getResource(folder + "/" + DESCRIPTOR);
            if (descriptor == null) {
                problems.add(SCHEME_HEADER + ": the jar has no " + folder + "/" + DESCRIPTOR);
                continue;
            }
            out.add(descriptor);
        }
        return out;
    }

    /** The objects the jar offers as a service type, created with their no-argument constructors. */
    <T> List<T> instances(Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        for (String n : implementations(type.getName())) {
            try {
                Class<?> c = loader.loadClass(n);
                out.add(type.cast(c.getDeclaredConstructor().newInstance()));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                problems.add(n + " (" + type.getSimpleName() + ") could not be created: " + e);
            }
        }
        return out;
    }

    /** The classes that provide a service type, by the jar's DS descriptors and its META-INF/services. */
    Set<String> implementations(String type) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (String descriptor : descriptors(j)) {
                JarEntry e = j.getJarEntry(descriptor);
                if (e == null) {
                    problems.add("Service-Component names " + descriptor + ", which the jar does not have");
                    continue;
                }
                try (InputStream in = j.getInputStream(e)) {
                    names.addAll(components(parse(in), type));
                } catch (SAXException | ParserConfigurationException x) {
                    problems.add(descriptor + ": not a readable component descriptor: " + x.getMessage());
                }
            }
            JarEntry services = j.getJarEntry("META-INF/services/" + type);
            if (services != null) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(j.getInputStream(services),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** The descriptors the Service-Component header names; a last segment may be a wildcard, as SCR allows. */
    private List<String> descriptors(JarFile j) throws IOException {
        List<String> out = new ArrayList<>();
        for (String path : manifestList(j.getManifest(), "Service-Component")) {
            int slash = path.lastIndexOf('/');
            String last = path.substring(slash + 1);
            if (!last.contains("*")) {
                out.add(path);
                continue;
            }
            String dir = path.substring(0, slash + 1);
            Pattern glob = Pattern.compile(Pattern.quote(last).replace("*", "\\E[^/]*\\Q"));
            Enumeration<JarEntry> entries = j.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(dir) && glob.matcher(name.substring(dir.length())).matches()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /**
     * The implementation classes of the enabled components in one descriptor that provide the type. A descriptor
     * holds one {@code component} element as its root or several inside another root, in any version of the DS
     * namespace (or none, for DS 1.0).
     */
    static List<String> components(Document doc, String type) {
        List<String> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "component");
        for (int i = 0; i < all.getLength(); i++) {
            Element c = (Element) all.item(i);
            if ("false".equals(c.getAttribute("enabled"))) {
                continue;
            }
            String impl = null;
            boolean provides = false;
            for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                String local = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
                if (local.equals("implementation")) {
                    impl = e.getAttribute("class").trim();
                } else if (local.equals("service")) {
                    for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                        if (p instanceof Element pe && "provide".equals(pe.getLocalName() == null ? pe.getTagName()
                                : pe.getLocalName())) {
                            provides |= type.equals(pe.getAttribute("interface").trim());
                        }
                    }
                }
            }
            if (provides && impl != null && !impl.isEmpty()) {
                out.add(impl);
            }
        }
        return out;
    }

    /** Parses a descriptor from an untrusted jar: no DOCTYPE, no external entities or schemas. */
    static Document parse(InputStream in) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(in);
    }

    private List<String> manifestList(String header) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return manifestList(j.getManifest(), header);
        }
    }

    /** A manifest header's comma-separated values, without their parameters (after {@code ;}). */
    private static List<String> manifestList(Manifest mf, String header) {
        List<String> out = new ArrayList<>();
        if (mf == null) {
            return out;
        }
        Attributes a = mf.getMainAttributes();
        String v = a.getValue(header);
        if (v == null) {
            return out;
        }
        for (String part : v.split(",")) {
            String p = part.split(";")[0].trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
