package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.submission.SubmissionKey;

/** Reads and writes rows of {@code report_draft} and {@code report_version} on a connection the caller owns. */
final class ReportTable {

    private static final String COLUMNS =
            "scheme_id, report_year, org_unit, status, version, form_version, values_json, updated, updated_by";
    private static final String KEY = " WHERE scheme_id = ? AND report_year = ? AND org_unit = ?";

    /**
     * The latest version of a report; with {@code lock}, the row is locked for the rest of the transaction, so that
     * two saves of one report at once take turns.
     */
    Optional<ReportDraft> find(Connection c, SubmissionKey key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM report_draft" + KEY
                + (lock ? " FOR UPDATE" : ""))) {
            bindKey(ps, 1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(draft(rs)) : Optional.empty();
            }
        }
    }

    List<ReportDraft> find(Connection c, Optional<String> schemeId, Optional<Integer> year, Set<String> orgUnits)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report_draft WHERE 1 = 1");
        schemeId.ifPresent(s -> sql.append(" AND scheme_id = ?"));
        year.ifPresent(y -> sql.append(" AND report_year = ?"));
        if (!orgUnits.isEmpty()) {
            sql.append(" AND org_unit IN (").append(String.join(", ", java.util.Collections.nCopies(orgUnits.size(),
                    "?"))).append(')');
        }
        sql.append(" ORDER BY scheme_id, report_year, org_unit");
        List<ReportDraft> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (schemeId.isPresent()) {
                ps.setString(i++, schemeId.get());
            }
            if (year.isPresent()) {
                ps.setInt(i++, year.get());
            }
            for (String unit : orgUnits.stream().sorted().toList()) {
                ps.setString(i++, unit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(draft(rs));
                }
            }
        }
        return out;
    }

    List<ReportVersion> history(Connection c, SubmissionKey key) throws SQLException {
        List<ReportVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, status, form_version, values_json, saved_at, "
                + "saved_by FROM report_version" + KEY + " ORDER BY version")) {
            bindKey(ps, 1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReportVersion(rs.getInt(1), ReportStatus.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * Writes the report's next version: the latest row (inserted when {@code previous} is empty, which fails with a
     * unique violation when another transaction inserted it meanwhile) and the kept version.
     */
    ReportDraft write(Connection c, SubmissionKey key, Optional<ReportDraft> previous, ReportStatus status,
            String formVersion, String values, String actor, Instant at) throws SQLException {
        ReportDraft next = new ReportDraft(key, status, previous.map(p -> p.version() + 1).orElse(1), formVersion,
                values, at, actor);
        String sql = previous.isPresent()
                ? "UPDATE report_draft SET status = ?, version = ?, form_version = ?, values_json = ?, updated = ?, "
                        + "updated_by = ?" + KEY
                : "INSERT INTO report_draft (status, version, form_version, values_json, updated, updated_by, "
                        + "scheme_id, report_year, org_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.id());
            ps.setInt(2, next.version());
            ps.setString(3, formVersion);
            ps.setString(4, values);
            ps.setObject(5, at.atOffset(ZoneOffset.UTC));
            ps.setString(6, actor);
            bindKey(ps, 7, key);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_version (scheme_id, report_year, org_unit, "
                + "version, status, form_version, values_json, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindKey(ps, 1, key);
            ps.setInt(4, next.version());
            ps.setString(5, status.id());
            ps.setString(6, formVersion);
            ps.setString(7, values);
            ps.setObject(8, at.atOffset(ZoneOffset.UTC));
            ps.setString(9, actor);
            ps.executeUpdate();
        }
        return next;
    }

    /** The audit event of a change: {@code report.draft}, {@code report.submit} or {@code report.reopen}. */
    static AuditEntry event(String actor, String action, ReportDraft d) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Integer.toString(d.version()));
        details.put("status", d.status().id());
        details.put("formVersion", d.formVersion());
        return new AuditEntry(actor, action, d.key().toString(), details);
    }

    private static void bindKey(PreparedStatement ps, int first, SubmissionKey key) throws SQLException {
        ps.setString(first, key.schemeId());
        ps.setInt(first + 1, key.year());
        ps.setString(first + 2, key.orgUnit());
    }

    private static ReportDraft draft(ResultSet rs) throws SQLException {
        return new ReportDraft(new SubmissionKey(rs.getString(1), rs.getInt(2), rs.getString(3)),
                ReportStatus.parse(rs.getString(4)), rs.getInt(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9));
    }
}
