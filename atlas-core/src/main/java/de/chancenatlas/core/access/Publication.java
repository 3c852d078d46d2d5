package de.chancenatlas.core.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.admin.FieldErrors;
import de.chancenatlas.core.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a territory publishes: indicators per unit level, its disclosure settings, and whether its
 * public area is live (enough indicators published, the KECK rule). Every change is logged.
 * The rules themselves are applied in the public views (sql/V5), not here.
 */
public final class Publication {

    /** The disclosure settings a territory or indicator may carry, with their meaning for validation. */
    private static final Set<String> DISCLOSURE_KEYS = Set.of("threshold", "suppress_zero", "secondary", "min_population",
            "population_indicator", "round_to", "min_candidates", "footnote", "footnote_no_data");
    private static final Set<String> TERRITORY_ONLY = Set.of("population_indicator", "footnote", "footnote_no_data");

    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    public Publication(DataSource ds) {
        this.ds = ds;
    }

    /** What a territory's public endpoints (API and OGC) say while its public area is not open: the KECK rule. */
    public static String notOpen(String name, String key, int published, int minPublished) {
        return "Der öffentliche Bereich von „" + name + "“ ist noch nicht freigeschaltet: " + published + " von mindestens "
                + minPublished + " Indikatoren veröffentlicht / the public area of '" + key + "' is not open yet ("
                + published + " of at least " + minPublished + " indicators published)";
    }

    /** Publishes an indicator on the given levels (all polygon levels when none are given). */
    public List<String> publish(String territory, String indicator, List<String> levels, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> publish(c, territory, indicator, levels, actor));
    }

    /** Within a running transaction (the catalogue import publishes what its file declares public). */
    public static List<String> publish(Connection c, String territory, String indicator, List<String> levels, String actor)
            throws SQLException {
        int tid = Accounts.territoryId(c, territory);
        int iid = indicatorId(c, tid, indicator);
        List<String> done = new ArrayList<>();
        for (String level : levels(c, tid, levels)) {
            try (var ps = c.prepareStatement("insert into atlas.publication (territory_id, indicator_id, level_id, published_by) "
                    + "select ?, ?, level_id, ? from atlas.unit_level where territory_id = ? and key = ? on conflict do nothing")) {
                ps.setInt(1, tid);
                ps.setInt(2, iid);
                ps.setString(3, actor);
                ps.setInt(4, tid);
                ps.setString(5, level);
                if (ps.executeUpdate() > 0) {
                    done.add(level);
                }
            }
        }
        if (!done.isEmpty()) {
            Accounts.audit(c, tid, "publish", actor, Map.of("indicator", indicator, "levels", done));
        }
        return done;
    }

    /**
     * The levels among {@code levels} (all published ones when null) on which the indicator cannot
     * have values, each with the reason (sql/V10, atlas.v_level_coverage): publishing there shows an
     * empty map, so the administrator is told why. An indicator without any values yet is no
     * warning: data commonly follow the catalogue.
     * @return level, reason code, German and English text
     */
    public List<Map<String, String>> warnings(String territory, String indicator, List<String> levels) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select c.level, c.reason, c.data_level, c.weight_indicator from atlas.v_level_coverage c "
                     + "join atlas.territory t using (territory_id) where t.key = ? and c.indicator = ? and c.reason is not null and c.reason <> 'no_values' "
                     + "and (case when ?::text[] is null then exists (select 1 from atlas.publication p where p.indicator_id = c.indicator_id "
                     + "and p.level_id = c.level_id) else c.level = any(?::text[]) end) order by c.rank")) {
            ps.setString(1, territory);
            ps.setString(2, indicator);
            java.sql.Array a = levels == null || levels.isEmpty() ? null : c.createArrayOf("text", levels.toArray());
            ps.setArray(3, a);
            ps.setArray(4, a);
            var rs = ps.executeQuery();
            while (rs.next()) {
                String[] text = de.chancenatlas.core.read.NoValues.text(rs.getString(2), rs.getString(3), rs.getString(4));
                out.add(Map.of("level", rs.getString(1), "reason", rs.getString(2), "de", text[0], "en", text[1]));
            }
        }
        return out;
    }

    /** Withdraws an indicator from the given levels (all when none are given). */
    public List<String> withdraw(String territory, String indicator, List<String> levels, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> withdraw(c, territory, indicator, levels, actor));
    }

    public static List<String> withdraw(Connection c, String territory, String indicator, List<String> levels, String actor)
            throws SQLException {
        int tid = Accounts.territoryId(c, territory);
        int iid = indicatorId(c, tid, indicator);
        List<String> done = new ArrayList<>();
        for (String level : levels(c, tid, levels)) {
            try (var ps = c.prepareStatement("delete from atlas.publication p using atlas.unit_level l "
                    + "where p.level_id = l.level_id and p.indicator_id = ? and l.key = ?")) {
                ps.setInt(1, iid);
                ps.setString(2, level);
                if (ps.executeUpdate() > 0) {
                    done.add(level);
                }
            }
        }
        if (!done.isEmpty()) {
            Accounts.audit(c, tid, "withdraw", actor, Map.of("indicator", indicator, "levels", done));
        }
        return done;
    }

    /**
     * Unpublished levels of an indicator that the published ones give away anyway, as warnings for
     * the publication screen: a coarser level is the sum (or the ratio of summed counts) of a finer
     * published one; a finer unit that is the only child of a published parent has the parent's
     * value. Empty for indicators that do not aggregate. German first, English after the slash.
     */
    public List<String> derivable(String territory, String indicator) throws SQLException {
        try (Connection c = ds.getConnection()) {
            int tid = Accounts.territoryId(c, territory);
            int iid = indicatorId(c, tid, indicator);
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("""
                    with i as (select kind, aggregation, counts_public from atlas.indicator where indicator_id = ?),
                    lv as (select l.level_id, l.key, l.name, l.name_plural, l.rank,
                                  exists (select 1 from atlas.publication p where p.indicator_id = ? and p.level_id = l.level_id) as published
                           from atlas.unit_level l where l.territory_id = ? and l.geometry_kind = 'polygon')
                    select u.name, coalesce(f.name_plural, f.name), i.kind, i.counts_public
                    from lv u join lv f on f.rank > u.rank and f.published, i
                    where not u.published and i.aggregation <> 'none'
                      and f.rank = (select min(x.rank) from lv x where x.rank > u.rank and x.published)
                    order by u.rank""")) {
                ps.setInt(1, iid);
                ps.setInt(2, iid);
                ps.setInt(3, tid);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    boolean exact = "count".equals(rs.getString(3)) || rs.getBoolean(4);
                    out.add("Die Ebene „" + rs.getString(1) + "“ ist nicht veröffentlicht, lässt sich aber aus den veröffentlichten "
                            + rs.getString(2) + " berechnen (" + (exact ? "genau: Summe der Zählgrößen" : "näherungsweise: Quote aus "
                            + "summierten Zählern und Nennern, so genau wie die veröffentlichten Werte") + ") / the unpublished level '"
                            + rs.getString(1) + "' can be " + (exact ? "computed exactly" : "approximated") + " from the published finer level");
                }
            }
            try (var ps = c.prepareStatement("""
                    select l.name, count(*) from atlas.spatial_unit u
                    join atlas.unit_level l on l.level_id = u.level_id
                    join atlas.spatial_unit par on par.unit_id = u.parent_id
                    join atlas.indicator i on i.indicator_id = ? and i.aggregation <> 'none'
                    where u.territory_id = ? and u.valid_to is null
                      and not exists (select 1 from atlas.publication p where p.indicator_id = i.indicator_id and p.level_id = u.level_id)
                      and exists (select 1 from atlas.publication p where p.indicator_id = i.indicator_id and p.level_id = par.level_id)
                      and (select count(*) from atlas.spatial_unit s where s.parent_id = u.parent_id and s.valid_to is null) = 1
                    group by l.name, l.rank order by l.rank""")) {
                ps.setInt(1, iid);
                ps.setInt(2, tid);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    out.add("Ebene „" + rs.getString(1) + "“: " + rs.getLong(2) + " Gebiet(e) sind einziger Teil ihres veröffentlichten "
                            + "übergeordneten Gebiets und haben dessen Wert / " + rs.getLong(2) + " unit(s) of the unpublished level '"
                            + rs.getString(1) + "' are the only part of a published parent and share its value");
                }
            }
            return out;
        }
    }

    /**
     * What disclosure control withheld in a territory's public area, per indicator, level and period,
     * by rule (sql/V8, atlas.disclosure_report); for administrators. Labels German, keys English.
     */
    public Map<String, Object> disclosureReport(String territory) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return disclosureReport(c, territory);
        }
    }

    private static Map<String, Object> disclosureReport(Connection c, String territory) throws SQLException {
        int tid = Accounts.territoryId(c, territory);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        try (var ps = c.prepareStatement("select * from atlas.disclosure_report(?)")) {
            ps.setInt(1, tid);
            var rs = ps.executeQuery();
            while (rs.next()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("indicator", rs.getString("indicator"));
                r.put("level", rs.getString("level"));
                r.put("period", rs.getString("period"));
                r.put("stichtag", rs.getString("stichtag"));
                r.put("period_label", rs.getString("period_label"));
                r.put("cells", rs.getLong("cells"));
                r.put("published", rs.getLong("published"));
                r.put("coarser", rs.getLong("coarser"));
                Map<String, Long> withheld = new LinkedHashMap<>();
                for (String rule : RULES.keySet()) {
                    long n = rs.getLong(rule.equals("primary") ? "primary_" : rule);
                    withheld.put(rule, n);
                    totals.merge(rule, n, Long::sum);
                }
                totals.merge("coarser", rs.getLong("coarser"), Long::sum);
                totals.merge("cells", rs.getLong("cells"), Long::sum);
                r.put("withheld", withheld);
                rows.add(r);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("territory", territory);
        out.put("rules", RULES);
        out.put("totals", totals);
        out.put("rows", rows);
        return out;
    }

    /** The rules of sql/V8 by the name the report uses, with the label an administrator reads. */
    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("secret", "An der Quelle geheim gehalten");
        r.put("primary", "Primäre Geheimhaltung: Fallzahl unter dem Schwellenwert");
        r.put("population", "Mindestbevölkerung unterschritten: keine Quote");
        r.put("ambiguity", "Quote zurückgehalten: aus Wert und Nenner wäre die Fallzahl rückrechenbar");
        r.put("secondary", "Sekundäre Geheimhaltung: Summe über die Gebietshierarchie");
        r.put("relation", "Sekundäre Geheimhaltung: verknüpfte Indikatoren (Beziehungen im Katalog)");
        RULES = java.util.Collections.unmodifiableMap(r);
    }

    /** Published count, the minimum, whether the public area is live, and each indicator's published levels. */
    public Map<String, Object> status(String territory) throws SQLException {
        try (Connection c = ds.getConnection()) {
            int tid = Accounts.territoryId(c, territory);
            Map<String, Object> out = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("select published, min_published, live from atlas_internal.territory where territory_id = ?")) {
                ps.setInt(1, tid);
                var rs = ps.executeQuery();
                rs.next();
                out.put("published", rs.getInt(1));
                out.put("min_published", rs.getInt(2));
                out.put("live", rs.getBoolean(3));
            }
            Map<String, Object> indicators = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("select key, published_levels from atlas_internal.indicator where territory_id = ? order by sort_order, key")) {
                ps.setInt(1, tid);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    indicators.put(rs.getString(1), List.of((Object[]) rs.getArray(2).getArray()));
                }
            }
            out.put("indicators", indicators);
            return out;
        }
    }

    /**
     * Replaces a territory's disclosure settings and minimum number of published indicators.
     * Unknown keys and wrong types are refused, so a typo cannot silently switch a rule off.
     */
    @SuppressWarnings("unchecked")
    public void saveSettings(String territory, Map<String, Object> disclosure, Integer minPublished, String actor) throws SQLException {
        Map<String, Object> d = disclosure == null ? null : checkDisclosure(disclosure, true);
        if (minPublished != null && (minPublished < 1 || minPublished > 1000)) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "min_published: 1–1000");
        }
        Transactions.inTransaction(ds, c -> {
            int tid = Accounts.territoryId(c, territory);
            if (d != null && d.get("population_indicator") != null) {
                indicatorId(c, tid, (String) d.get("population_indicator"));
            }
            try (var ps = c.prepareStatement("update atlas.territory set settings = settings "
                    + "|| case when ?::jsonb is null then '{}'::jsonb else jsonb_build_object('disclosure', ?::jsonb) end "
                    + "|| case when ?::int is null then '{}'::jsonb else jsonb_build_object('publication', "
                    + "   coalesce(settings -> 'publication', '{}'::jsonb) || jsonb_build_object('min_published', ?::int)) end "
                    + "where territory_id = ?")) {
                String dj = d == null ? null : json.writeValueAsString(d);
                ps.setString(1, dj);
                ps.setString(2, dj);
                ps.setObject(3, minPublished);
                ps.setObject(4, minPublished);
                ps.setInt(5, tid);
                ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("disclosure", d);
            details.put("min_published", minPublished);
            Accounts.audit(c, tid, "settings", actor, details);
            return null;
        });
    }

    /**
     * Validates disclosure settings: known keys, sensible values. The population indicator and the
     * footnotes are the territory's; an indicator may override the rules only.
     */
    public static Map<String, Object> checkDisclosure(Map<String, Object> d, boolean territoryLevel) {
        FieldErrors errors = new FieldErrors();
        disclosureErrors(d, territoryLevel, "", errors);
        if (!errors.errors().isEmpty()) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, errors.errors().get(0).message());
        }
        return d;
    }

    /** Adds one message per wrong setting of {@code d} to {@code errors}, each under {@code prefix} + its key. */
    public static void disclosureErrors(Map<String, Object> d, boolean territoryLevel, String prefix, FieldErrors errors) {
        for (var e : d.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (!DISCLOSURE_KEYS.contains(k) || (!territoryLevel && TERRITORY_ONLY.contains(k))) {
                errors.add(prefix + k, "Unbekannte Einstellung „" + k + "“ (erlaubt: " + DISCLOSURE_KEYS + ") / unknown setting");
                continue;
            }
            String range = switch (k) {
                case "threshold" -> v instanceof Integer i && i >= 0 && i <= 1000 ? null : "eine ganze Zahl 0–1000 / a whole number 0-1000";
                case "round_to" -> v instanceof Integer i && i >= 1 && i <= 100 ? null : "eine ganze Zahl 1–100 / a whole number 1-100";
                case "min_candidates" -> v instanceof Integer i && i >= 2 && i <= 1000 ? null : "eine ganze Zahl 2–1000 / a whole number 2-1000";
                case "min_population" -> v instanceof Number n && n.doubleValue() >= 0 ? null : "eine Zahl ab 0 / a number from 0";
                case "suppress_zero", "secondary" -> v instanceof Boolean ? null : "ja oder nein / true or false";
                default -> v == null || v instanceof String ? null : "ein Text / a text";
            };
            if (range != null) {
                errors.add(prefix + k, "Ungültiger Wert für „" + k + "“: " + v + " – " + range + " / invalid value");
            }
        }
    }

    /**
     * A territory's disclosure rules and per-indicator overrides as the admin console edits them:
     * {@code disclosure} replaces the territory's rules (null keeps them), {@code overrides} replaces the
     * named indicators' own rules (an empty map clears one). Checked as a whole; errors per field
     * ("threshold", "quote.threshold").
     */
    public record DisclosureDraft(Map<String, Object> disclosure, Map<String, Map<String, Object>> overrides) { }

    /** What disclosure control would withhold with the draft: the report of {@link #disclosureReport}, computed and rolled back. */
    public Map<String, Object> disclosurePreview(String territory, DisclosureDraft draft) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                applyDisclosure(c, territory, draft);
                return disclosureReport(c, territory);
            } finally {
                c.rollback();   // a preview: never saved
            }
        }
    }

    /** Saves the draft in one transaction (logged as "settings", which moves the data generation of the public views). */
    public Map<String, Object> saveDisclosure(String territory, DisclosureDraft draft, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            int tid = applyDisclosure(c, territory, draft);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("disclosure", draft.disclosure());
            details.put("overrides", draft.overrides());
            Accounts.audit(c, tid, "settings", actor, details);
            return disclosureReport(c, territory);
        });
    }

    private int applyDisclosure(Connection c, String territory, DisclosureDraft draft) throws SQLException {
        int tid = Accounts.territoryId(c, territory);
        FieldErrors errors = new FieldErrors();
        Map<String, Object> d = draft.disclosure();
        if (d != null) {
            disclosureErrors(d, true, "", errors);
            if (d.get("population_indicator") instanceof String key && !key.isBlank()) {
                String problem = populationIndicatorProblem(c, tid, key);
                if (problem != null) {
                    errors.add("population_indicator", problem);
                }
            }
        }
        Map<String, Map<String, Object>> overrides = draft.overrides() == null ? Map.of() : draft.overrides();
        for (var o : overrides.entrySet()) {
            if (!indicatorExists(c, tid, o.getKey())) {
                errors.add(o.getKey(), "Indikator „" + o.getKey() + "“ gibt es nicht / no such indicator");
            } else if (o.getValue() != null) {
                disclosureErrors(o.getValue(), false, o.getKey() + ".", errors);
            }
        }
        errors.throwIfAny();
        try {
            if (d != null) {
                try (var ps = c.prepareStatement("update atlas.territory set settings = settings || jsonb_build_object('disclosure', ?::jsonb) "
                        + "where territory_id = ?")) {
                    ps.setString(1, json.writeValueAsString(d));
                    ps.setInt(2, tid);
                    ps.executeUpdate();
                }
            }
            try (var ps = c.prepareStatement("update atlas.indicator set disclosure = ?::jsonb where territory_id = ? and key = ?")) {
                for (var o : overrides.entrySet()) {
                    ps.setString(1, json.writeValueAsString(o.getValue() == null ? Map.of() : o.getValue()));
                    ps.setInt(2, tid);
                    ps.setString(3, o.getKey());
                    ps.executeUpdate();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return tid;
    }

    /** The territory's rules and each indicator's own (only those with any), as stored. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> disclosureSettings(String territory) throws SQLException {
        try (Connection c = ds.getConnection()) {
            int tid = Accounts.territoryId(c, territory);
            Map<String, Object> out = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("select coalesce(settings -> 'disclosure', '{}'::jsonb)::text from atlas.territory where territory_id = ?")) {
                ps.setInt(1, tid);
                var rs = ps.executeQuery();
                rs.next();
                out.put("disclosure", json.readValue(rs.getString(1), LinkedHashMap.class));
            }
            Map<String, Object> overrides = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("select key, disclosure::text from atlas.indicator where territory_id = ? order by sort_order, key")) {
                ps.setInt(1, tid);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    overrides.put(rs.getString(1), json.readValue(rs.getString(2), LinkedHashMap.class));
                }
            }
            out.put("overrides", overrides);
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rule for the population indicator (minimum population, Einordnung): a count indicator of the
     * territory. Answers the German/English reason it is not, or null. Used by the disclosure and the
     * settings forms alike.
     */
    public static String populationIndicatorProblem(Connection c, int tid, String key) throws SQLException {
        try (var ps = c.prepareStatement("select kind from atlas.indicator where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return "Indikator „" + key + "“ gibt es in diesem Gebiet nicht / no such indicator";
            }
            String kind = rs.getString(1);
            return "count".equals(kind) ? null
                    : "Der Bevölkerungsindikator muss eine Anzahl sein (Einwohner), nicht „" + kind + "“ / the population indicator must be a count";
        }
    }

    private static boolean indicatorExists(Connection c, int tid, String key) throws SQLException {
        try (var ps = c.prepareStatement("select 1 from atlas.indicator where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            return ps.executeQuery().next();
        }
    }

    private static int indicatorId(Connection c, int tid, String key) throws SQLException {
        try (var ps = c.prepareStatement("select indicator_id from atlas.indicator where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Indikator „" + key + "“ gibt es nicht / no such indicator");
            }
            return rs.getInt(1);
        }
    }

    /** The named levels, checked, or every polygon level when none are named. */
    private static List<String> levels(Connection c, int tid, List<String> levels) throws SQLException {
        List<String> all = new ArrayList<>();
        try (var ps = c.prepareStatement("select key from atlas.unit_level where territory_id = ? and geometry_kind = 'polygon' order by rank")) {
            ps.setInt(1, tid);
            var rs = ps.executeQuery();
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        if (levels == null || levels.isEmpty()) {
            return all;
        }
        for (String l : levels) {
            if (!all.contains(l)) {
                throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Gebietsebene „" + l + "“ gibt es nicht / no such level");
            }
        }
        return levels;
    }
}
