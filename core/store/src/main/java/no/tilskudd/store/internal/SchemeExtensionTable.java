package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.store.SchemeExtension;

/** Reads and writes rows of the {@code scheme_extension} table on a connection the caller owns. */
final class SchemeExtensionTable {

    List<SchemeExtension> list(Connection c) throws SQLException {
        List<SchemeExtension> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT scheme_id, symbolic_name, actor, approved "
                + "FROM scheme_extension ORDER BY scheme_id, symbolic_name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SchemeExtension(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }

    /** @throws SQLException a unique-key violation when the bundle is approved for the scheme already */
    void insert(Connection c, SchemeExtension x) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheme_extension (scheme_id, symbolic_name, "
                + "actor, approved) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, x.schemeId());
            ps.setString(2, x.symbolicName());
            ps.setString(3, x.actor());
            ps.setObject(4, x.approved().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    boolean delete(Connection c, String schemeId, String symbolicName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM scheme_extension WHERE scheme_id = ? "
                + "AND symbolic_name = ?")) {
            ps.setString(1, schemeId);
            ps.setString(2, symbolicName);
            return ps.executeUpdate() == 1;
        }
    }
}
