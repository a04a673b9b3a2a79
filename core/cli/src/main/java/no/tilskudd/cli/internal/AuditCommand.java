package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.host.json.JsonViews;

/** {@code tilskudd audit [--since DATE] [--limit N] [--json]}: the audit trail, oldest first. */
final class AuditCommand {

    static final int DEFAULT_LIMIT = 1000;

    private AuditCommand() {
    }

    static int run(AuditLog audit, List<String> argv, PrintStream out, ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--since", "--limit"), Set.of("--json"));
        if (!a.positional().isEmpty()) {
            throw new Args.UsageException("takes no arguments, only --since DATE, --limit N and --json");
        }
        AuditQuery query = new AuditQuery(a.option("--since").map(AuditCommand::since), a.option("--limit")
                .map(AuditCommand::limit).orElse(DEFAULT_LIMIT));
        List<AuditEvent> events = audit.read(query);
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.audit(events)));
            return 0;
        }
        for (AuditEvent e : events) {
            StringBuilder line = new StringBuilder();
            line.append(e.at()).append("  ").append(e.entry().actor()).append("  ").append(e.entry().action())
                    .append("  ").append(e.entry().subject());
            e.entry().details().forEach((k, v) -> line.append("  ").append(k).append('=').append(v));
            out.println(line);
        }
        if (events.isEmpty()) {
            out.println("no audit events" + (query.since().isPresent() ? " since " + query.since().get() : ""));
        }
        return 0;
    }

    /** A date (the start of that day, UTC) or an instant such as {@code 2026-12-01T10:00:00Z}. */
    static Instant since(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new Args.UsageException("--since must be a date such as 2026-12-01 or a time such as "
                    + "2026-12-01T10:00:00Z, not '" + text + "'");
        }
    }

    static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= AuditQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw new Args.UsageException("--limit must be a whole number from 1 to " + AuditQuery.MAX_LIMIT
                + ", not '" + text + "'");
    }
}
