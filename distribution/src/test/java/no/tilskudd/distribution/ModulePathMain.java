package no.tilskudd.distribution;

import java.nio.file.Path;
import java.util.Optional;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.engine.StandaloneEngine;

/** Run by {@link ModulePathTest} in a separate JVM whose module path holds the plugin jars and no framework. */
public final class ModulePathMain {

    private ModulePathMain() {
    }

    /**
     * Validates files. With {@code --plugins a.jar:b.jar} the plugins are loaded each in a module layer of its own;
     * without it, they are found on the application's module path.
     */
    public static void main(String[] args) throws Exception {
        StandaloneEngine engine;
        if (args.length > 1 && args[0].equals("--plugins")) {
            engine = StandaloneEngine.fromPluginJars(java.util.Arrays.stream(args[1].split(java.io.File.pathSeparator))
                    .map(Path::of).toList(), Optional.empty());
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        } else {
            engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        }
        for (Scheme s : engine.schemes().schemes()) {
            System.out.println("scheme " + s.id() + " from " + s.origin().name() + " module="
                    + s.getClass().getModule().getName());
        }
        System.out.println("osgi framework present: " + ModuleLayer.boot().findModule("org.apache.felix.framework")
                .isPresent());
        int errors = 0;
        for (String file : args) {
            FileReport r = engine.imports().check(Path.of(file));
            for (Finding f : r.findings()) {
                System.out.println(f.position() + ": " + f.path() + ": " + f.code() + ": " + f.message().en());
            }
            System.out.println(r.file() + ": " + r.submissions() + " submissions, " + r.rejected() + " rejected");
            errors += r.hasErrors() ? 1 : 0;
        }
        System.exit(errors == 0 ? 0 : 1);
    }
}
