package no.tilskudd.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;

/**
 * Runs a plugin's schemes, validators and indicators the way the host does, without a framework.
 *
 * <pre>{@code
 * PluginTestKit kit = PluginTestKit.of(new MyScheme(), new MyValidator(), new MyIndicator());
 * Submission s = kit.submission("my-scheme", 2024, "0301").with("grantAmount", 100_000)
 *         .withRow("measures", "name", "Leksehjelp", "category", "individ").build();
 * kit.validate(s).assertValid();
 * kit.validate(kit.submission("my-scheme", 2024, "0301").build()).assertViolation("FIELD_REQUIRED", "grantAmount");
 * Table t = kit.indicator("goal-achievement", List.of(s));
 * }</pre>
 */
public final class PluginTestKit {

    private final StandaloneEngine engine;
    private final List<Indicator> indicators;

    private PluginTestKit(StandaloneEngine engine, List<Indicator> indicators) {
        this.engine = engine;
        this.indicators = indicators;
        List<String> problems = engine.schemes().problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("scheme definitions could not be loaded:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * A kit over the given plugin objects (scheme definitions, validators, indicators, importers, exporters).
     *
     * @param plugins the plugin objects
     * @return the kit
     * @throws AssertionError when a scheme's descriptor or forms cannot be loaded, with the reasons
     */
    public static PluginTestKit of(Object... plugins) {
        StandaloneEngine engine = StandaloneEngine.builder().add(plugins).build();
        return new PluginTestKit(engine, engine.indicatorPlugins());
    }

    /**
     * A kit over every plugin on the class or module path: data-only schemes by their {@code Tilskudd-Scheme}
     * manifest header (with the standard indicators and rules their descriptors name), plugin classes by
     * {@link ServiceLoader}.
     *
     * @return the kit
     */
    public static PluginTestKit fromServiceLoader() {
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        return new PluginTestKit(engine, engine.indicatorPlugins());
    }

    /**
     * The engine the kit runs, for anything the helpers do not cover.
     *
     * @return the engine
     */
    public StandaloneEngine engine() {
        return engine;
    }

    /**
     * A loaded scheme.
     *
     * @param id the scheme id
     * @return the scheme
     * @throws AssertionError when no such scheme was loaded
     */
    public Scheme scheme(String id) {
        return engine.schemes().scheme(id).orElseThrow(() -> new AssertionError("no scheme '" + id
                + "'; loaded: " + engine.schemes().schemes().stream().map(Scheme::id).toList()));
    }

    /**
     * The form a scheme uses for a reporting year.
     *
     * @param schemeId the scheme
     * @param year     the reporting year
     * @return the form
     * @throws AssertionError when the scheme has no form for the year
     */
    public FormDefinition form(String schemeId, int year) {
        Scheme s = scheme(schemeId);
        return s.formForYear(year).orElseThrow(() -> new AssertionError("scheme '" + schemeId
                + "' has no form for " + year + "; versions: " + s.formVersions()));
    }

    /**
     * Starts a submission.
     *
     * @param schemeId the scheme
     * @param year     the reporting year
     * @param orgUnit  the municipality or district code
     * @return a builder
     */
    public SubmissionBuilder submission(String schemeId, int year, String orgUnit) {
        return new SubmissionBuilder(schemeId, year, orgUnit);
    }

    /**
     * Validates a submission with the form's rules and the plugin validators.
     *
     * @param submission the submission
     * @return the violations, with assertions
     */
    public Violations validate(Submission submission) {
        return new Violations(engine.validation().validate(submission));
    }

    /**
     * Reads and validates a file (JSON, JSON Lines, or any format an added importer reads), as {@code validate} does.
     *
     * @param file the file
     * @return what was found
     * @throws IOException when the file cannot be read
     */
    public FileReport check(Path file) throws IOException {
        return engine.imports().check(file);
    }

    /**
     * Runs an indicator on fixtures, over the years the fixtures cover.
     *
     * @param indicatorId the indicator id
     * @param fixtures    the submissions
     * @return the indicator's table
     * @throws AssertionError when no such indicator was added
     */
    public Table indicator(String indicatorId, Collection<Submission> fixtures) {
        Indicator indicator = indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator '" + indicatorId + "'; added: "
                        + indicators.stream().map(Indicator::id).toList()));
        String scheme = fixtures.stream().map(Submission::schemeId).findFirst()
                .orElse(indicator.schemes().stream().findFirst().orElse("any"));
        int from = fixtures.stream().mapToInt(Submission::year).min().orElse(2000);
        int to = fixtures.stream().mapToInt(Submission::year).max().orElse(from);
        IndicatorInput input = new IndicatorInput(Selection.of(scheme, from, to), List.copyOf(fixtures),
                engine.orgUnits()::find);
        return indicator.compute(input);
    }
}
