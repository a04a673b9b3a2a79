package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.web.internal.http.ApiServlet.Call;

/** {@code GET /api/audit?since=&limit=}: the audit trail, the same document as {@code tilskudd audit --json}. */
final class AuditResource {

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    void get(Call c) throws IOException {
        Optional<Instant> since = Optional.ofNullable(c.query("since")).filter(t -> !t.isBlank()).map(t -> {
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
            limit = Optional.ofNullable(c.query("limit")).filter(t -> !t.isBlank()).map(Integer::parseInt)
                    .orElse(1000);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number");
        }
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be from 1 to " + AuditQuery.MAX_LIMIT);
        }
        c.json(200, JsonViews.audit(audit.read(new AuditQuery(since, limit))));
    }
}
