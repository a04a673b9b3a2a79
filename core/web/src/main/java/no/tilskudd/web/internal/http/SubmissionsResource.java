package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.http.Uploads.Kind;
import no.tilskudd.web.internal.http.Uploads.Upload;

/** {@code POST /api/submissions/validate} and {@code POST /api/submissions}: uploaded files, checked or imported. */
final class SubmissionsResource {

    private final ImportService imports;
    private final Host host;

    SubmissionsResource(ImportService imports, Host host) {
        this.imports = imports;
        this.host = host;
    }

    void validate(Call c) throws IOException {
        submissions(c, false);
    }

    void store(Call c) throws IOException {
        submissions(c, true);
    }

    private void submissions(Call c, boolean store) throws IOException {
        boolean replace = Boolean.parseBoolean(c.query("replace"));
        Locale locale = c.locale();
        List<Map<String, Object>> files = new ArrayList<>();
        int imported = 0;
        int rejectedFiles = 0;
        try (Uploads uploads = Uploads.read(c.req(), Uploads.folder(host.data()), Set.of(Kind.JSON, Kind.XLSX),
                ApiServlet.MAX_FILES, ApiServlet.MAX_FILE_BYTES)) {
            for (Upload u : uploads.files()) {
                FileReport r;
                try {
                    r = store ? imports.importFile(u.path(), replace, c.actor()) : imports.check(u.path());
                } catch (IllegalArgumentException e) {
                    throw new ApiException(415, "unsupported_file_type", e.getMessage()
                            .replace(u.path().getFileName().toString(), u.displayName()),
                            Map.of("formats", new TreeSet<>(imports.formats())));
                }
                files.add(fileJson(r, u, locale));
                if (store && r.stored()) {
                    imported += r.inserted() + r.replaced();
                } else if (store || r.hasErrors()) {
                    rejectedFiles++;
                }
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files);
        if (store) {
            root.put("imported", imported);
        }
        root.put("rejectedFiles", rejectedFiles);
        root.put("valid", rejectedFiles == 0);
        c.json(store && rejectedFiles > 0 ? 422 : 200, root);
    }

    /** An upload is shown under the name it was sent with, never the name of the copy it was read from. */
    static Map<String, Object> fileJson(FileReport r, Upload u, Locale locale) {
        String tmpName = u.path().getFileName().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", u.displayName());
        m.put("submissions", r.submissions());
        m.put("rejected", r.rejected());
        m.put("stored", r.stored());
        m.put("inserted", r.inserted());
        m.put("replaced", r.replaced());
        m.put("errors", r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
        m.put("warnings", r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("location", f.position().location());
            fm.put("path", f.path());
            fm.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            fm.put("code", f.code());
            fm.put("message", f.message().in(locale).replace(tmpName, u.displayName()));
            findings.add(fm);
        }
        m.put("findings", findings);
        return m;
    }
}
