package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.store.DuplicateGrantException;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.submission.SubmissionKey;

/** Reads and writes rows of the {@code scheme_grant} table, on a connection (and transaction) the caller owns. */
final class GrantTable {

    private static final String COLUMNS = "scheme_id, scheme_name, grant_year, org_unit, amount, decision_date, "
            + "case_number, reporting_deadline, source, imported_at";

    /**
     * Saves a batch: refuses repeated keys, and stored ones unless replacing; deletes the stored ones it replaces.
     * A concurrent insert of the same key fails on the unique key, which the caller turns into a duplicate.
     */
    SaveResult save(Connection c, List<Grant> batch, boolean replace, String source, Instant at,
            Runnable afterCheck) throws SQLException {
        Set<SubmissionKey> seen = new HashSet<>();
        Set<SubmissionKey> duplicates = new LinkedHashSet<>();
        for (Grant g : batch) {
            if (!seen.add(g.key())) {
                duplicates.add(g.key());
            }
        }
        Set<SubmissionKey> stored = storedKeySet(c, batch);
        List<SubmissionKey> existing = new ArrayList<>();
        for (Grant g : batch) {
            if (stored.contains(g.key())) {
                existing.add(g.key());
                if (!replace) {
                    duplicates.add(g.key());
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateGrantException(List.copyOf(duplicates));
        }
        afterCheck.run();
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM scheme_grant WHERE scheme_id = ? AND grant_year = ? AND org_unit = ?")) {
            for (SubmissionKey k : existing) {
                ps.setString(1, k.schemeId());
                ps.setInt(2, k.year());
                ps.setString(3, k.orgUnit());
                ps.addBatch();
            }
            if (!existing.isEmpty()) {
                ps.executeBatch();
            }
        }
        OffsetDateTime importedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheme_grant (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Grant g : batch) {
                ps.setString(1, g.schemeId());
                setText(ps, 2, g.schemeName());
                ps.setInt(3, g.year());
                ps.setString(4, g.orgUnit());
                ps.setBigDecimal(5, g.amount());
                setDate(ps, 6, g.decisionDate());
                setText(ps, 7, g.caseNumber());
                setDate(ps, 8, g.reportingDeadline());
                ps.setString(9, source);
                ps.setObject(10, importedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new SaveResult(batch.size() - existing.size(), existing.size());
    }

    /** The keys of the batch that are stored now, in the batch's order. */
    List<SubmissionKey> storedKeys(Connection c, List<Grant> batch) throws SQLException {
        Set<SubmissionKey> stored = storedKeySet(c, batch);
        return batch.stream().map(Grant::key).filter(stored::contains).distinct().toList();
    }

    private static Set<SubmissionKey> storedKeySet(Connection c, List<Grant> batch) throws SQLException {
        Set<String> schemeYears = new LinkedHashSet<>();
        Set<SubmissionKey> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org_unit FROM scheme_grant WHERE scheme_id = ? AND grant_year = ?")) {
            for (Grant g : batch) {
                if (!schemeYears.add(g.schemeId() + "\n" + g.year())) {
                    continue;
                }
                ps.setString(1, g.schemeId());
                ps.setInt(2, g.year());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new SubmissionKey(g.schemeId(), g.year(), rs.getString(1)));
                    }
                }
            }
        }
        return stored;
    }

    List<StoredGrant> find(Connection c, Optional<String> schemeId, Optional<Integer> year) throws SQLException {
        List<String> conditions = new ArrayList<>();
        schemeId.ifPresent(s -> conditions.add("scheme_id = ?"));
        year.ifPresent(y -> conditions.add("grant_year = ?"));
        String sql = "SELECT " + COLUMNS + " FROM scheme_grant"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY scheme_id, grant_year, org_unit";
        List<StoredGrant> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (schemeId.isPresent()) {
                ps.setString(i++, schemeId.get());
            }
            if (year.isPresent()) {
                ps.setInt(i, year.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Grant g = new Grant(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getInt(3),
                            rs.getString(4), rs.getBigDecimal(5), date(rs, 6),
                            Optional.ofNullable(rs.getString(7)), date(rs, 8));
                    found.add(new StoredGrant(g, rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return found;
    }

    /** The event of a save of grants: which file, which schemes and years, how many new and replaced. */
    static AuditEntry saved(String actor, String source, List<Grant> batch, SaveResult result) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("inserted", Integer.toString(result.inserted()));
        details.put("replaced", Integer.toString(result.replaced()));
        TreeSet<String> schemeYears = new TreeSet<>();
        TreeSet<String> units = new TreeSet<>();
        for (Grant g : batch) {
            schemeYears.add(g.schemeId() + " " + g.year());
            units.add(g.orgUnit());
        }
        details.put("schemeYears", String.join(", ", schemeYears));
        details.put("orgUnits", Integer.toString(units.size()));
        if (units.size() <= AuditTable.NAMED_UNITS) {
            details.put("orgUnitCodes", String.join(", ", units));
        }
        return new AuditEntry(actor, result.replaced() > 0 ? "grants.replace" : "grants.import", source, details);
    }

    private static Optional<LocalDate> date(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }

    private static void setText(PreparedStatement ps, int i, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(i, value.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static void setDate(PreparedStatement ps, int i, Optional<LocalDate> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(i, value.get());
        } else {
            ps.setNull(i, Types.DATE);
        }
    }
}
