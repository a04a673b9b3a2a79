package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.store.StoredEdition;
import no.tilskudd.api.store.StoredPublication;

/** Reads and writes rows of {@code publication} and {@code publication_edition} on a connection the caller owns. */
final class PublicationTable {

    private static final String COLUMNS = "publication_id, revision, file_name, definition, actor, added_at";
    private static final String EDITION_COLUMNS =
            "publication_id, edition, source, definition, figures, submissions, cut_off, actor, frozen_at";

    /** @throws SQLException a unique-key violation when another upload took the same revision meanwhile */
    StoredPublication insert(Connection c, String id, String fileName, String definition, String actor, Instant now)
            throws SQLException {
        int revision;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(revision), 0) FROM publication WHERE publication_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                revision = rs.getInt(1) + 1;
            }
        }
        StoredPublication p = new StoredPublication(id, revision, fileName, definition, actor, now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO publication (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, revision);
            ps.setString(3, fileName);
            ps.setString(4, definition);
            ps.setString(5, actor);
            ps.setObject(6, now.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return p;
    }

    List<StoredPublication> list(Connection c) throws SQLException {
        List<StoredPublication> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM publication ORDER BY publication_id, revision");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredPublication(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }

    /** @throws SQLException a unique-key violation when the edition exists */
    void insert(Connection c, StoredEdition e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO publication_edition (" + EDITION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.publicationId());
            ps.setString(2, e.edition());
            ps.setString(3, e.source());
            ps.setString(4, e.definition());
            ps.setString(5, e.figures());
            ps.setString(6, e.submissions());
            ps.setObject(7, e.cutOff().atOffset(ZoneOffset.UTC));
            ps.setString(8, e.actor());
            ps.setObject(9, e.frozen().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    List<StoredEdition> editions(Connection c, String publicationId, Optional<String> edition) throws SQLException {
        List<StoredEdition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EDITION_COLUMNS
                + " FROM publication_edition WHERE publication_id = ?"
                + (edition.isPresent() ? " AND edition = ?" : "") + " ORDER BY frozen_at, edition")) {
            ps.setString(1, publicationId);
            if (edition.isPresent()) {
                ps.setString(2, edition.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEdition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }
}
