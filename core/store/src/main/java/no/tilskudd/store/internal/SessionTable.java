package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.tilskudd.api.store.SessionRecord;

/** Reads and writes rows of the {@code console_session} table, on a connection the caller owns. */
final class SessionTable {

    void insert(Connection c, SessionRecord s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_session "
                + "(id_hash, user_name, csrf, stamp, created, last_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.idHash());
            ps.setString(2, s.user());
            ps.setString(3, s.csrf());
            ps.setString(4, s.stamp());
            ps.setObject(5, at(s.created()));
            ps.setObject(6, at(s.lastSeen()));
            ps.executeUpdate();
        }
    }

    Optional<SessionRecord> find(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id_hash, user_name, csrf, stamp, created, last_seen "
                + "FROM console_session WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
        }
    }

    void touch(Connection c, String idHash, Instant lastSeen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE console_session SET last_seen = ? WHERE id_hash = ?")) {
            ps.setObject(1, at(lastSeen));
            ps.setString(2, idHash);
            ps.executeUpdate();
        }
    }

    void delete(Connection c, String idHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            ps.executeUpdate();
        }
    }

    int deleteUser(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE user_name = ?")) {
            ps.setString(1, user);
            return ps.executeUpdate();
        }
    }

    int deleteExpired(Connection c, Instant lastSeenBefore, Instant createdBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE last_seen < ? "
                + "OR created < ?")) {
            ps.setObject(1, at(lastSeenBefore));
            ps.setObject(2, at(createdBefore));
            return ps.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
