package de.chancenatlas.core.imports;

import de.chancenatlas.core.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Import batches: provenance records, the idempotence check, and reverting a batch. */
public final class Batches {
    private final DataSource ds;

    public Batches(DataSource ds) {
        this.ds = ds;
    }

    /**
     * The live (not reverted) batch that imported exactly this file with the same options into this
     * territory, if any: importing it again changes nothing.
     */
    public static Optional<Long> sameFile(Connection c, int territoryId, String kind, String sha256, String optionsJson) throws SQLException {
        try (var ps = c.prepareStatement("select batch_id from atlas.import_batch where territory_id = ? and kind = ? "
                + "and sha256 = ? and status = 'done' and details -> 'options' = ?::jsonb order by batch_id desc limit 1")) {
            ps.setInt(1, territoryId);
            ps.setString(2, kind);
            ps.setString(3, sha256);
            ps.setString(4, optionsJson);
            var rs = ps.executeQuery();
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    public static long create(Connection c, int territoryId, String kind, ImportSource src, int rows, String optionsJson) throws SQLException {
        try (var ps = c.prepareStatement("insert into atlas.import_batch (territory_id, kind, file_name, sha256, row_count, created_by, details) "
                + "values (?, ?, ?, ?, ?, ?, jsonb_build_object('options', ?::jsonb)) returning batch_id")) {
            ps.setInt(1, territoryId);
            ps.setString(2, kind);
            ps.setString(3, src.fileName());
            ps.setString(4, src.sha256());
            ps.setInt(5, rows);
            ps.setString(6, src.actor());
            ps.setString(7, optionsJson);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void finish(Connection c, long batchId, int written, int unchanged, String detailsJson) throws SQLException {
        try (var ps = c.prepareStatement("update atlas.import_batch set written = ?, unchanged = ?, details = details || ?::jsonb where batch_id = ?")) {
            ps.setInt(1, written);
            ps.setInt(2, unchanged);
            ps.setString(3, detailsJson == null ? "{}" : detailsJson);
            ps.setLong(4, batchId);
            ps.executeUpdate();
        }
    }

    /**
     * An integrity error of the database (a constraint or trigger of the schema refused the data) as
     * a rejection the user can read; anything else is passed on.
     */
    public static RuntimeException integrity(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("23") || state.equals("22P02") || state.equals("22003"))) {
            String msg = e.getMessage() == null ? state : e.getMessage().replaceFirst("^ERROR: ", "").lines().findFirst().orElse(state);
            return new ImportRejected(Problem.Kind.CONFLICT.at(null, null, null, msg));
        }
        return null;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The options of an import as JSON: part of its identity, so the same file with other options is a new import. */
    public static String options(Object options) {
        try {
            return options == null ? "{}" : JSON.writeValueAsString(options);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The batches of a territory, newest first. */
    public List<Map<String, Object>> list(String territoryKey, int limit) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select b.batch_id, b.kind, b.file_name, b.sha256, b.row_count, b.written, b.unchanged, "
                     + "b.created_by, b.created_at, b.status, b.reverted_by, b.reverted_at from atlas.import_batch b "
                     + "join atlas.territory t using (territory_id) where t.key = ? order by b.batch_id desc limit ?")) {
            ps.setString(1, territoryKey);
            ps.setInt(2, Math.max(1, Math.min(limit, 1000)));
            var rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    m.put(rs.getMetaData().getColumnLabel(i), v instanceof java.sql.Timestamp ts ? ts.toInstant().toString() : v);
                }
                out.add(m);
            }
            return out;
        }
    }

    /**
     * Reverts a values batch: its values are removed and the values it replaced come back from history.
     * Refused while a later batch has replaced any of its values (revert that one first), so a revert
     * never silently discards newer data. Boundary and catalogue batches are not revertible here.
     */
    public void revert(String territoryKey, long batchId, String actor) throws SQLException {
        Transactions.inTransaction(ds, c -> {
            String kind;
            int territoryId;
            try (var ps = c.prepareStatement("select b.kind, b.status, b.territory_id from atlas.import_batch b join atlas.territory t "
                    + "using (territory_id) where b.batch_id = ? and t.key = ? for update")) {
                ps.setLong(1, batchId);
                ps.setString(2, territoryKey);
                var rs = ps.executeQuery();
                if (!rs.next()) {
                    throw new ImportRejected(Problem.Kind.BATCH_NOT_FOUND.at(null, null, String.valueOf(batchId)));
                }
                kind = rs.getString(1);
                territoryId = rs.getInt(3);
                if ("reverted".equals(rs.getString(2))) {
                    throw new ImportRejected(Problem.Kind.BATCH_ALREADY_REVERTED.at(null, null, String.valueOf(batchId)));
                }
            }
            if (!"values".equals(kind)) {
                throw new ImportRejected(Problem.Kind.BATCH_NOT_REVERTIBLE.at(null, null, kind));
            }
            try (var ps = c.prepareStatement("select min(replaced_by) from atlas.indicator_value_history where batch_id = ?")) {
                ps.setLong(1, batchId);
                var rs = ps.executeQuery();
                rs.next();
                long later = rs.getLong(1);
                if (!rs.wasNull()) {
                    throw new ImportRejected(Problem.Kind.BATCH_REPLACED_LATER.at(null, null, String.valueOf(batchId), later));
                }
            }
            try (var st = c.createStatement()) {
                st.execute("delete from atlas.indicator_value where batch_id = " + batchId);
                // restore what this batch replaced: the newest history row per key
                st.execute("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, numerator, "
                        + "denominator, status, batch_id) "
                        + "select distinct on (indicator_id, unit_id, stichtag) territory_id, indicator_id, unit_id, stichtag, value, "
                        + "numerator, denominator, status, batch_id from atlas.indicator_value_history "
                        + "where replaced_by = " + batchId + " order by indicator_id, unit_id, stichtag, history_id desc");
                st.execute("delete from atlas.indicator_value_history where replaced_by = " + batchId);
            }
            try (var ps = c.prepareStatement("update atlas.import_batch set status = 'reverted', reverted_by = ?, reverted_at = now() where batch_id = ?")) {
                ps.setString(1, actor);
                ps.setLong(2, batchId);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("insert into atlas.audit_log (territory_id, action, actor, details) values (?, 'revert_batch', ?, jsonb_build_object('batch_id', ?))")) {
                ps.setInt(1, territoryId);
                ps.setString(2, actor);
                ps.setLong(3, batchId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
