package no.tilskudd.web.internal.http;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.http.ApiServlet.Handler;
import no.tilskudd.web.internal.http.ApiServlet.Route;
import no.tilskudd.web.internal.oidc.OidcClient;
import no.tilskudd.web.internal.oidc.OidcSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The route table of the JSON API: each route is a servlet of its own on the HTTP whiteboard, under its own
 * pattern, so that the whiteboard is the router. In {@code serve} only: it first checks the web settings
 * ({@code web.trustedProxies}, {@code web.allowedHosts}; a wrong one fails this component, and {@code serve} says
 * why) and empties {@code data/uploads}, what a host killed during an upload left there.
 * <p>
 * The servlets are registered here rather than declared as components because multipart uploads are buffered in
 * {@code data/uploads}, and the multipart location must be a whiteboard service property known only at run time.
 * Without it, Felix HTTP writes multipart buffers to {@code java.io.tmpdir}, readable by other users.
 */
@Component(immediate = true)
public final class ApiRegistration {

    @Reference
    private Host host;
    @Reference
    private SchemeRegistry schemes;
    @Reference
    private SchemeOwnership ownership;
    @Reference
    private ImportService imports;
    @Reference
    private IndicatorService indicators;
    @Reference
    private ReportService reports;
    @Reference
    private OrgUnitRegister orgUnits;
    @Reference
    private PluginService plugins;
    @Reference
    private StatusService status;
    @Reference
    private AuditLog audit;
    @Reference
    private Security security;
    @Reference
    private GrantService grants;

    @Reference
    private PublicationService publications;

    @Reference
    private ReportingService reporting;

    private final List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();

    @Activate
    void activate(BundleContext context) throws IOException {
        if (!host.serving()) {
            return;
        }
        RequestGuard guard = RequestGuard.from(context::getProperty);
        // A wrong oidc.* setting fails this component as a wrong web.* one does, and serve says why.
        Optional<OidcClient> oidc = OidcSettings.from(context::getProperty, host.home())
                .map(o -> new OidcClient(o, Clock.systemUTC()));
        Uploads.empty(host.data());
        WebLog log = new WebLog(host.data());
        for (Route r : routes(log, oidc)) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("osgi.http.whiteboard.servlet.pattern", r.pattern());
            p.put("osgi.http.whiteboard.servlet.name", "tilskudd-api-" + r.name());
            p.put("osgi.http.whiteboard.servlet.multipart.enabled", Boolean.TRUE);
            p.put("osgi.http.whiteboard.servlet.multipart.location", Uploads.folder(host.data()).toString());
            p.put("osgi.http.whiteboard.servlet.multipart.maxFileSize", ApiServlet.MAX_JAR_BYTES);
            p.put("osgi.http.whiteboard.servlet.multipart.maxRequestSize", ApiServlet.MAX_REQUEST_BYTES);
            // Felix's own limit on parts; the servlet's limit on files (10) gives the clearer answer below it.
            p.put("osgi.http.whiteboard.servlet.multipart.maxFileCount", (long) ApiServlet.MAX_FILES + 5);
            registrations.add(context.registerService(Servlet.class, new ApiServlet(r, guard, security, log), p));
        }
    }

    /** The routes: pattern, role, and the handler of each method. */
    private List<Route> routes(WebLog log, Optional<OidcClient> oidc) {
        SessionResource session = new SessionResource(security, log);
        OidcResource openId = new OidcResource(oidc, security, log,
                code -> orgUnits.all().stream().anyMatch(u -> u.code().equals(code)));
        CatalogResource catalog = new CatalogResource(schemes, orgUnits, reports, imports);
        SubmissionsResource submissions = new SubmissionsResource(imports, host);
        IndicatorsResource numbers = new IndicatorsResource(schemes, indicators, reports, orgUnits);
        PluginsResource bundles = new PluginsResource(plugins, status, host, log);
        AuditResource auditTrail = new AuditResource(audit);
        GrantsResource register = new GrantsResource(grants, host);
        PublicationsResource pubs = new PublicationsResource(publications, reports, host, log);
        ReportingResource r = new ReportingResource(reporting);
        return List.of(
                route("health", "/api/health", null, "GET", c -> c.json(200, Map.of("status", "ok", "time",
                        java.time.Instant.now().toString()))),
                new Route("session", "/api/session", null, methods("GET", session::get, "POST", session::signIn,
                        "DELETE", session::signOut), null),
                route("session-providers", "/api/session/providers", null, "GET", openId::providers),
                route("session-oidc", "/api/session/oidc", null, "GET", openId::start),
                route("session-oidc-callback", OidcSettings.CALLBACK_PATH, null, "GET", openId::callback),
                route("schemes", "/api/schemes", Role.ANALYST, "GET", catalog::schemes),
                route("org-units", "/api/org-units", Role.ANALYST, "GET", catalog::orgUnits),
                route("formats", "/api/formats", Role.ANALYST, "GET", catalog::formats),
                route("validate", "/api/submissions/validate", Role.ANALYST, "POST", submissions::validate),
                route("submissions", "/api/submissions", Role.ANALYST, "POST", submissions::store),
                new Route("grants", "/api/grants", Role.ANALYST, methods("GET", register::list, "POST",
                        register::store), null),
                route("responses", "/api/responses", Role.ANALYST, "GET", register::responses),
                new Route("publications", "/api/publications", Role.ANALYST, methods("GET", pubs::list, "POST",
                        pubs::upload), null),
                route("publication", "/api/publications/*", Role.ANALYST, "GET", pubs::one),
                route("indicators", "/api/indicators", Role.ANALYST, "GET", numbers::indicators),
                route("reports", "/api/reports", Role.ANALYST, "GET", numbers::report),
                route("templates", "/api/templates", Role.ANALYST, "GET", numbers::template),
                route("status", "/api/status", Role.ADMIN, "GET", bundles::status),
                new Route("bundles", "/api/bundles", Role.ADMIN, methods("GET", bundles::status, "POST",
                        bundles::upload), null),
                route("bundle", "/api/bundles/*", Role.ADMIN, "DELETE", bundles::remove),
                route("audit", "/api/audit", Role.ADMIN, "GET", auditTrail::get),
                new Route("scheme-owners", "/api/scheme-owners", Role.ADMIN, methods("GET",
                        c -> c.json(200, JsonViews.schemeOwners(ownership.owners())), "POST", c -> {
                            SchemeOwner o = ownership.transfer(c.query("scheme"), c.query("to"), c.actor());
                            log.info(c.principal().user() + " transferred scheme " + o.schemeId() + " to "
                                    + o.owner());
                            c.json(200, JsonViews.schemeOwner(o));
                        }), null),
                // Browser reporting: Role.REPORTER routes are open to every role, and the service decides by unit.
                route("reporting-assignments", "/api/reporting/assignments", Role.REPORTER, "GET",
                        r.guarded(r::assignments)),
                route("reporting-form", "/api/reporting/form", Role.REPORTER, "GET", r.guarded(r::form)),
                route("reporting-report", "/api/reporting/report", Role.REPORTER, "GET", r.guarded(r::report)),
                route("reporting-validate", "/api/reporting/validate", Role.REPORTER, "POST",
                        r.guarded(r::validate)),
                route("reporting-draft", "/api/reporting/draft", Role.REPORTER, "PUT", r.guarded(r::draft)),
                route("reporting-submit", "/api/reporting/submit", Role.REPORTER, "POST", r.guarded(r::submit)),
                route("reporting-receipt", "/api/reporting/receipt", Role.REPORTER, "GET", r.guarded(r::receipt)),
                route("reporting-reopen", "/api/reporting/reopen", Role.ANALYST, "POST", r.guarded(r::reopen)),
                route("reporting-status", "/api/reporting/status", Role.ANALYST, "GET", r.guarded(r::status)),
                route("reporting-status-csv", "/api/reporting/status.csv", Role.ANALYST, "GET",
                        r.guarded(r::statusCsv)),
                // Everything else under /api: signed in, then told there is no such route.
                new Route("none", "/api/*", Role.ANALYST, Map.of(), c -> {
                    throw ApiException.notFound("no API route " + ApiServlet.apiPath(c.req()));
                }));
    }

    private static Route route(String name, String pattern, Role role, String method, Handler h) {
        return new Route(name, pattern, role, Map.of(method, h), null);
    }

    /** Methods in the order the 405 answer names them. */
    private static Map<String, Handler> methods(String m1, Handler h1, String m2, Handler h2) {
        Map<String, Handler> m = new LinkedHashMap<>();
        m.put(m1, h1);
        m.put(m2, h2);
        return m;
    }

    private static Map<String, Handler> methods(String m1, Handler h1, String m2, Handler h2, String m3,
            Handler h3) {
        Map<String, Handler> m = methods(m1, h1, m2, h2);
        m.put(m3, h3);
        return m;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Servlet> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // Already gone with the bundle.
            }
        }
        registrations.clear();
    }
}
