package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.store.SchemeOwner;

/** Reads and writes rows of the {@code scheme_owner} table on a connection the caller owns. */
final class SchemeOwnerTable {

    private static final String COLUMNS = "scheme_id, symbolic_name, signer, how, actor, since";

    List<SchemeOwner> list(Connection c) throws SQLException {
        List<SchemeOwner> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scheme_owner ORDER BY scheme_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    Optional<SchemeOwner> find(Connection c, String schemeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM scheme_owner WHERE scheme_id = ?")) {
            ps.setString(1, schemeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** @throws SQLException a unique-key violation when the id has an owner */
    void insert(Connection c, SchemeOwner o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheme_owner (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, o.schemeId());
            set(ps, 2, o);
            ps.executeUpdate();
        }
    }

    boolean update(Connection c, SchemeOwner o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scheme_owner SET symbolic_name = ?, signer = ?, "
                + "how = ?, actor = ?, since = ? WHERE scheme_id = ?")) {
            set(ps, 1, o);
            ps.setString(6, o.schemeId());
            return ps.executeUpdate() == 1;
        }
    }

    private static void set(PreparedStatement ps, int from, SchemeOwner o) throws SQLException {
        ps.setString(from, o.symbolicName());
        if (o.signer().isPresent()) {
            ps.setString(from + 1, o.signer().get());
        } else {
            ps.setNull(from + 1, Types.VARCHAR);
        }
        ps.setString(from + 2, o.how().name());
        ps.setString(from + 3, o.actor());
        ps.setObject(from + 4, o.since().atOffset(ZoneOffset.UTC));
    }

    private static SchemeOwner row(ResultSet rs) throws SQLException {
        return new SchemeOwner(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                SchemeOwner.How.valueOf(rs.getString(4)), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
