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
        return list(territoryKey, limit, 0, null, null);
    }

    /**
     * One page of a territory's batches, newest first.
     * @param kind only batches of this kind (values, boundaries, catalogue, facilities), or null
     * @param query only batches whose file name or author contains it, or whose checksum starts with it; null for all
     */
    public List<Map<String, Object>> list(String territoryKey, int limit, int offset, String kind, String query) throws SQLException {
        String q = query == null || query.isBlank() ? null : query.strip();
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select b.batch_id, b.kind, b.file_name, b.sha256, b.row_count, b.written, b.unchanged, "
                     + "b.created_by, b.created_at, b.status, b.reverted_by, b.reverted_at from atlas.import_batch b "
                     + "join atlas.territory t using (territory_id) where t.key = ? and (?::text is null or b.kind = ?) "
                     + "and (?::text is null or strpos(lower(b.file_name), lower(?)) > 0 or strpos(lower(b.created_by), lower(?)) > 0 "
                     + "or b.sha256 like lower(?) || '%') order by b.batch_id desc limit ? offset ?")) {
            ps.setString(1, territoryKey);
            ps.setString(2, kind);
            ps.setString(3, kind);
            for (int i = 4; i <= 7; i++) {
                ps.setString(i, q);
            }
            ps.setInt(8, Math.max(1, Math.min(limit, 1000)));
            ps.setInt(9, Math.max(0, offset));
            return rows(ps.executeQuery());
        }
    }

    private static List<Map<String, Object>> rows(java.sql.ResultSet rs) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                m.put(rs.getMetaData().getColumnLabel(i), v instanceof java.sql.Timestamp ts ? ts.toInstant().toString()
                        : v instanceof java.sql.Date d ? d.toString() : v);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * One batch with what it touched: for values the indicators, levels and periods of the values it
     * wrote (still current or replaced later since), for boundaries the units per level, for facilities
     * the facilities per type, for a catalogue its indicators. Empty when the batch is not the territory's.
     */
    public Optional<Map<String, Object>> details(String territoryKey, long batchId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<Map<String, Object>> head;
            try (var ps = c.prepareStatement("select b.batch_id, b.kind, b.file_name, b.sha256, b.row_count, b.written, b.unchanged, "
                    + "b.created_by, b.created_at, b.status, b.reverted_by, b.reverted_at, b.details ->> 'format' as format "
                    + "from atlas.import_batch b join atlas.territory t using (territory_id) where t.key = ? and b.batch_id = ?")) {
                ps.setString(1, territoryKey);
                ps.setLong(2, batchId);
                head = rows(ps.executeQuery());
            }
            if (head.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> out = head.get(0);
            try (var ps = c.prepareStatement("""
                    with w as (select indicator_id, unit_id, stichtag, true as current from atlas.indicator_value where batch_id = ?
                               union all
                               select indicator_id, unit_id, stichtag, false from atlas.indicator_value_history where batch_id = ?)
                    select i.key as indicator, i.title, l.key as level, l.name as level_name,
                           atlas.period_key(w.stichtag, i.periodicity) as period, atlas.period_label(w.stichtag, i.periodicity) as period_label,
                           count(*) as "values", count(*) filter (where w.current) as current
                    from w join atlas.indicator i using (indicator_id) join atlas.spatial_unit u using (unit_id)
                    join atlas.unit_level l on l.level_id = u.level_id
                    group by i.key, i.title, l.key, l.name, l.rank, w.stichtag, i.periodicity order by i.key, l.rank, w.stichtag""")) {
                ps.setLong(1, batchId);
                ps.setLong(2, batchId);
                out.put("values", rows(ps.executeQuery()));
            }
            try (var ps = c.prepareStatement("select count(*) from atlas.indicator_value_history where replaced_by = ?")) {
                ps.setLong(1, batchId);
                var rs = ps.executeQuery();
                rs.next();
                out.put("replaced", rs.getLong(1));
            }
            try (var ps = c.prepareStatement("select l.key as level, l.name as level_name, count(*) as units from atlas.spatial_unit u "
                    + "join atlas.unit_level l using (level_id) where u.batch_id = ? group by l.key, l.name, l.rank order by l.rank")) {
                ps.setLong(1, batchId);
                out.put("units", rows(ps.executeQuery()));
            }
            try (var ps = c.prepareStatement("select facility_type as type, count(*) as facilities from atlas.facility where batch_id = ? "
                    + "group by facility_type order by facility_type")) {
                ps.setLong(1, batchId);
                out.put("facilities", rows(ps.executeQuery()));
            }
            try (var ps = c.prepareStatement("select key as indicator, title from atlas.indicator where batch_id = ? order by key")) {
                ps.setLong(1, batchId);
                out.put("indicators", rows(ps.executeQuery()));
            }
            return Optional.of(out);
        }
    }

    /**
     * What reverting a batch would do, without doing it: how many values come back (those it
     * replaced) and how many go (those it added), of which indicators and periods; or why it cannot
     * be reverted ({@code revertible} false and {@code reason}, German and English).
     */
    public Map<String, Object> revertPreview(String territoryKey, long batchId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("batch_id", batchId);
            Problem refusal = refusal(c, territoryKey, batchId, false);
            out.put("revertible", refusal == null);
            if (refusal != null) {
                out.put("reason", Map.of("de", refusal.de(), "en", refusal.en()));
                out.put("reason_kind", refusal.kind().name());
                return out;
            }
            try (var ps = c.prepareStatement("""
                    select (select count(*) from (select distinct indicator_id, unit_id, stichtag from atlas.indicator_value_history
                                                  where replaced_by = ?) r) as restore,
                           (select count(*) from atlas.indicator_value v where v.batch_id = ? and not exists (
                               select 1 from atlas.indicator_value_history h where h.replaced_by = ? and h.indicator_id = v.indicator_id
                               and h.unit_id = v.unit_id and h.stichtag = v.stichtag)) as remove""")) {
                ps.setLong(1, batchId);
                ps.setLong(2, batchId);
                ps.setLong(3, batchId);
                var rs = ps.executeQuery();
                rs.next();
                out.put("restore", rs.getLong(1));
                out.put("remove", rs.getLong(2));
            }
            try (var ps = c.prepareStatement("""
                    with k as (select indicator_id, stichtag from atlas.indicator_value where batch_id = ?
                               union select indicator_id, stichtag from atlas.indicator_value_history where replaced_by = ?)
                    select i.key as indicator, i.title, array_agg(distinct atlas.period_label(k.stichtag, i.periodicity)) as periods
                    from k join atlas.indicator i using (indicator_id) group by i.key, i.title order by i.key""")) {
                ps.setLong(1, batchId);
                ps.setLong(2, batchId);
                var rs = ps.executeQuery();
                List<Map<String, Object>> indicators = new ArrayList<>();
                java.util.TreeSet<String> periods = new java.util.TreeSet<>();
                while (rs.next()) {
                    List<String> ps2 = List.of((String[]) rs.getArray(3).getArray());
                    periods.addAll(ps2);
                    indicators.add(Map.of("indicator", rs.getString(1), "title", rs.getString(2), "periods", ps2));
                }
                out.put("indicators", indicators);
                out.put("periods", List.copyOf(periods));
            }
            return out;
        }
    }

    /** Why a batch cannot be reverted (unknown here, reverted already, not values, replaced later), or null. */
    private static Problem refusal(Connection c, String territoryKey, long batchId, boolean lock) throws SQLException {
        try (var ps = c.prepareStatement("select b.kind, b.status from atlas.import_batch b join atlas.territory t "
                + "using (territory_id) where b.batch_id = ? and t.key = ?" + (lock ? " for update" : ""))) {
            ps.setLong(1, batchId);
            ps.setString(2, territoryKey);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return Problem.Kind.BATCH_NOT_FOUND.at(null, null, String.valueOf(batchId));
            }
            if ("reverted".equals(rs.getString(2))) {
                return Problem.Kind.BATCH_ALREADY_REVERTED.at(null, null, String.valueOf(batchId));
            }
            if (!"values".equals(rs.getString(1))) {
                return Problem.Kind.BATCH_NOT_REVERTIBLE.at(null, null, rs.getString(1));
            }
        }
        try (var ps = c.prepareStatement("select min(replaced_by) from atlas.indicator_value_history where batch_id = ?")) {
            ps.setLong(1, batchId);
            var rs = ps.executeQuery();
            rs.next();
            long later = rs.getLong(1);
            if (!rs.wasNull()) {
                return Problem.Kind.BATCH_REPLACED_LATER.at(null, null, String.valueOf(batchId), later);
            }
        }
        return null;
    }

    /**
     * The history of one value (indicator, unit, period): every batch that set it, newest first, with
     * the value it set, who and when, and which batch replaced it; the first entry is the current value
     * ({@code current} true) unless the value was removed. Values formatted with the indicator's decimals.
     */
    public Optional<Map<String, Object>> history(String territoryKey, String indicatorKey, String unitCode, String period)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            int indicatorId;
            int decimals;
            java.time.LocalDate stichtag;
            Map<String, Object> out = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("select i.indicator_id, i.decimals, i.periodicity, i.title, i.unit_label from atlas.indicator i "
                    + "join atlas.territory t using (territory_id) where t.key = ? and i.key = ?")) {
                ps.setString(1, territoryKey);
                ps.setString(2, indicatorKey);
                var rs = ps.executeQuery();
                if (!rs.next()) {
                    return Optional.empty();
                }
                indicatorId = rs.getInt(1);
                decimals = rs.getInt(2);
                stichtag = de.chancenatlas.core.text.Periodicity.parse(rs.getString(3)).stichtag(period);
                out.put("indicator", indicatorKey);
                out.put("indicator_title", rs.getString(4));
                out.put("unit_label", rs.getString(5));
            }
            try (var ps = c.prepareStatement("select u.code, u.name, atlas.period_key(?::date, i.periodicity), atlas.period_label(?::date, i.periodicity) "
                    + "from atlas.indicator i left join atlas.spatial_unit u on u.territory_id = i.territory_id and u.code = ? "
                    + "and u.validity @> ?::date where i.indicator_id = ?")) {
                ps.setObject(1, stichtag);
                ps.setObject(2, stichtag);
                ps.setString(3, unitCode);
                ps.setObject(4, stichtag);
                ps.setInt(5, indicatorId);
                var rs = ps.executeQuery();
                rs.next();
                out.put("unit", unitCode);
                out.put("unit_name", rs.getString(2));
                out.put("period", rs.getString(3));
                out.put("period_label", rs.getString(4));
            }
            try (var ps = c.prepareStatement("""
                    with u as (select u.unit_id from atlas.spatial_unit u join atlas.territory t using (territory_id)
                               where t.key = ? and u.code = ? and u.validity @> ?::date),
                    h as (select v.value, v.numerator, v.denominator, v.status, v.batch_id, null::bigint as replaced_by,
                                 null::timestamptz as replaced_at, true as current, 0 as history_id
                          from atlas.indicator_value v join u using (unit_id) where v.indicator_id = ? and v.stichtag = ?::date
                          union all
                          select v.value, v.numerator, v.denominator, v.status, v.batch_id, v.replaced_by, v.replaced_at, false, v.history_id
                          from atlas.indicator_value_history v join u using (unit_id) where v.indicator_id = ? and v.stichtag = ?::date)
                    select h.batch_id, b.file_name, b.created_by, b.created_at, b.status as batch_status,
                           coalesce(h.value, h.numerator * i.scale_factor / h.denominator) as value, h.numerator, h.denominator,
                           h.status, h.current, h.replaced_by, h.replaced_at, r.created_by as replaced_by_user
                    from h join atlas.import_batch b on b.batch_id = h.batch_id join atlas.indicator i on i.indicator_id = ?
                    left join atlas.import_batch r on r.batch_id = h.replaced_by
                    order by h.current desc, h.batch_id desc, h.history_id desc""")) {
                ps.setString(1, territoryKey);
                ps.setString(2, unitCode);
                ps.setObject(3, stichtag);
                ps.setInt(4, indicatorId);
                ps.setObject(5, stichtag);
                ps.setInt(6, indicatorId);
                ps.setObject(7, stichtag);
                ps.setInt(8, indicatorId);
                List<Map<String, Object>> entries = rows(ps.executeQuery());
                for (Map<String, Object> m : entries) {
                    m.put("formatted", m.get("value") == null ? null
                            : de.chancenatlas.core.text.GermanFormat.format((java.math.BigDecimal) m.get("value"), decimals));
                    for (String k : new String[] {"numerator", "denominator"}) {
                        if (m.get(k) != null) {
                            m.put(k + "_formatted", de.chancenatlas.core.text.GermanFormat.format((java.math.BigDecimal) m.get(k),
                                    ((java.math.BigDecimal) m.get(k)).stripTrailingZeros().scale() > 0 ? 2 : 0));
                        }
                    }
                }
                out.put("entries", entries);
                return Optional.of(out);
            }
        }
    }

    /**
     * Reverts a values batch: its values are removed and the values it replaced come back from history.
     * Refused while a later batch has replaced any of its values (revert that one first), so a revert
     * never silently discards newer data. Boundary and catalogue batches are not revertible here.
     */
    public void revert(String territoryKey, long batchId, String actor) throws SQLException {
        Transactions.inTransaction(ds, c -> {
            Problem refusal = refusal(c, territoryKey, batchId, true);
            if (refusal != null) {
                throw new ImportRejected(refusal);
            }
            int territoryId = ValueImporter.territoryId(c, territoryKey);
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
