package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.TemplateExporter;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportService;
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReportExporter> exporters;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TemplateExporter> templates;

    private ReportAssembler delegate;

    @Activate
    void activate() {
        delegate = new ReportAssembler(schemes, indicators, orgUnits, () -> exporters, () -> templates);
    }

    @Override
    public Report assemble(Selection selection, Locale locale) {
        return delegate.assemble(selection, locale);
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
    public void writeReport(Selection selection, Locale locale, String format, OutputStream out) throws IOException {
        delegate.writeReport(selection, locale, format, out);
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
