package no.tilskudd.engine;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceConsumer;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.TemplateExporter;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.engine.internal.validation.StoredReports;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.engine.internal.grants.GrantRegister;
import no.tilskudd.engine.internal.importing.FileImporter;
import no.tilskudd.engine.internal.importing.JsonSubmissionImporter;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeBundles;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import no.tilskudd.engine.internal.report.ReportAssembler;
import no.tilskudd.engine.internal.validation.SubmissionValidator;

/**
 * The engine without a framework: the same services the hosted runtime offers, with the plugins found once: data-only
 * schemes by their {@code Tilskudd-Scheme} manifest header (as the framework's extender finds them), plugin classes by
 * {@link ServiceLoader} (plugins list them in {@code META-INF/services} and their module descriptors).
 * Useful for tests, tools and embedding; plugins cannot come and go here.
 */
@ServiceConsumer(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = Validator.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = Indicator.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = SubmissionImporter.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = ReportExporter.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = TemplateExporter.class, resolution = Resolution.OPTIONAL)
@ServiceConsumer(value = RowReader.class, resolution = Resolution.OPTIONAL)
public final class StandaloneEngine {

    private static final List<Class<?>> PLUGIN_TYPES = List.of(SchemeDefinition.class, Validator.class,
            Indicator.class, SubmissionImporter.class, ReportExporter.class, TemplateExporter.class, RowReader.class);

    /** The smallest person count shown in published reports, as in the hosted runtime's default configuration. */
    public static final int DEFAULT_THRESHOLD = 5;

    private final SchemeCatalog schemes = new SchemeCatalog();
    private final List<Indicator> indicatorPlugins;
    private final OrgUnitRegister orgUnits;
    private final ValidationService validation;
    private final ImportService imports;
    private final IndicatorService indicators;
    private final ReportService reports;
    private final GrantService grants;
    private final StoredReportCheck storedReports;

    private StandaloneEngine(OrgUnitRegister orgUnits, Optional<SubmissionStore> store, List<SchemeDefinition> defs,
            List<SchemeBundles.Found> dataSchemes, List<Validator> javaValidators, List<Indicator> javaIndicators,
            List<SubmissionImporter> importers, List<ReportExporter> exporters, List<TemplateExporter> templates,
            List<RowReader> readers) {
        this.orgUnits = orgUnits;
        List<Validator> validators = new ArrayList<>(javaValidators);
        List<Indicator> indicatorList = new ArrayList<>(javaIndicators);
        for (SchemeBundles.Found found : dataSchemes) {
            // As the framework's extender does: the descriptor's standard indicators and rules come with the scheme.
            schemes.addDeclared(found, found.definition(), found.origin()).ifPresent(data -> {
                validators.addAll(data.validators());
                indicatorList.addAll(data.indicators());
            });
        }
        for (SchemeDefinition d : defs) {
            schemes.add(d, d, originOf(d.getClass()));
        }
        this.indicatorPlugins = List.copyOf(indicatorList);
        List<SubmissionImporter> allImporters = new ArrayList<>(importers);
        allImporters.add(new JsonSubmissionImporter());
        this.validation = new SubmissionValidator(schemes, orgUnits, () -> validators);
        this.imports = new FileImporter(() -> allImporters, schemes, validation, () -> store);
        // The SQL store keeps the grant register too; another store has none, and the grant service says so.
        Optional<GrantRecords> grantRecords = store.filter(GrantRecords.class::isInstance).map(GrantRecords.class::cast);
        GrantRegister register = new GrantRegister(schemes, orgUnits, () -> grantRecords, () -> store, () -> readers);
        this.grants = register;
        IndicatorRunner runner = new IndicatorRunner(() -> indicatorList, () -> store, orgUnits, register.lookup());
        this.storedReports = new StoredReports(() -> store, schemes, validation);
        runner.useStoredReportCheck(storedReports::invalid);
        this.indicators = runner;
        this.reports = new ReportAssembler(schemes, indicators, new SubmissionSelector(() -> store, orgUnits),
                DEFAULT_THRESHOLD, orgUnits, () -> exporters, () -> templates,
                () -> grantRecords.isPresent() ? Optional.of(grants) : Optional.empty());
    }

    /**
     * Builds an engine from the plugins on the class path (or module path), with the default org-unit register: the
     * data-only schemes by their {@code Tilskudd-Scheme} manifest header, the plugin classes by {@link ServiceLoader}.
     *
     * @param store where imports are stored and indicators read from; empty for validation only
     * @return the engine
     */
    public static StandaloneEngine fromServiceLoader(Optional<SubmissionStore> store) {
        return fromServiceLoader(store, CsvOrgUnitRegister.defaults());
    }

    /**
     * Builds an engine from the plugins on the class path (or module path): the data-only schemes by their
     * {@code Tilskudd-Scheme} manifest header, the plugin classes by {@link ServiceLoader}.
     *
     * @param store    where imports are stored and indicators read from; empty for validation only
     * @param orgUnits the org-unit register to use
     * @return the engine
     */
    public static StandaloneEngine fromServiceLoader(Optional<SubmissionStore> store, OrgUnitRegister orgUnits) {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(StandaloneEngine.class.getClassLoader());
        loaders.add(Thread.currentThread().getContextClassLoader());
        return new StandaloneEngine(orgUnits, store, load(SchemeDefinition.class), SchemeBundles.onClassPath(loaders),
                load(Validator.class), load(Indicator.class),
                load(SubmissionImporter.class), load(ReportExporter.class), load(TemplateExporter.class),
                load(RowReader.class));
    }

    /**
     * Builds an engine from plugin jars, each loaded as a module in a layer of its own, with the default org-unit
     * register. Plugins may then carry private copies of the same packages, which one module path would refuse as
     * split packages. A jar whose manifest names a data-only scheme ({@code Tilskudd-Scheme}) gives that scheme; a jar
     * with no classes is not loaded as a module at all. The API and the engine must be on the module path of the
     * application.
     *
     * @param pluginJars the plugin jars
     * @param store      where imports are stored and indicators read from; empty for validation only
     * @return the engine
     * @throws IllegalArgumentException when a jar is not a module the layer can resolve, naming the jar and the reason
     */
    public static StandaloneEngine fromPluginJars(List<java.nio.file.Path> pluginJars, Optional<SubmissionStore> store) {
        Builder b = builder();
        store.ifPresent(b::store);
        ModuleLayer parent = StandaloneEngine.class.getModule().getLayer() != null
                ? StandaloneEngine.class.getModule().getLayer() : ModuleLayer.boot();
        for (java.nio.file.Path jar : pluginJars) {
            SchemeBundles.inJar(jar).ifPresent(b.dataSchemes::add);
            if (!SchemeBundles.hasClasses(jar)) {
                continue;
            }
            java.lang.module.ModuleFinder finder = java.lang.module.ModuleFinder.of(jar);
            java.util.Set<String> roots = new java.util.HashSet<>();
            finder.findAll().forEach(ref -> roots.add(ref.descriptor().name()));
            if (roots.isEmpty()) {
                throw new IllegalArgumentException(jar + ": not a module (no module-info and no usable name)");
            }
            ModuleLayer layer;
            try {
                java.lang.module.Configuration cf = parent.configuration().resolve(finder,
                        java.lang.module.ModuleFinder.of(), roots);
                layer = parent.defineModulesWithOneLoader(cf, StandaloneEngine.class.getClassLoader());
            } catch (java.lang.module.ResolutionException | LayerInstantiationException e) {
                throw new IllegalArgumentException(jar + ": cannot be loaded as a module: " + e.getMessage(), e);
            }
            for (Class<?> type : PLUGIN_TYPES) {
                ServiceLoader.load(layer, type).stream()
                        .filter(p -> p.type().getModule().getLayer() == layer)
                        .forEach(p -> b.addAs(type, p.get()));
            }
        }
        return b.build();
    }

    /**
     * Starts an engine from plugins given by hand, for tests of a single plugin (see the test kit).
     *
     * @return a builder with the default org-unit register and no store
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects plugins for {@link #builder()}. */
    public static final class Builder {
        private Optional<SubmissionStore> store = Optional.empty();
        private OrgUnitRegister orgUnits;
        private final List<SchemeDefinition> schemes = new ArrayList<>();
        private final List<SchemeBundles.Found> dataSchemes = new ArrayList<>();
        private final List<Validator> validators = new ArrayList<>();
        private final List<Indicator> indicators = new ArrayList<>();
        private final List<SubmissionImporter> importers = new ArrayList<>();
        private final List<ReportExporter> exporters = new ArrayList<>();
        private final List<TemplateExporter> templates = new ArrayList<>();
        private final List<RowReader> readers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Uses a store for imports, indicators and reports.
         *
         * @param s the store
         * @return this builder
         */
        public Builder store(SubmissionStore s) {
            this.store = Optional.of(s);
            return this;
        }

        /**
         * Uses another org-unit register than the default one.
         *
         * @param register the register
         * @return this builder
         */
        public Builder orgUnits(OrgUnitRegister register) {
            this.orgUnits = register;
            return this;
        }

        /**
         * Adds plugin objects: scheme definitions, validators, indicators, importers, exporters and row readers, by
         * the interfaces each implements.
         *
         * @param plugins the plugin objects
         * @return this builder
         * @throws IllegalArgumentException when an object implements none of the plugin interfaces
         */
        public Builder add(Object... plugins) {
            for (Object p : plugins) {
                boolean used = false;
                for (Class<?> type : PLUGIN_TYPES) {
                    if (type.isInstance(p)) {
                        addAs(type, p);
                        used = true;
                    }
                }
                if (!used) {
                    throw new IllegalArgumentException(p.getClass().getName() + " implements no plugin interface");
                }
            }
            return this;
        }

        /**
         * Adds a data-only scheme jar: the scheme its {@code Tilskudd-Scheme} manifest header names, with the standard
         * indicators and rules its descriptor names, read from the jar as the framework's extender reads the bundle.
         *
         * @param jar the scheme jar
         * @return this builder
         * @throws IllegalArgumentException when the jar cannot be read or its manifest has no such header
         * @since 1.1
         */
        public Builder addSchemeJar(java.nio.file.Path jar) {
            dataSchemes.add(SchemeBundles.inJar(jar).orElseThrow(() -> new IllegalArgumentException(jar
                    + ": the manifest has no " + SchemeBundles.HEADER + " header")));
            return this;
        }

        /**
         * Adds a data-only scheme by its descriptor (e.g. {@code getClass().getResource("/tilskudd/avdir/scheme.json")}),
         * with the standard indicators and rules the descriptor names.
         *
         * @param descriptor the descriptor's URL
         * @return this builder
         * @since 1.1
         */
        public Builder addScheme(java.net.URL descriptor) {
            String where = descriptor.toExternalForm();
            int bang = where.indexOf("!/");
            dataSchemes.add(new SchemeBundles.Found(SchemeBundles.definition(descriptor),
                    new Origin(bang > 0 ? where.substring(0, bang) : where, "unknown")));
            return this;
        }

        /** Adds a plugin under one interface only: ServiceLoader makes one instance per interface it provides. */
        private void addAs(Class<?> type, Object p) {
            if (type == SchemeDefinition.class) {
                schemes.add((SchemeDefinition) p);
            } else if (type == Validator.class) {
                validators.add((Validator) p);
            } else if (type == Indicator.class) {
                indicators.add((Indicator) p);
            } else if (type == SubmissionImporter.class) {
                importers.add((SubmissionImporter) p);
            } else if (type == ReportExporter.class) {
                exporters.add((ReportExporter) p);
            } else if (type == TemplateExporter.class) {
                templates.add((TemplateExporter) p);
            } else if (type == RowReader.class) {
                readers.add((RowReader) p);
            } else {
                throw new IllegalArgumentException(type + " is not a plugin interface");
            }
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         */
        public StandaloneEngine build() {
            return new StandaloneEngine(orgUnits == null ? CsvOrgUnitRegister.defaults() : orgUnits, store,
                    List.copyOf(schemes), List.copyOf(dataSchemes), List.copyOf(validators), List.copyOf(indicators), List.copyOf(importers),
                    List.copyOf(exporters), List.copyOf(templates), List.copyOf(readers));
        }
    }

    /**
     * The default org-unit register shipped with the engine (municipalities 2006–2017 and Oslo districts).
     *
     * @return the register
     */
    public static OrgUnitRegister defaultOrgUnits() {
        return CsvOrgUnitRegister.defaults();
    }

    private static <T> List<T> load(Class<T> type) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(type, StandaloneEngine.class.getClassLoader()).forEach(out::add);
        if (out.isEmpty() && Thread.currentThread().getContextClassLoader() != null) {
            ServiceLoader.load(type).forEach(out::add);
        }
        return out;
    }

    private static Origin originOf(Class<?> type) {
        Module m = type.getModule();
        if (m.isNamed()) {
            return new Origin(m.getName(), m.getDescriptor().version().map(ModuleDescriptor.Version::toString)
                    .orElse("unknown"));
        }
        var src = type.getProtectionDomain().getCodeSource();
        return new Origin(src == null ? type.getName() : src.getLocation().getPath(), "unknown");
    }

    /** @return the installed schemes */
    public SchemeRegistry schemes() {
        return schemes;
    }

    /**
     * The indicators this engine computes: the plugins' indicator classes and the standard indicators that the
     * schemes' descriptors name.
     *
     * @return the indicators
     * @since 1.1
     */
    public List<Indicator> indicatorPlugins() {
        return indicatorPlugins;
    }

    /** @return the org-unit register */
    public OrgUnitRegister orgUnits() {
        return orgUnits;
    }

    /** @return the validation service */
    public ValidationService validation() {
        return validation;
    }

    /** @return the import service */
    public ImportService imports() {
        return imports;
    }

    /**
     * The stored reports that no longer validate against a current form, per scheme.
     *
     * @return the check
     * @since 1.3
     */
    public StoredReportCheck storedReports() {
        return storedReports;
    }

    /** @return the indicator service */
    public IndicatorService indicators() {
        return indicators;
    }

    /** @return the report service */
    public ReportService reports() {
        return reports;
    }

    /**
     * The grant register and response rates, kept in the store when it keeps grants too ({@link GrantRecords}, as
     * the SQL store does); with another store, or none, its calls say that no store is installed.
     *
     * @return the grant service
     * @since 1.2
     */
    public GrantService grants() {
        return grants;
    }
}
