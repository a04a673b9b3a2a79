package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.http.Uploads.Kind;
import no.tilskudd.web.internal.http.Uploads.Upload;

/**
 * {@code GET /api/grants}, {@code POST /api/grants} (an uploaded grant register file, stored whole or not at all)
 * and {@code GET /api/responses}: the grant register and the response rates, through the {@link GrantService}.
 */
final class GrantsResource {

    private final GrantService grants;
    private final Host host;

    GrantsResource(GrantService grants, Host host) {
        this.grants = grants;
        this.host = host;
    }

    void list(Call c) throws IOException {
        Optional<String> scheme = Optional.ofNullable(c.query("scheme")).filter(s -> !s.isBlank());
        Optional<Integer> year = Optional.ofNullable(c.query("year")).filter(s -> !s.isBlank())
                .map(ApiServlet::year);
        c.json(200, JsonViews.grants(grants.grants(scheme, year)));
    }

    void store(Call c) throws IOException {
        boolean replace = Boolean.parseBoolean(c.query("replace"));
        List<Map<String, Object>> files = new ArrayList<>();
        int imported = 0;
        int rejectedFiles = 0;
        try (Uploads uploads = Uploads.read(c.req(), Uploads.folder(host.data()), Set.of(Kind.CSV, Kind.XLSX),
                ApiServlet.MAX_FILES, ApiServlet.MAX_FILE_BYTES)) {
            for (Upload u : uploads.files()) {
                FileReport r;
                try {
                    r = grants.importGrants(u.path(), u.displayName(), replace, c.actor());
                } catch (IllegalArgumentException e) {
                    throw new ApiException(415, "unsupported_file_type", e.getMessage(),
                            Map.of("formats", grants.formats()));
                }
                files.add(SubmissionsResource.fileJson(r, u, c.locale()));
                if (r.stored()) {
                    imported += r.inserted() + r.replaced();
                } else {
                    rejectedFiles++;
                }
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files);
        root.put("imported", imported);
        root.put("rejectedFiles", rejectedFiles);
        root.put("valid", rejectedFiles == 0);
        c.json(rejectedFiles > 0 ? 422 : 200, root);
    }

    void responses(Call c) throws IOException {
        String scheme = c.param("scheme");
        // Without a year: a questionnaire, answered by its respondent list (the service refuses a scheme).
        String given = c.query("year");
        c.json(200, JsonViews.responses(given == null || given.isBlank() ? grants.responses(scheme)
                : grants.responses(scheme, ApiServlet.year(given)), c.locale()));
    }
}
