package no.tilskudd.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.web.internal.http.ApiServlet.Call;

/** {@code /api/indicators}, {@code /api/reports} and {@code /api/templates}: numbers and files of a selection. */
final class IndicatorsResource {

    private final SchemeRegistry schemes;
    private final IndicatorService indicators;
    private final ReportService reports;
    private final OrgUnitRegister orgUnits;

    IndicatorsResource(SchemeRegistry schemes, IndicatorService indicators, ReportService reports,
            OrgUnitRegister orgUnits) {
        this.schemes = schemes;
        this.indicators = indicators;
        this.reports = reports;
        this.orgUnits = orgUnits;
    }

    private Selection selection(Call c) {
        String id = c.param("scheme");
        Scheme s = schemes.scheme(id).orElseThrow(() -> new ApiException(404, "unknown_scheme", "scheme '" + id
                + "' is not installed", Map.of("schemes", schemes.schemes().stream().map(Scheme::id).toList())));
        int[] years = Optional.ofNullable(c.query("years")).map(ApiServlet::years)
                .orElse(new int[] {s.forms().get(0).firstYear(), s.forms().get(s.forms().size() - 1).lastYear()});
        Set<String> regions = Optional.ofNullable(c.query("region")).filter(r -> !r.isBlank())
                .map(r -> Set.of(r.split(","))).orElse(Set.of());
        for (String r : regions) {
            if (!orgUnits.regions().contains(r)) {
                throw new ApiException(400, "bad_request", "unknown region '" + r + "'",
                        Map.of("regions", orgUnits.regions()));
            }
        }
        return new Selection(id, years[0], years[1], Set.of(), regions);
    }

    void indicators(Call c) throws IOException {
        Selection sel = selection(c);
        c.json(200, JsonViews.indicators(sel, indicators.compute(sel), c.locale()));
    }

    void report(Call c) throws IOException {
        Selection sel = selection(c);
        String format = c.param("format");
        String ext = reports.fileExtension(format);
        boolean suppress = !"false".equals(c.query("suppress"));
        boolean withData = Boolean.parseBoolean(c.query("withData"));
        ReportOptions options = new ReportOptions(c.locale(), suppress, withData);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        reports.writeReport(sel, options, format, buf);
        ApiServlet.download(c.resp(), sel.schemeId() + "-" + sel.fromYear() + "-" + sel.toYear() + "." + ext, buf);
    }

    void template(Call c) throws IOException {
        String scheme = c.param("scheme");
        int year = ApiServlet.year(c.param("year"));
        String format = c.param("format");
        if (!reports.templateFormats().contains(format)) {
            throw new UnknownFormatException(format, reports.templateFormats());
        }
        if (schemes.scheme(scheme).isEmpty()) {
            throw new ApiException(404, "unknown_scheme", "scheme '" + scheme + "' is not installed");
        }
        Optional<String> orgUnit = Optional.ofNullable(c.query("orgUnit")).filter(s -> !s.isBlank());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        reports.writeTemplate(scheme, year, format, orgUnit, buf);
        String ext = format.matches("[a-z0-9]{1,10}") ? format : "bin";
        ApiServlet.download(c.resp(), scheme + "-" + year + orgUnit.map(o -> "-" + o).orElse("") + "-skjema." + ext,
                buf);
    }
}
