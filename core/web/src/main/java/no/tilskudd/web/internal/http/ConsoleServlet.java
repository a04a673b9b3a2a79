package no.tilskudd.web.internal.http;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The web console's files (plain HTML, CSS and JavaScript, no build step), served from this bundle. Only the
 * listed files exist; a strict Content-Security-Policy allows nothing but this origin. Being the whiteboard's default
 * servlet, it also gets the odd paths that do not reach the API's pattern (such as {@code //api/x}), which the
 * {@link RequestGuard} refuses in JSON.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=tilskudd-console"})
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String ROOT = "/no/tilskudd/web/console/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=utf-8",
            "app.js", "text/javascript;charset=utf-8",
            "app.css", "text/css;charset=utf-8",
            "favicon.svg", "image/svg+xml");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private transient RequestGuard guard;

    @Activate
    void activate(BundleContext context) {
        guard = RequestGuard.from(context::getProperty);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            guard.check(req);
        } catch (ApiException e) {
            resp.setHeader("Cache-Control", "no-store");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            ApiServlet.error(req, resp, e.status(), e.code(), e.getMessage(), e.extra());
            return;
        }
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            resp.setHeader("Allow", "GET, HEAD");
            resp.sendError(405);
            return;
        }
        String path = Optional.ofNullable(req.getServletPath()).orElse("")
                + Optional.ofNullable(req.getPathInfo()).orElse("");
        String name = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        String type = FILES.get(name);
        URL url = type == null ? null : ConsoleServlet.class.getResource(ROOT + name);
        if (url == null) {
            resp.setContentType("text/plain;charset=utf-8");
            resp.setStatus(404);
            resp.getWriter().write("Not found");
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Cache-Control", "no-cache");
        try (InputStream in = url.openStream()) {
            byte[] b = in.readAllBytes();
            resp.setContentLength(b.length);
            if (req.getMethod().equals("GET")) {
                try (OutputStream o = resp.getOutputStream()) {
                    o.write(b);
                }
            }
        }
    }
}
