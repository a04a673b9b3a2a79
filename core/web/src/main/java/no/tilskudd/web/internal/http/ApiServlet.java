package no.tilskudd.web.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.indicator.YearRange;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.auth.Authenticator;
import no.tilskudd.web.internal.auth.Authenticator.Principal;
import no.tilskudd.web.internal.auth.Client;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.auth.Sessions;
import no.tilskudd.web.internal.auth.UserStore.Role;
import no.tilskudd.web.internal.auth.UserStore.User;
import no.tilskudd.web.internal.deploy.Plugins;
import no.tilskudd.web.internal.http.Uploads.Kind;
import no.tilskudd.web.internal.http.Uploads.Upload;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JSON API under {@code /api} (see docs/http-api.md). Every route names the role it needs; errors are
 * {@code {"error": code, "detail": text}} with the matching status, and never carry a stack trace. Every request
 * first passes the {@link RequestGuard} (a plain path, this host's name). {@link ApiRegistration} puts it on the
 * whiteboard.
 */
@Component(service = ApiServlet.class)
public final class ApiServlet extends HttpServlet {

    /** Rows whose numbers are of another kind than their columns, by row index (JSON keys are text). */
    static Map<String, String> rowKinds(Table t) {
        Map<String, String> kinds = new java.util.TreeMap<>();
        t.rowsOf(Table.RowKind.COUNT).forEach(row -> kinds.put(String.valueOf(row), "count"));
        return kinds;
    }

    private static final long serialVersionUID = 1L;

    /** A submission file: JSON Lines of a whole year for all municipalities stays well below this. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** A plugin jar. */
    static final long MAX_JAR_BYTES = 50L * 1024 * 1024;
    /** Files per request. */
    static final int MAX_FILES = 10;
    static final long MAX_REQUEST_BYTES = 60L * 1024 * 1024;
    private static final int MAX_JSON_BODY = 16 * 1024;
    private static final long DRAIN_LIMIT = 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder().build();

    @Reference
    private transient SchemeRegistry schemes;
    @Reference
    private transient ImportService imports;
    @Reference
    private transient IndicatorService indicators;
    @Reference
    private transient ReportService reports;
    @Reference
    private transient OrgUnitRegister orgUnits;
    @Reference
    private transient SubmissionStore store;
    @Reference
    private transient ValidationService validation;
    @Reference
    private transient Host host;
    @Reference
    private transient CommandLine commandLine;
    @Reference
    private transient Security security;

    private transient Plugins plugins;
    private transient WebLog log;
    private transient RequestGuard guard;

    @Activate
    void activate(BundleContext context) {
        plugins = new Plugins(context, host, store, validation, orgUnits, schemes);
        log = new WebLog(host.data());
        guard = RequestGuard.from(context::getProperty);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String method = req.getMethod();
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        try {
            route(method, path, req, resp, guard.check(req));
        } catch (ApiException e) {
            error(req, resp, e.status(), e.code(), e.getMessage(), e.extra());
        } catch (UnknownFormatException e) {
            error(req, resp, 404, "unknown_format", e.getMessage(), Map.of("formats", new TreeSet<>(e.available())));
        } catch (IllegalArgumentException e) {
            error(req, resp, 400, "bad_request", e.getMessage(), Map.of());
        } catch (Exception e) {
            String ref = Long.toString(System.nanoTime(), 36);
            log.error(method + " " + path + " failed (ref " + ref + ")", e);
            error(req, resp, 500, "internal_error", "the request failed on the server (reference " + ref + " in "
                    + "data/log/web.log)", Map.of());
        }
    }

    private void route(String method, String path, HttpServletRequest req, HttpServletResponse resp, Client client)
            throws Exception {
        if (path.equals("/health")) {
            allow(method, "GET");
            json(resp, 200, Map.of("status", "ok", "time", Instant.now().toString()));
            return;
        }
        if (path.equals("/session")) {
            session(method, req, resp, client);
            return;
        }
        Principal p = require(req, resp, client, path.startsWith("/bundles") || path.equals("/audit") ? Role.ADMIN
                : Role.ANALYST);
        switch (path) {
            case "/schemes" -> {
                allow(method, "GET");
                json(resp, 200, schemesJson(locale(req)));
            }
            case "/org-units" -> {
                allow(method, "GET");
                json(resp, 200, orgUnitsJson(req));
            }
            case "/formats" -> {
                allow(method, "GET");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("reports", new TreeSet<>(reports.reportFormats()));
                m.put("templates", new TreeSet<>(reports.templateFormats()));
                m.put("imports", new TreeSet<>(imports.formats()));
                json(resp, 200, m);
            }
            case "/submissions/validate" -> {
                allow(method, "POST");
                checkCsrf(p, req, client);
                submissions(req, resp, false, p);
            }
            case "/submissions" -> {
                allow(method, "POST");
                checkCsrf(p, req, client);
                submissions(req, resp, true, p);
            }
            case "/audit" -> {
                allow(method, "GET");
                json(resp, 200, auditJson(req));
            }
            case "/indicators" -> {
                allow(method, "GET");
                json(resp, 200, indicatorsJson(req));
            }
            case "/reports" -> {
                allow(method, "GET");
                report(req, resp);
            }
            case "/templates" -> {
                allow(method, "GET");
                template(req, resp);
            }
            case "/bundles" -> {
                allow(method, "GET", "POST");
                if (method.equals("GET")) {
                    json(resp, 200, status());
                } else {
                    checkCsrf(p, req, client);
                    uploadBundle(req, resp, p);
                }
            }
            default -> {
                if (path.startsWith("/bundles/")) {
                    allow(method, "DELETE");
                    checkCsrf(p, req, client);
                    String bsn = path.substring("/bundles/".length());
                    if (!bsn.matches("[A-Za-z0-9_.-]{1,200}")) {
                        throw ApiException.badRequest("not a bundle symbolic name");
                    }
                    try {
                        Map<String, Object> r = plugins.undeploy(bsn);
                        log.info(p.user() + " removed plugin " + bsn);
                        security.record(actor(p), "plugin.undeploy", bsn, Map.of("file",
                                String.valueOf(r.get("file"))));
                        json(resp, 200, r);
                    } catch (Plugins.RefusedException e) {
                        throw new ApiException(e.code().equals("not_found") ? 404 : 409, e.code(), e.getMessage());
                    }
                } else {
                    throw ApiException.notFound("no API route " + path);
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------- security

    private Principal require(HttpServletRequest req, HttpServletResponse resp, Client client, Role role) {
        Optional<Principal> p;
        try {
            p = security.authenticator().identify(sessionCookie(req), req.getHeader("Authorization"), client);
        } catch (Authenticator.Refused e) {
            e.wrongName().ifPresent(n -> log.info("failed sign-in (HTTP Basic) for '" + logName(n) + "' from "
                    + client.address()));
            if (e.status() == 401) {
                unauthorized(resp);
            }
            e.retryAfter().ifPresent(d -> retryAfter(resp, d));
            throw new ApiException(e.status(), e.code(), e.getMessage());
        }
        if (p.isEmpty()) {
            unauthorized(resp);
            throw new ApiException(401, "unauthorized", "sign in first (POST /api/session), or use HTTP Basic "
                    + "from this machine");
        }
        if (!p.get().role().includes(role)) {
            throw new ApiException(403, "forbidden", "this needs the role '" + role.id() + "'; you are '"
                    + p.get().role().id() + "'");
        }
        return p.get();
    }

    private static void retryAfter(HttpServletResponse resp, Duration d) {
        resp.setHeader("Retry-After", Long.toString(Math.max(1, (d.toMillis() + 999) / 1000)));
    }

    private static String logName(String name) {
        String n = name.replaceAll("[^A-Za-z0-9._-]", "?");
        return n.length() > 64 ? n.substring(0, 64) + "..." : n;
    }

    private static void unauthorized(HttpServletResponse resp) {
        // Not "Basic": a browser would then offer its own sign-in dialog and keep the credentials, which would
        // let other sites' forms ride on them. curl and scripts send Basic credentials without being asked.
        resp.setHeader("WWW-Authenticate", "Session realm=\"tilskudd\"");
    }

    /**
     * CSRF protection on every state-changing request: a request from another origin is refused outright (the
     * Origin header, which browsers always send on such requests), and a request signed in by the session cookie
     * must also carry the session's own token in {@code X-CSRF-Token}, which a page of another site cannot read.
     * The cookie is SameSite=Strict besides.
     */
    private static void checkCsrf(Principal p, HttpServletRequest req, Client client) {
        String origin = req.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, client)) {
            throw new ApiException(403, "cross_origin", "requests from another origin are not accepted");
        }
        if (origin != null && origin.equals("null")) {
            throw new ApiException(403, "cross_origin", "requests from an opaque origin are not accepted");
        }
        if (p.session().isPresent() && !p.session().get().csrfMatches(req.getHeader(Sessions.CSRF_HEADER))) {
            throw new ApiException(403, "csrf", "missing or wrong " + Sessions.CSRF_HEADER + " header");
        }
    }

    /**
     * Whether an Origin is this host as the client sees it: through a trusted proxy, the scheme and host the proxy
     * was asked for.
     */
    static boolean sameOrigin(String origin, Client client) {
        try {
            URI o = URI.create(origin);
            return client.host() != null && o.getScheme() != null && o.getRawAuthority() != null
                    && o.getScheme().equalsIgnoreCase(client.scheme())
                    && withoutDefaultPort(client.host(), client.scheme())
                            .equalsIgnoreCase(withoutDefaultPort(o.getRawAuthority(), client.scheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String suffix = scheme.equals("https") ? ":443" : ":80";
        return authority.endsWith(suffix) ? authority.substring(0, authority.length() - suffix.length()) : authority;
    }

    private static String sessionCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(Sessions.COOKIE)) {
                return c.getValue();
            }
        }
        return null;
    }

    private void session(String method, HttpServletRequest req, HttpServletResponse resp, Client client)
            throws IOException {
        allow(method, "GET", "POST", "DELETE");
        switch (method) {
            case "GET" -> {
                Principal p = require(req, resp, client, Role.ANALYST);
                json(resp, 200, sessionJson(p.user(), p.role(), p.session().map(Sessions.Session::csrf).orElse(null)));
            }
            case "POST" -> {
                String origin = req.getHeader("Origin");
                if (origin != null && !sameOrigin(origin, client)) {
                    throw new ApiException(403, "cross_origin", "sign-in from another origin is not accepted");
                }
                if (!Uploads.mediaType(req.getContentType()).equals("application/json")) {
                    throw new ApiException(415, "unsupported_media_type", "send {\"name\":..,\"password\":..} as "
                            + "application/json");
                }
                JsonNode body = readJson(req);
                String name = body.path("name").asText("");
                String password = body.path("password").asText("");
                if (name.isEmpty() || password.isEmpty()) {
                    throw ApiException.badRequest("name and password are required");
                }
                Optional<Duration> wait = security.throttle().waitFor(name, client.address());
                if (wait.isPresent()) {
                    Authenticator.Refused r = Authenticator.Refused.throttled(wait.get());
                    r.retryAfter().ifPresent(d -> retryAfter(resp, d));
                    throw new ApiException(r.status(), r.code(), r.getMessage());
                }
                Optional<User> u = security.users().authenticate(name, password);
                if (u.isEmpty()) {
                    security.signInFailed(name, client.address(), "session");
                    log.info("failed sign-in for '" + logName(name) + "' from " + client.address());
                    unauthorized(resp);
                    throw new ApiException(401, "unauthorized", "wrong user name or password");
                }
                security.throttle().succeeded(name, client.address());
                // A new id at every sign-in, so that a session id planted before cannot be used afterwards.
                security.sessions().remove(sessionCookie(req));
                Sessions.Session s = security.sessions().create(u.get());
                resp.addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                        + (client.secure() ? "; Secure" : ""));
                log.info("'" + name + "' signed in from " + client.address());
                json(resp, 200, sessionJson(u.get().name(), u.get().role(), s.csrf()));
            }
            default -> {
                Principal p = require(req, resp, client, Role.ANALYST);
                checkCsrf(p, req, client);
                p.session().ifPresent(s -> security.sessions().remove(s.id()));
                resp.addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                        + (client.secure() ? "; Secure" : ""));
                resp.setStatus(204);
            }
        }
    }

    private static Map<String, Object> sessionJson(String user, Role role, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user);
        m.put("role", role.id());
        m.put("csrfToken", csrf);
        return m;
    }

    // -------------------------------------------------------------------------------------------- routes

    private Map<String, Object> schemesJson(Locale locale) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Scheme s : schemes.schemes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name().in(locale));
            m.put("agency", s.agency().in(locale));
            m.put("budgetLine", s.budgetLine());
            m.put("firstYear", s.firstYear());
            List<Map<String, Object>> forms = new ArrayList<>();
            for (FormDefinition f : s.forms()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("version", f.version());
                fm.put("firstYear", f.firstYear());
                fm.put("lastYear", f.lastYear());
                fm.put("title", f.title().in(locale));
                forms.add(fm);
            }
            m.put("forms", forms);
            m.put("formVersions", s.formVersions());
            m.put("bundle", s.origin().name());
            m.put("bundleVersion", s.origin().version());
            m.put("demoData", s.demoData().isPresent());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemes", list);
        root.put("problems", schemes.problems());
        return root;
    }

    private Map<String, Object> orgUnitsJson(HttpServletRequest req) {
        Optional<String> region = Optional.ofNullable(query(req, "region"));
        Optional<Integer> year = Optional.ofNullable(query(req, "year")).map(ApiServlet::year);
        region.ifPresent(r -> {
            if (!orgUnits.regions().contains(r)) {
                throw new ApiException(400, "bad_request", "unknown region '" + r + "'",
                        Map.of("regions", orgUnits.regions()));
            }
        });
        List<Map<String, Object>> list = new ArrayList<>();
        for (OrgUnit u : orgUnits.all()) {
            if (region.map(r -> !r.equals(u.region())).orElse(false) || year.map(y -> !u.validIn(y)).orElse(false)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.code());
            m.put("name", u.name());
            m.put("county", u.county());
            m.put("region", u.region());
            m.put("validFrom", u.validFrom().orElse(null));
            m.put("validTo", u.validTo().orElse(null));
            list.add(m);
        }
        return Map.of("regions", orgUnits.regions(), "orgUnits", list);
    }

    private void submissions(HttpServletRequest req, HttpServletResponse resp, boolean store, Principal p)
            throws IOException {
        boolean replace = Boolean.parseBoolean(query(req, "replace"));
        Locale locale = locale(req);
        List<Map<String, Object>> files = new ArrayList<>();
        int imported = 0;
        int rejectedFiles = 0;
        try (Uploads uploads = Uploads.read(req, uploads(), Set.of(Kind.JSON, Kind.XLSX), MAX_FILES, MAX_FILE_BYTES)) {
            for (Upload u : uploads.files()) {
                FileReport r;
                try {
                    r = store ? imports.importFile(u.path(), replace, actor(p)) : imports.check(u.path());
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
        json(resp, store && rejectedFiles > 0 ? 422 : 200, root);
    }

    private static Map<String, Object> fileJson(FileReport r, Upload u, Locale locale) {
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

    private Selection selection(HttpServletRequest req) {
        String id = param(req, "scheme");
        Scheme s = schemes.scheme(id).orElseThrow(() -> new ApiException(404, "unknown_scheme", "scheme '" + id
                + "' is not installed", Map.of("schemes", schemes.schemes().stream().map(Scheme::id).toList())));
        int[] years = Optional.ofNullable(query(req, "years")).map(ApiServlet::years)
                .orElse(new int[] {s.forms().get(0).firstYear(), s.forms().get(s.forms().size() - 1).lastYear()});
        Set<String> regions = Optional.ofNullable(query(req, "region")).filter(r -> !r.isBlank())
                .map(r -> Set.of(r.split(","))).orElse(Set.of());
        for (String r : regions) {
            if (!orgUnits.regions().contains(r)) {
                throw new ApiException(400, "bad_request", "unknown region '" + r + "'",
                        Map.of("regions", orgUnits.regions()));
            }
        }
        return new Selection(id, years[0], years[1], Set.of(), regions);
    }

    private Map<String, Object> indicatorsJson(HttpServletRequest req) {
        Locale locale = locale(req);
        Selection sel = selection(req);
        IndicatorService.Results r = indicators.compute(sel);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Table t : r.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("title", t.title().in(locale));
            m.put("n", t.n().map(Table.Count::value).orElse(null));
            m.put("nCounted", t.n().flatMap(Table.Count::counted).map(c -> c.in(locale)).orElse(null));
            m.put("columns", t.columns().stream().map(c -> c.label().in(locale)).toList());
            m.put("columnIds", t.columns().stream().map(Table.Column::id).toList());
            m.put("columnKinds", t.columns().stream().map(c -> c.kind().name().toLowerCase(Locale.ROOT)).toList());
            m.put("rows", t.rows().stream().map(row -> row.cellsIn(locale)).toList());
            m.put("totalRows", new TreeSet<>(t.rowsOf(Table.RowKind.TOTAL)));
            m.put("rowKinds", rowKinds(t));
            m.put("chart", t.chart().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse(null));
            m.put("notes", t.notes().stream().map(n -> n.text().in(locale)).toList());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scheme", sel.schemeId());
        root.put("years", List.of(sel.fromYear(), sel.toYear()));
        root.put("submissions", r.submissions());
        root.put("indicators", list);
        root.put("failures", r.failures());
        return root;
    }

    private void report(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Selection sel = selection(req);
        String format = param(req, "format");
        String ext = reports.fileExtension(format);
        boolean suppress = !"false".equals(query(req, "suppress"));
        boolean withData = Boolean.parseBoolean(query(req, "withData"));
        ReportOptions options = new ReportOptions(locale(req), suppress, withData);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        reports.writeReport(sel, options, format, buf);
        download(resp, sel.schemeId() + "-" + sel.fromYear() + "-" + sel.toYear() + "." + ext, buf);
    }

    private void template(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String scheme = param(req, "scheme");
        int year = year(param(req, "year"));
        String format = param(req, "format");
        if (!reports.templateFormats().contains(format)) {
            throw new UnknownFormatException(format, reports.templateFormats());
        }
        if (schemes.scheme(scheme).isEmpty()) {
            throw new ApiException(404, "unknown_scheme", "scheme '" + scheme + "' is not installed");
        }
        Optional<String> orgUnit = Optional.ofNullable(query(req, "orgUnit")).filter(s -> !s.isBlank());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        reports.writeTemplate(scheme, year, format, orgUnit, buf);
        String ext = format.matches("[a-z0-9]{1,10}") ? format : "bin";
        download(resp, scheme + "-" + year + orgUnit.map(o -> "-" + o).orElse("") + "-skjema." + ext, buf);
    }

    private static void download(HttpServletResponse resp, String fileName, ByteArrayOutputStream body)
            throws IOException {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        resp.setStatus(200);
        resp.setContentType(mediaTypeOf(safe));
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"; filename*=UTF-8''"
                + URLEncoder.encode(safe, StandardCharsets.UTF_8));
        resp.setContentLengthLong(body.size());
        try (OutputStream o = resp.getOutputStream()) {
            body.writeTo(o);
        }
    }

    static String mediaTypeOf(String fileName) {
        return switch (Uploads.extension(fileName)) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv; charset=utf-8";
            case "json" -> "application/json";
            case "html" -> "text/html; charset=utf-8";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            default -> "application/octet-stream";
        };
    }

    /** The bundles, states and failures, as {@code tilskudd status --json} reports them. */
    private JsonNode status() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            // status resolves no paths; the API has no working directory of its own.
            commandLine.run(List.of("status", "--json"), host.home(), o, e);
        }
        try {
            return JSON.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status gave no JSON: " + err.toString(StandardCharsets.UTF_8), e);
        }
    }

    private void uploadBundle(HttpServletRequest req, HttpServletResponse resp, Principal p) throws IOException {
        boolean dryRun = Boolean.parseBoolean(query(req, "dryRun"));
        try (Uploads uploads = Uploads.read(req, uploads(), Set.of(Kind.JAR), 1, MAX_JAR_BYTES)) {
            Upload u = uploads.files().get(0);
            try {
                if (dryRun) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("file", u.displayName());
                    r.putAll(plugins.dryRun(u.path(), locale(req)));
                    json(resp, 200, r);
                } else {
                    Map<String, Object> r = plugins.deploy(u.path());
                    log.info(p.user() + " deployed " + u.displayName() + " as deploy/" + r.get("file") + ": "
                            + r.get("state"));
                    security.record(actor(p), "plugin.deploy", u.displayName(), Map.of("file",
                            String.valueOf(r.get("file")), "state", String.valueOf(r.get("state")), "dryRun",
                            "not run", "forced", "false"));
                    json(resp, "ACTIVE".equals(r.get("state")) ? 201 : 202, r);
                }
            } catch (Plugins.RefusedException e) {
                throw new ApiException(e.code().equals("core_bundle") ? 409 : 422, e.code(), e.getMessage());
            }
        }
    }

    // -------------------------------------------------------------------------------------------- audit

    private Map<String, Object> auditJson(HttpServletRequest req) {
        Optional<Instant> since = Optional.ofNullable(query(req, "since")).filter(t -> !t.isBlank()).map(t -> {
            try {
                return t.contains("T") ? Instant.parse(t) : LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("since must be a date such as 2026-12-01 or a time such as "
                        + "2026-12-01T10:00:00Z");
            }
        });
        int limit;
        try {
            limit = Optional.ofNullable(query(req, "limit")).filter(t -> !t.isBlank()).map(Integer::parseInt)
                    .orElse(1000);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number");
        }
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be from 1 to " + AuditQuery.MAX_LIMIT);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEvent e : security.audit().read(new AuditQuery(since, limit))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", e.sequence());
            m.put("at", e.at().toString());
            m.put("actor", e.entry().actor());
            m.put("action", e.entry().action());
            m.put("subject", e.entry().subject());
            m.put("details", e.entry().details());
            events.add(m);
        }
        return Map.of("events", events);
    }

    /** Who acts through the web: the signed-in user. */
    private static String actor(Principal p) {
        return "web:" + p.user();
    }

    // -------------------------------------------------------------------------------------------- helpers

    private Path uploads() throws IOException {
        return Uploads.folder(host.data());
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiException(405, "method_not_allowed", method + " is not allowed here (allowed: "
                + String.join(", ", allowed) + ")");
    }

    /**
     * A query parameter, read from the query string itself: with a multipart body the container's
     * getParameter answers from the form fields only.
     */
    static String query(HttpServletRequest req, String name) {
        String q = req.getQueryString();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String param(HttpServletRequest req, String name) {
        String v = query(req, name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("the query parameter '" + name + "' is required");
        }
        return v.trim();
    }

    /** The command line reads {@code --year} by the same rule ({@link YearRange}). */
    static int year(String s) {
        try {
            return YearRange.year(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("year " + e.getMessage());
        }
    }

    /** The command line reads {@code --years} by the same rule ({@link YearRange}). */
    static int[] years(String s) {
        try {
            YearRange r = YearRange.parse(s);
            return new int[] {r.from(), r.to()};
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("years " + e.getMessage());
        }
    }

    static Locale locale(HttpServletRequest req) {
        return "en".equals(query(req, "lang")) ? Locale.ENGLISH : Locale.forLanguageTag("nb");
    }

    private static JsonNode readJson(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_JSON_BODY) {
            throw new ApiException(413, "too_large", "the request body is too large");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] b = in.readNBytes(MAX_JSON_BODY + 1);
            if (b.length > MAX_JSON_BODY) {
                throw new ApiException(413, "too_large", "the request body is too large");
            }
            return JSON.readTree(b);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    /**
     * A refused request may leave its body unread. A small one is read and dropped, so that the client can send
     * its next request on the same connection; for a large one the answer says the connection closes, so that no
     * client sends its next request into a connection the server is about to drop.
     */
    private static void drainOrClose(HttpServletRequest req, HttpServletResponse resp) {
        long length = req.getContentLengthLong();
        if (length == 0 || req.getMethod().equals("GET")) {
            return;
        }
        if (length < 0 || length > DRAIN_LIMIT) {
            resp.setHeader("Connection", "close");
            return;
        }
        try {
            InputStream in = req.getInputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            for (int r; (r = in.read(buf)) > 0 && total <= DRAIN_LIMIT;) {
                total += r;
            }
        } catch (IOException | IllegalStateException e) {
            resp.setHeader("Connection", "close");
        }
    }

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        try (OutputStream o = resp.getOutputStream()) {
            o.write(bytes);
        }
    }

    static void error(HttpServletRequest req, HttpServletResponse resp, int status, String code,
            String detail, Map<String, Object> extra) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        drainOrClose(req, resp);
        resp.setHeader("Content-Disposition", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("detail", detail == null ? code : detail);
        m.putAll(extra);
        json(resp, status, m);
    }
}
