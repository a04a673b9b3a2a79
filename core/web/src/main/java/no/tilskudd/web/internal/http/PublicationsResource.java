package no.tilskudd.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.service.PublicationException;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.http.Uploads.Kind;
import no.tilskudd.web.internal.http.Uploads.Upload;

/**
 * {@code GET /api/publications}, {@code POST /api/publications} (an uploaded definition, kept as a new revision),
 * {@code GET /api/publications/ID} (its text, key figures and tables, live or of an edition) and
 * {@code GET /api/publications/ID/report?format=pdf} (the file), through the {@link PublicationService}.
 */
final class PublicationsResource {

    private final PublicationService publications;
    private final ReportService reports;
    private final Host host;
    private final WebLog log;

    PublicationsResource(PublicationService publications, ReportService reports, Host host, WebLog log) {
        this.publications = publications;
        this.reports = reports;
        this.host = host;
        this.log = log;
    }

    void list(Call c) throws IOException {
        c.json(200, JsonViews.publications(publications.publications(), c.locale()));
    }

    void upload(Call c) throws IOException {
        try (Uploads uploads = Uploads.read(c.req(), Uploads.folder(host.data()), Set.of(Kind.JSON), 1,
                ApiServlet.MAX_FILE_BYTES)) {
            List<Upload> files = uploads.files();
            if (files.size() != 1) {
                throw ApiException.badRequest("upload one publication definition (a .json file)");
            }
            Upload u = files.get(0);
            PublicationInfo p;
            try {
                p = publications.add(u.displayName(), Files.readAllBytes(u.path()), c.actor());
            } catch (PublicationException e) {
                throw new ApiException(422, "invalid_publication", e.getMessage(), Map.of("problems",
                        e.problems()));
            } catch (IllegalStateException e) {
                throw new ApiException(503, "no_store", e.getMessage());
            }
            log.info(c.principal().user() + " added publication " + p.id() + " revision " + p.revision().orElse(0));
            c.json(201, JsonViews.publicationInfo(p, c.locale()));
        }
    }

    /** {@code /api/publications/ID} and {@code /api/publications/ID/report}. */
    void one(Call c) throws IOException {
        String rest = ApiServlet.apiPath(c.req()).substring("/publications/".length());
        boolean file = rest.endsWith("/report");
        String id = file ? rest.substring(0, rest.length() - "/report".length()) : rest;
        if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
            throw ApiException.notFound("no publication '" + id + "'");
        }
        if (publications.publication(id).isEmpty()) {
            throw ApiException.notFound("no publication '" + id + "'");
        }
        Optional<String> edition = Optional.ofNullable(c.query("edition")).filter(s -> !s.isBlank());
        boolean suppress = !"false".equals(c.query("suppress"));
        ReportOptions options = new ReportOptions(c.locale(), suppress, false);
        try {
            if (file) {
                String format = c.param("format");
                String ext = reports.fileExtension(format);
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                publications.writeReport(id, edition, options, format, buf);
                ApiServlet.download(c.resp(), id + edition.map(e -> "-" + e).orElse("") + "." + ext, buf);
            } else {
                c.json(200, JsonViews.publication(id, edition.orElse(null), publications.assemble(id, edition,
                        options)));
            }
        } catch (PublicationException e) {
            throw new ApiException(409, "publication_not_made", e.getMessage(), Map.of("problems", e.problems()));
        }
    }
}
