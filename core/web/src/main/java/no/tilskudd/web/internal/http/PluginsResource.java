package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.host.DeployRequest;
import no.tilskudd.api.host.Deployment;
import no.tilskudd.api.host.PluginRefusedException;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.api.host.Undeployment;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.http.Uploads.Kind;
import no.tilskudd.web.internal.http.Uploads.Upload;

/**
 * {@code /api/status}, {@code /api/bundles} (the status, a dry run, a deployment) and
 * {@code /api/bundles/{symbolicName}} (a removal), through the {@link PluginService} and {@link StatusService}.
 */
final class PluginsResource {

    private final PluginService plugins;
    private final StatusService status;
    private final Host host;
    private final WebLog log;

    PluginsResource(PluginService plugins, StatusService status, Host host, WebLog log) {
        this.plugins = plugins;
        this.status = status;
        this.host = host;
        this.log = log;
    }

    /** The same document as {@code tilskudd status --json}. */
    void status(Call c) throws IOException {
        c.json(200, JsonViews.status(status.status()));
    }

    /**
     * A dry run ({@code dryRun=true}), or a deployment through the same dry run as {@code tilskudd deploy}: an unsafe
     * jar is refused (422 {@code not_safe}, with the dry run under {@code check}) unless {@code force=true};
     * {@code allowExtension=ID[,ID...]} approves the jar's declared extensions, as {@code --allow-extension} does.
     */
    void upload(Call c) throws IOException {
        boolean dryRun = Boolean.parseBoolean(c.query("dryRun"));
        boolean force = Boolean.parseBoolean(c.query("force"));
        Set<String> allow = new java.util.TreeSet<>();
        String allowed = c.query("allowExtension");
        if (allowed != null) {
            for (String x : allowed.split(",")) {
                if (!x.isBlank()) {
                    allow.add(x.trim());
                }
            }
        }
        try (Uploads uploads = Uploads.read(c.req(), Uploads.folder(host.data()), Set.of(Kind.JAR), 1,
                ApiServlet.MAX_JAR_BYTES)) {
            Upload u = uploads.files().get(0);
            try {
                if (dryRun) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("file", u.displayName());
                    r.putAll(JsonViews.dryRun(plugins.dryRun(u.path(), c.locale(), allow)));
                    c.json(200, r);
                } else {
                    Deployment d = plugins.deploy(u.path(), new DeployRequest(c.actor(), u.displayName(), true,
                            force, c.locale(), allow));
                    log.info(c.principal().user() + " deployed " + u.displayName() + " as deploy/" + d.file() + ": "
                            + d.state());
                    c.json("ACTIVE".equals(d.state()) ? 201 : 202, JsonViews.deployment(d));
                }
            } catch (PluginRefusedException e) {
                Map<String, Object> extra = new LinkedHashMap<>();
                e.check().ifPresent(check -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", u.displayName());
                    m.putAll(JsonViews.dryRun(check));
                    extra.put("check", m);
                });
                throw new ApiException(e.code().equals(PluginRefusedException.CORE_BUNDLE) ? 409 : 422, e.code(),
                        e.code().equals(PluginRefusedException.NOT_SAFE) ? "not deployed: the dry run found "
                                + "problems; upload with force=true to deploy anyway" : e.getMessage(), extra);
            }
        }
    }

    void remove(Call c) throws IOException {
        String bsn = ApiServlet.apiPath(c.req()).substring("/bundles/".length());
        if (!bsn.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw ApiException.badRequest("not a bundle symbolic name");
        }
        try {
            Undeployment u = plugins.undeploy(bsn, c.actor());
            log.info(c.principal().user() + " removed plugin " + bsn);
            c.json(200, JsonViews.undeployment(u));
        } catch (PluginRefusedException e) {
            throw new ApiException(e.code().equals(PluginRefusedException.NOT_FOUND) ? 404 : 409, e.code(),
                    e.getMessage());
        }
    }
}
