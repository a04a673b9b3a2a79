package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.TemplateExporter;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import org.osgi.framework.BundleContext;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.engine.internal.report.ReportAssembler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Reports, with exporters taken dynamically from the service registry. */
@Component(service = ReportService.class)
public final class ReportComponent implements ReportService {

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private IndicatorService indicators;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReportExporter> exporters;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TemplateExporter> templates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GrantService grants;

    private ReportAssembler delegate;

    /** The host setting for the smallest person count shown in published reports. */
    static final String THRESHOLD = "tilskudd.suppression.threshold";

    @Activate
    void activate(BundleContext context) {
        String t = context.getProperty(THRESHOLD);
        int threshold;
        try {
            threshold = t == null ? 5 : Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THRESHOLD + " must be a whole number, not '" + t + "'", e);
        }
        delegate = new ReportAssembler(schemes, indicators,
                new SubmissionSelector(() -> Optional.ofNullable(store), orgUnits), threshold, orgUnits,
                () -> exporters, () -> templates, () -> Optional.ofNullable(grants));
    }

    @Override
    public Report assemble(Selection selection, ReportOptions options) {
        return delegate.assemble(selection, options);
    }

    @Override
    public Set<String> reportFormats() {
        return delegate.reportFormats();
    }

    @Override
    public String fileExtension(String format) {
        return delegate.fileExtension(format);
    }

    @Override
    public void writeReport(Selection selection, ReportOptions options, String format, OutputStream out)
            throws IOException {
        delegate.writeReport(selection, options, format, out);
    }

    @Override
    public Set<String> templateFormats() {
        return delegate.templateFormats();
    }

    @Override
    public void writeTemplate(String schemeId, int year, String format, Optional<String> orgUnit, OutputStream out)
            throws IOException {
        delegate.writeTemplate(schemeId, year, format, orgUnit, out);
    }
}
