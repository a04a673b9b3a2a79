package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.service.EditionComparison;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.PublicationEdition;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.store.PublicationRecords;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.publications.Publications;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The publications. Those a plugin ships are found by the extender pattern, as schemes are: a bundle with the
 * manifest header {@value #HEADER} (a comma-separated list of its JSON resources) contributes them while it is
 * active; uploaded ones come from the store.
 */
@Component(service = PublicationService.class)
public final class PublicationComponent implements PublicationService {

    /** The manifest header that lists a bundle's publication definitions. */
    public static final String HEADER = "Tilskudd-Publications";

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Indicator> indicators;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PublicationRecords records;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReportExporter> exporters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    // A publication's tables are indicator tables too: they say how many of their reports no longer validate.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoredReportCheck storedReports;

    private final Map<Long, List<Publications.Shipped>> shipped = new ConcurrentHashMap<>();
    private BundleTracker<Long> tracker;
    private Publications delegate;

    @Activate
    void activate(BundleContext context) {
        String t = context.getProperty(ReportComponent.THRESHOLD);
        int threshold;
        try {
            threshold = t == null ? 5 : Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ReportComponent.THRESHOLD + " must be a whole number, not '" + t + "'",
                    e);
        }
        IndicatorRunner runner = new IndicatorRunner(() -> indicators, () -> Optional.ofNullable(store), orgUnits);
        runner.useStoredReportCheck(id -> Optional.ofNullable(storedReports).flatMap(c -> c.invalid(id)));
        delegate = new Publications(schemes, runner, orgUnits, () -> indicators, () -> Optional.ofNullable(store),
                () -> Optional.ofNullable(records), this::shipped, () -> exporters, threshold, () -> Optional.ofNullable(audit));
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private Collection<Publications.Shipped> shipped() {
        List<Publications.Shipped> all = new ArrayList<>();
        shipped.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> all.addAll(e.getValue()));
        return all;
    }

    /** Reads the definitions a bundle lists; one it cannot read is named, with the bundle, among the problems. */
    private final class Customizer implements BundleTrackerCustomizer<Long> {
        @Override
        public Long addingBundle(Bundle bundle, BundleEvent event) {
            String header = bundle.getHeaders("").get(HEADER);
            if (header == null) {
                return null;
            }
            String source = "plugin " + bundle.getSymbolicName() + " " + bundle.getVersion();
            List<Publications.Shipped> found = new ArrayList<>();
            for (String part : header.split(",")) {
                String path = part.trim();
                if (path.isEmpty()) {
                    continue;
                }
                URL url = bundle.getEntry(path);
                String file = bundle.getSymbolicName() + ":" + path;
                byte[] json = new byte[0];
                if (url == null) {
                    file += " (named in " + HEADER + ", not in the bundle)";
                } else {
                    try (InputStream in = url.openStream()) {
                        json = in.readAllBytes();
                    } catch (IOException e) {
                        file += " (cannot be read: " + e.getMessage() + ")";
                    }
                }
                found.add(new Publications.Shipped(file, source, json));
            }
            shipped.put(bundle.getBundleId(), List.copyOf(found));
            return bundle.getBundleId();
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
            // STARTING to ACTIVE changes nothing.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
            shipped.remove(id);
        }
    }

    @Override
    public List<PublicationInfo> publications() {
        return delegate.publications();
    }

    @Override
    public Optional<PublicationInfo> publication(String id) {
        return delegate.publication(id);
    }

    @Override
    public PublicationInfo add(String fileName, byte[] definition, String actor) {
        return delegate.add(fileName, definition, actor);
    }

    @Override
    public Report assemble(String id, Optional<String> edition, ReportOptions options) {
        return delegate.assemble(id, edition, options);
    }

    @Override
    public void writeReport(String id, Optional<String> edition, ReportOptions options, String format,
            OutputStream out) throws IOException {
        delegate.writeReport(id, edition, options, format, out);
    }

    @Override
    public PublicationEdition freeze(String id, String edition, String actor) {
        return delegate.freeze(id, edition, actor);
    }

    @Override
    public EditionComparison compare(String id, String edition) {
        return delegate.compare(id, edition);
    }
}
