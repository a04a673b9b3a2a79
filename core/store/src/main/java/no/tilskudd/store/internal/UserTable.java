package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;

/**
 * Reads and writes rows of the {@code console_user} table and the org units of each user
 * ({@code console_user_org_unit}), on a connection the caller owns; the changes of several statements expect the
 * caller's transaction.
 */
final class UserTable {

    private static final String COLUMNS = "name, role, salt, hash, iterations, created";

    List<UserRecord> list(Connection c) throws SQLException {
        // The users first: a user added after this read is left out, rather than seen without its org units.
        List<UserRecord> bare = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM console_user ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bare.add(row(rs, List.of()));
            }
        }
        Map<String, List<String>> units = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_name, org_unit FROM console_user_org_unit "
                + "ORDER BY user_name, org_unit"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<UserRecord> out = new ArrayList<>(bare.size());
        for (UserRecord u : bare) {
            out.add(new UserRecord(u.name(), u.role(), u.salt(), u.hash(), u.iterations(), u.created(),
                    units.getOrDefault(u.name(), List.of())));
        }
        return out;
    }

    Optional<UserRecord> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM console_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, orgUnits(c, name))) : Optional.empty();
            }
        }
    }

    /**
     * Locks the one row that every change of the users takes first, until the caller's transaction ends: another
     * transaction doing the same, on any host, waits here, and then sees what this one committed.
     */
    void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE console_user_guard SET changes = changes + 1 "
                + "WHERE id = 1")) {
            if (ps.executeUpdate() != 1) {
                throw new StoreException("the table console_user_guard has lost its row (id 1); restore it with "
                        + "INSERT INTO console_user_guard (id, changes) VALUES (1, 0)");
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
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        insertOrgUnits(c, u);
        return true;
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
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_user_org_unit WHERE user_name = ?")) {
            ps.setString(1, u.name());
            ps.executeUpdate();
        }
        insertOrgUnits(c, u);
        return true;
    }

    /**
     * With the lock held ({@link #lock}): whether changing or removing the stored user would leave no user of the
     * role.
     *
     * @param name     the user
     * @param keptRole the role to keep
     * @param newRole  the user's role after the change, or null for a removal
     * @return the refusal, or empty when the change may go ahead
     */
    Optional<UserRecords.Change> refusal(Connection c, String name, String keptRole, String newRole)
            throws SQLException {
        String role;
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM console_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(UserRecords.Change.NO_SUCH_USER);
                }
                role = rs.getString(1);
            }
        }
        if (!role.equals(keptRole) || keptRole.equals(newRole)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM console_user WHERE role = ? "
                + "AND name <> ?")) {
            ps.setString(1, keptRole);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0 ? Optional.empty() : Optional.of(UserRecords.Change.LAST_OF_ROLE);
            }
        }
    }

    /** Removes a user; its org units go with it (the foreign key cascades). */
    boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_user WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    private static void insertOrgUnits(Connection c, UserRecord u) throws SQLException {
        if (u.orgUnits().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_user_org_unit (user_name, org_unit) "
                + "VALUES (?, ?)")) {
            for (String unit : u.orgUnits()) {
                ps.setString(1, u.name());
                ps.setString(2, unit);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<String> orgUnits(Connection c, String name) throws SQLException {
        List<String> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT org_unit FROM console_user_org_unit "
                + "WHERE user_name = ? ORDER BY org_unit")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
        }
        return units;
    }

    private static UserRecord row(ResultSet rs, List<String> orgUnits) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), orgUnits);
    }
}
