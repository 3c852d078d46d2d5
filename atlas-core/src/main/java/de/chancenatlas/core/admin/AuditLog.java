package de.chancenatlas.core.admin;

import de.chancenatlas.core.access.Account;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The audit log as administrators read it, filtered and paged. A territory administrator reads the
 * entries of their territories and the account entries (creation, lock, unlock, password reset,
 * tokens) about users who hold a grant there or about themselves; global administrators read all.
 */
public final class AuditLog {
    public static final int MAX_PAGE = 200;

    private final DataSource ds;

    public AuditLog(DataSource ds) {
        this.ds = ds;
    }

    /**
     * @param territory only entries of this territory (and account entries about its users); null: all the reader may see
     * @param user      entries by this login or about it (details.login), any case
     * @param action    one action (grant, unlock_user, publish, …)
     * @param from      first day (inclusive, ISO date, UTC); @param to last day (inclusive)
     */
    public record Query(String territory, String user, String action, String from, String to, int page, int size) { }

    /** One page of entries, newest first: {entries, total, page, size, actions}. */
    public Map<String, Object> read(Account reader, Query q) throws SQLException {
        FieldErrors errors = new FieldErrors();
        LocalDate from = date(errors, "from", q.from());
        LocalDate to = date(errors, "to", q.to());
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "Das Ende liegt vor dem Anfang / the end is before the start");
        }
        if (q.page() < 1) {
            errors.add("page", "Seite ab 1 / page from 1");
        }
        if (q.size() < 1 || q.size() > MAX_PAGE) {
            errors.add("size", "1–" + MAX_PAGE + " Einträge je Seite / entries per page");
        }
        if (q.action() != null && !q.action().isBlank() && !q.action().matches("[a-z_]{1,40}")) {
            errors.add("action", "Unbekannte Aktion / unknown action");
        }
        errors.throwIfAny();
        String[] visible = reader.globalAdmin() ? null : reader.adminTerritories().toArray(String[]::new);
        // entries the reader may see: those of their territories, and account entries (no territory) about
        // a user with a grant there or by/about the reader; then the filters
        String where = " from atlas.audit_log a left join atlas.territory t using (territory_id) where "
                + "(?::text[] is null or t.key = any (?) or (a.territory_id is null and (lower(a.actor) = lower(?) "
                + "  or lower(a.details ->> 'login') = lower(?) or exists (select 1 from atlas.app_user u join atlas.user_grant g using (user_id) "
                + "  join atlas.territory gt on gt.territory_id = g.territory_id "
                + "  where lower(u.login) = lower(a.details ->> 'login') and gt.key = any (?))))) "
                + "and (?::text is null or t.key = ? or (a.territory_id is null and exists (select 1 from atlas.app_user u "
                + "  join atlas.user_grant g using (user_id) join atlas.territory gt on gt.territory_id = g.territory_id "
                + "  where lower(u.login) = lower(a.details ->> 'login') and gt.key = ?))) "
                + "and (?::text is null or lower(a.actor) = lower(?) or lower(a.details ->> 'login') = lower(?)) "
                + "and (?::text is null or a.action = ?) "
                + "and (?::date is null or a.at >= (?::date)::timestamp at time zone 'UTC') "
                + "and (?::date is null or a.at < (?::date + 1)::timestamp at time zone 'UTC')";
        try (Connection c = ds.getConnection()) {
            long total;
            try (var ps = c.prepareStatement("select count(*)" + where)) {
                bind(c, ps, reader, visible, q, from, to);
                var rs = ps.executeQuery();
                rs.next();
                total = rs.getLong(1);
            }
            List<Map<String, Object>> entries = new ArrayList<>();
            try (var ps = c.prepareStatement("select a.audit_id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                    + "a.actor, a.action, t.key, a.details::text" + where + " order by a.at desc, a.audit_id desc limit ? offset ?")) {
                int k = bind(c, ps, reader, visible, q, from, to);
                ps.setInt(k++, q.size());
                ps.setLong(k, (long) (q.page() - 1) * q.size());
                var rs = ps.executeQuery();
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong(1));
                    m.put("at", rs.getString(2));
                    m.put("actor", rs.getString(3));
                    m.put("action", rs.getString(4));
                    m.put("territory", rs.getString(5));
                    try {
                        m.put("details", json.readValue(rs.getString(6), Map.class));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        m.put("details", Map.of());
                    }
                    entries.add(m);
                }
            }
            List<String> actions = new ArrayList<>();
            try (var st = c.createStatement()) {
                var rs = st.executeQuery("select distinct action from atlas.audit_log order by 1");
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entries", entries);
            out.put("total", total);
            out.put("page", q.page());
            out.put("size", q.size());
            out.put("actions", actions);
            return out;
        }
    }

    private static int bind(Connection c, java.sql.PreparedStatement ps, Account reader, String[] visible, Query q, LocalDate from,
                            LocalDate to) throws SQLException {
        java.sql.Array arr = visible == null ? null : c.createArrayOf("text", visible);
        String territory = blank(q.territory());
        String user = blank(q.user());
        String action = blank(q.action());
        int k = 1;
        ps.setArray(k++, arr);
        ps.setArray(k++, arr);
        ps.setString(k++, reader.login());
        ps.setString(k++, reader.login());
        ps.setArray(k++, arr);
        ps.setString(k++, territory);
        ps.setString(k++, territory);
        ps.setString(k++, territory);
        ps.setString(k++, user);
        ps.setString(k++, user);
        ps.setString(k++, user);
        ps.setString(k++, action);
        ps.setString(k++, action);
        ps.setObject(k++, from == null ? null : from.toString(), java.sql.Types.VARCHAR);
        ps.setObject(k++, from == null ? null : from.toString(), java.sql.Types.VARCHAR);
        ps.setObject(k++, to == null ? null : to.toString(), java.sql.Types.VARCHAR);
        ps.setObject(k++, to == null ? null : to.toString(), java.sql.Types.VARCHAR);
        return k;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(FieldErrors errors, String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "Datum als JJJJ-MM-TT / date as YYYY-MM-DD");
            return null;
        }
    }
}
