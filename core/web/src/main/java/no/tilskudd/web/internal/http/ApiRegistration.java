package no.tilskudd.web.internal.http;

import jakarta.servlet.Servlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@link ApiServlet} with the HTTP whiteboard in {@code serve}, with multipart uploads buffered in
 * {@code data/uploads}. The multipart location must be a whiteboard service property, and the data folder is known
 * only at run time, which a component's declared properties cannot express; so this component registers the servlet
 * itself, as a service factory: the servlet is still made by DS, and only when the whiteboard asks for it.
 * <p>
 * Without a location, Felix HTTP writes multipart buffers to {@code java.io.tmpdir}, readable by other users.
 */
@Component(immediate = true)
public final class ApiRegistration {

    @Reference
    private Host host;
    @Reference
    private ComponentServiceObjects<ApiServlet> api;

    private ServiceRegistration<Servlet> registration;

    @Activate
    void activate(BundleContext context) throws IOException {
        if (!host.serving()) {
            return;
        }
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("osgi.http.whiteboard.servlet.pattern", "/api/*");
        p.put("osgi.http.whiteboard.servlet.name", "tilskudd-api");
        p.put("osgi.http.whiteboard.servlet.multipart.enabled", Boolean.TRUE);
        p.put("osgi.http.whiteboard.servlet.multipart.location", Uploads.folder(host.data()).toString());
        p.put("osgi.http.whiteboard.servlet.multipart.maxFileSize", ApiServlet.MAX_JAR_BYTES);
        p.put("osgi.http.whiteboard.servlet.multipart.maxRequestSize", ApiServlet.MAX_REQUEST_BYTES);
        // Felix's own limit on parts; the servlet's limit on files (10) gives the clearer answer below it.
        p.put("osgi.http.whiteboard.servlet.multipart.maxFileCount", (long) ApiServlet.MAX_FILES + 5);
        registration = context.registerService(Servlet.class, new ServiceFactory<Servlet>() {
            @Override
            public Servlet getService(Bundle bundle, ServiceRegistration<Servlet> reg) {
                return api.getService();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Servlet> reg, Servlet servlet) {
                api.ungetService((ApiServlet) servlet);
            }
        }, p);
    }

    /**
     * Empties {@code data/uploads} (creating it, mode 700), for {@code serve} before its web server starts: what is
     * there was left by a host that was killed during an upload.
     *
     * @param data the data folder
     * @throws IOException when something in it cannot be deleted
     */
    public static void emptyUploads(Path data) throws IOException {
        Uploads.empty(data);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // Already gone with the bundle.
            }
            registration = null;
        }
    }
}
