package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.store.UserRecord;

/** Reads and writes rows of the {@code console_user} table, on a connection the caller owns. */
final class UserTable {

    private static final String COLUMNS = "name, role, salt, hash, iterations, created";

    List<UserRecord> list(Connection c) throws SQLException {
        List<UserRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM console_user ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    Optional<UserRecord> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM console_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** @throws SQLException a unique-key violation when the name is taken */
    boolean insert(Connection c, UserRecord u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_user (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, u.name());
            ps.setString(2, u.role());
            ps.setString(3, u.salt());
            ps.setString(4, u.hash());
            ps.setInt(5, u.iterations());
            ps.setString(6, u.created());
            return ps.executeUpdate() == 1;
        }
    }

    boolean update(Connection c, UserRecord u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE console_user SET role = ?, salt = ?, hash = ?, "
                + "iterations = ?, created = ? WHERE name = ?")) {
            ps.setString(1, u.role());
            ps.setString(2, u.salt());
            ps.setString(3, u.hash());
            ps.setInt(4, u.iterations());
            ps.setString(5, u.created());
            ps.setString(6, u.name());
            return ps.executeUpdate() == 1;
        }
    }

    boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_user WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    private static UserRecord row(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6));
    }
}
