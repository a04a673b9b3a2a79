package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.web.internal.http.ApiServlet.Call;

/** What is installed: {@code /api/schemes}, {@code /api/org-units}, {@code /api/formats}. */
final class CatalogResource {

    private final SchemeRegistry schemes;
    private final OrgUnitRegister orgUnits;
    private final ReportService reports;
    private final ImportService imports;

    CatalogResource(SchemeRegistry schemes, OrgUnitRegister orgUnits, ReportService reports, ImportService imports) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.reports = reports;
        this.imports = imports;
    }

    void schemes(Call c) throws IOException {
        c.json(200, JsonViews.schemes(schemes.schemes(), schemes.problems(), c.locale()));
    }

    void orgUnits(Call c) throws IOException {
        Optional<String> region = Optional.ofNullable(c.query("region"));
        Optional<Integer> year = Optional.ofNullable(c.query("year")).map(ApiServlet::year);
        region.ifPresent(r -> {
            if (!orgUnits.regions().contains(r)) {
                throw new ApiException(400, "bad_request", "unknown region '" + r + "'",
                        Map.of("regions", orgUnits.regions()));
            }
        });
        List<OrgUnit> list = orgUnits.all().stream()
                .filter(u -> region.map(r -> r.equals(u.region())).orElse(true))
                .filter(u -> year.map(u::validIn).orElse(true)).toList();
        c.json(200, JsonViews.orgUnits(orgUnits.regions(), list));
    }

    void formats(Call c) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reports", new TreeSet<>(reports.reportFormats()));
        m.put("templates", new TreeSet<>(reports.templateFormats()));
        m.put("imports", new TreeSet<>(imports.formats()));
        c.json(200, m);
    }
}
