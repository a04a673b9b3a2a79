package no.tilskudd.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        List<String> ids = schemeIds(c);
        List<Scheme> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(schemes.scheme(id).orElseThrow(() -> new ApiException(404, "unknown_scheme", "scheme '"
                    + id + "' is not installed", Map.of("schemes",
                            schemes.schemes().stream().map(Scheme::id).toList()))));
        }
        // Without years: every year any selected scheme has a form for, as on the command line.
        int[] years = Optional.ofNullable(c.query("years")).map(ApiServlet::years)
                .orElse(new int[] {selected.stream().mapToInt(s -> s.forms().get(0).firstYear()).min().getAsInt(),
                    selected.stream().mapToInt(s -> s.forms().get(s.forms().size() - 1).lastYear()).max()
                            .getAsInt()});
        Set<String> regions = Optional.ofNullable(c.query("region")).filter(r -> !r.isBlank())
                .map(r -> Set.of(r.split(","))).orElse(Set.of());
        for (String r : regions) {
            if (!orgUnits.regions().contains(r)) {
                throw new ApiException(400, "bad_request", "unknown region '" + r + "'",
                        Map.of("regions", orgUnits.regions()));
            }
        }
        return new Selection(ids, years[0], years[1], Set.of(), regions);
    }

    /** {@code scheme=avdir,bufdir}, or {@code scheme=avdir&scheme=bufdir}: one or more ids, each once. */
    private static List<String> schemeIds(Call c) {
        List<String> values = ApiServlet.queryAll(c.req(), "scheme");
        if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
            throw ApiException.badRequest("the query parameter 'scheme' is required");
        }
        List<String> ids = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw ApiException.badRequest("scheme '" + value + "' has an empty scheme id; give ids "
                            + "separated by commas, e.g. scheme=avdir,bufdir");
                }
                if (ids.contains(id)) {
                    throw ApiException.badRequest("scheme '" + id + "' is named twice");
                }
                ids.add(id);
            }
        }
        return ids;
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
        ApiServlet.download(c.resp(), String.join("-", sel.schemeIds()) + "-" + sel.fromYear() + "-" + sel.toYear() + "." + ext, buf);
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
