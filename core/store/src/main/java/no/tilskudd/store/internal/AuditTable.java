package no.tilskudd.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.submission.Submission;

/** Reads and appends rows of the {@code audit_event} table, on a connection the caller owns. */
final class AuditTable {

    /** Up to how many org units an import's event names them; the count is always there. */
    static final int NAMED_UNITS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() { };
    private static final int SUBJECT_MAX = 2000;

    AuditEvent insert(Connection c, AuditEntry entry, Instant at) throws SQLException {
        String subject = entry.subject().length() > SUBJECT_MAX
                ? entry.subject().substring(0, SUBJECT_MAX - 1) + "…" : entry.subject();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event "
                + "(recorded_at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(2, clip(entry.actor(), 200));
            ps.setString(3, clip(entry.action(), 100));
            ps.setString(4, subject);
            ps.setString(5, json(entry.details()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new AuditEvent(keys.getLong(1), at, entry);
            }
        }
    }

    List<AuditEvent> read(Connection c, AuditQuery query) throws SQLException {
        // The newest `limit` events, returned oldest first.
        String sql = "SELECT seq, recorded_at, actor, action, subject, details_json FROM audit_event"
                + (query.since().isPresent() ? " WHERE recorded_at >= ?" : "") + " ORDER BY seq DESC LIMIT ?";
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (query.since().isPresent()) {
                ps.setObject(i++, OffsetDateTime.ofInstant(query.since().get(), ZoneOffset.UTC));
            }
            ps.setInt(i, query.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry entry = new AuditEntry(rs.getString(3), rs.getString(4), rs.getString(5),
                            details(rs.getString(6)));
                    events.add(new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            entry));
                }
            }
        }
        Collections.reverse(events);
        return events;
    }

    /** The event of a save: which file, which schemes and years, how many new and replaced, which org units. */
    static AuditEntry saved(String actor, String source, List<Submission> batch, SaveResult result) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("inserted", Integer.toString(result.inserted()));
        details.put("replaced", Integer.toString(result.replaced()));
        TreeSet<String> schemeYears = new TreeSet<>();
        TreeSet<String> units = new TreeSet<>();
        for (Submission s : batch) {
            schemeYears.add(s.schemeId() + " " + s.year());
            units.add(s.orgUnit());
        }
        details.put("schemeYears", String.join(", ", schemeYears));
        details.put("orgUnits", Integer.toString(units.size()));
        if (units.size() <= NAMED_UNITS) {
            details.put("orgUnitCodes", String.join(", ", units));
        }
        return new AuditEntry(actor, result.replaced() > 0 ? "submissions.replace" : "submissions.import", source,
                details);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write audit details: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new StoreException("an audit event's details are not readable: " + e.getMessage(), e);
        }
    }
}
