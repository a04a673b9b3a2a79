package no.tilskudd.web.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import no.tilskudd.api.service.ReportInput;
import no.tilskudd.api.service.ReportSaved;
import no.tilskudd.api.service.ReportingDeniedException;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.ReportingUser;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.store.ReportClosedException;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.host.json.ReportingViews;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.http.ApiServlet.Handler;

/**
 * {@code /api/reporting/...}: browser reporting over the {@link ReportingService}, which decides who may do what;
 * this adapter reads the request, names the signed-in user, and turns the service's refusals into the contract's
 * answers (403 {@code not_your_unit}, 409 {@code already_submitted}, 422 {@code invalid_submission}).
 */
final class ReportingResource {

    /** A report's values: a form with many measures stays well below this. */
    static final int MAX_BODY = 512 * 1024;

    /**
     * Reads a report's body as the submission importer reads a file: decimals keep their digits and scale (1500.50
     * stays 1500.50, not a double), and a key given twice is refused rather than the second silently winning.
     */
    private static final ObjectMapper BODY = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final ReportingService reporting;

    ReportingResource(ReportingService reporting) {
        this.reporting = reporting;
    }

    /** A handler whose service refusals become the contract's errors. */
    Handler guarded(Handler h) {
        return c -> {
            try {
                h.handle(c);
            } catch (ReportingDeniedException e) {
                throw new ApiException(403, e.reason() == ReportingDeniedException.Reason.NOT_YOUR_UNIT
                        ? "not_your_unit" : "forbidden", e.getMessage());
            } catch (ReportClosedException e) {
                throw e.submitted() ? new ApiException(409, "already_submitted", e.getMessage())
                        : new ApiException(409, "not_submitted", e.getMessage());
            } catch (NoSuchElementException e) {
                throw ApiException.notFound(e.getMessage());
            } catch (UnknownFormatException e) {
                throw new ApiException(503, "no_pdf_exporter", "no PDF exporter is installed, so no receipt can be "
                        + "written; install the format-pdf plugin", Map.of("formats", e.available()));
            } catch (IllegalStateException e) {
                throw new ApiException(503, "unavailable", e.getMessage());
            }
        };
    }

    void assignments(Call c) throws IOException {
        c.json(200, ReportingViews.assignments(reporting.assignments(user(c)), locale(c)));
    }

    void form(Call c) throws IOException {
        c.json(200, ReportingViews.form(reporting.form(user(c), c.param("scheme"), ApiServlet.year(c.param("year"))),
                locale(c)));
    }

    void report(Call c) throws IOException {
        c.json(200, ReportingViews.report(reporting.report(user(c), key(c))));
    }

    void validate(Call c) throws IOException {
        c.json(200, ReportingViews.check(reporting.validate(user(c), input(c)), locale(c)));
    }

    void draft(Call c) throws IOException {
        ReportSaved saved = reporting.saveDraft(user(c), input(c));
        ReportDraft d = saved.report().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().id());
        m.put("version", d.version());
        m.putAll(ReportingViews.check(saved.check(), locale(c)));
        c.json(200, m);
    }

    void submit(Call c) throws IOException {
        ReportSaved saved = reporting.submit(user(c), input(c));
        if (saved.report().isEmpty()) {
            throw new ApiException(422, "invalid_submission", "the report has errors; nothing was stored",
                    Map.of("findings", ReportingViews.findings(saved.findings(), locale(c))));
        }
        ReportDraft d = saved.report().get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().id());
        m.put("version", d.version());
        m.put("receipt", "/api/reporting/receipt?scheme=" + enc(d.key().schemeId()) + "&year=" + d.key().year()
                + "&orgUnit=" + enc(d.key().orgUnit()));
        m.put("findings", ReportingViews.findings(saved.findings(), locale(c)));
        c.json(201, m);
    }

    void receipt(Call c) throws IOException {
        SubmissionKey key = key(c);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reporting.receipt(user(c), key, locale(c), pdf);
        ApiServlet.download(c.resp(), "receipt-" + key.schemeId() + "-" + key.year() + "-" + key.orgUnit() + ".pdf",
                pdf);
    }

    void reopen(Call c) throws IOException {
        ReportDraft d = reporting.reopen(user(c), key(c));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().id());
        m.put("version", d.version());
        c.json(200, m);
    }

    void status(Call c) throws IOException {
        c.json(200, ReportingViews.status(reporting.status(user(c), c.param("scheme"),
                ApiServlet.year(c.param("year")))));
    }

    void statusCsv(Call c) throws IOException {
        String scheme = c.param("scheme");
        int year = ApiServlet.year(c.param("year"));
        String only = c.query("only");
        if (only != null && !only.isBlank() && !only.equals("missing")) {
            throw ApiException.badRequest("only=missing is the one filter there is");
        }
        String csv = ReportingViews.statusCsv(reporting.status(user(c), scheme, year), "missing".equals(only));
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        c.resp().setStatus(200);
        c.resp().setContentType("text/csv; charset=utf-8");
        c.resp().setHeader("Content-Disposition", "attachment; filename=\"reporting-" + scheme.replaceAll(
                "[^A-Za-z0-9._-]", "_") + "-" + year + ".csv\"");
        c.resp().setContentLength(bytes.length);
        try (OutputStream o = c.resp().getOutputStream()) {
            o.write(bytes);
        }
    }

    private static ReportingUser user(Call c) {
        return new ReportingUser(c.actor(), c.principal().role(), c.principal().orgUnits());
    }

    private static Locale locale(Call c) {
        return ReportingViews.locale(c.query("lang"));
    }

    private static SubmissionKey key(Call c) {
        return new SubmissionKey(c.param("scheme"), ApiServlet.year(c.param("year")), c.param("orgUnit"));
    }

    /** The body {@code {"scheme","year","orgUnit","values":{..}}}. */
    private static ReportInput input(Call c) throws IOException {
        JsonNode body = readBody(c);
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be an object {\"scheme\", \"year\", \"orgUnit\", \"values\"}");
        }
        String scheme = text(body, "scheme");
        String unit = text(body, "orgUnit");
        JsonNode year = body.get("year");
        if (year == null || !(year.isIntegralNumber() || year.isTextual())) {
            throw ApiException.badRequest("the body needs \"year\"");
        }
        JsonNode values = body.get("values");
        if (values == null || !values.isObject()) {
            throw ApiException.badRequest("the body needs \"values\", an object with the answers by field id");
        }
        for (String k : List.copyOf(iterable(body))) {
            if (!List.of("scheme", "year", "orgUnit", "values", "formVersion").contains(k)) {
                throw ApiException.badRequest("unknown property '" + k + "' in the body");
            }
        }
        return new ReportInput(new SubmissionKey(scheme, ApiServlet.year(year.asText()), unit),
                BODY.writeValueAsString(values));
    }

    private static List<String> iterable(JsonNode body) {
        List<String> names = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ApiException.badRequest("the body needs \"" + name + "\"");
        }
        return v.asText().trim();
    }

    private static JsonNode readBody(Call c) throws IOException {
        if (c.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiException(413, "too_large", "the request body is too large");
        }
        try (InputStream in = c.req().getInputStream()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new ApiException(413, "too_large", "the request body is too large");
            }
            return BODY.readTree(b);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
