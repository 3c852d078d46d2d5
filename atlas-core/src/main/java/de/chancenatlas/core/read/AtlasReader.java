package de.chancenatlas.core.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.text.Periodicity;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one read path of the atlas: territories, levels, units, indicators and values, as seen by a
 * {@link Viewer}. The API, exports and reports call this, never the tables directly.
 * A viewer reads a territory through the view family of its audience (sql/V5): staff of the
 * territory the internal views with their role, everyone else the public views (published
 * indicators and levels, disclosure control applied) with the public role.
 */
public final class AtlasReader {
    private final Function<Audience, DataSource> sources;
    private final PublishedViews views;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sources the read pool of each audience; @param views keeps the public views fresh */
    public AtlasReader(Function<Audience, DataSource> sources, PublishedViews views) {
        this.sources = sources;
        this.views = views;
    }

    public AtlasReader(AtlasDatabase db) {
        this(db::dataSource, new PublishedViews(db.dataSource()));
    }

    /**
     * @param settings the territory's configuration (disclosure, publication, report branding), as stored
     * @param live     whether its public area is open (enough indicators published)
     */
    public record Territory(String key, String name, String kind, String ags, int srid, String attribution, Map<String, Object> settings,
                            boolean live, int published, int minPublished) { }

    /** @param extent the current units' bounding box in EPSG:4326 (min lon, min lat, max lon, max lat), for a map's first view */
    public record Level(String key, String name, String namePlural, int rank, String geometryKind, long units, List<Double> extent) { }

    public record Unit(String code, String name, String level, String parentCode, String validFrom, String validTo, double areaKm2) { }

    /**
     * A period: its key ("2015", "2015-H1", "2015-Q2", "2015-06", "2023-03-01", "2023/24"), its
     * Stichtag (ISO date) and its German label ("1. Halbjahr 2015"), all made in sql/V10.
     */
    public record Period(String period, String stichtag, String periodLabel) { }

    /**
     * Whether a level of an indicator has values, and if not, why (sql/V10, atlas.v_level_coverage):
     * {@code no_values}, {@code finer_than_data}, {@code not_aggregated}, {@code no_counts},
     * {@code no_weights}, {@code not_published}; the reason in German and English.
     */
    public record LevelCoverage(String level, boolean hasValues, String reason, String reasonDe, String reasonEn) { }

    /**
     * @param publishedLevels the levels the public sees it on; empty while internal
     * @param periodicity     how often it reports (year, half_year, quarter, month, yearly:MM-DD, school_year:MM-DD)
     * @param periods         the periods with values, in Stichtag order
     * @param weightIndicator the indicator weighting a weighted_mean aggregation, else null
     * @param levels          each polygon level: values or the reason there are none
     */
    public record Indicator(String key, String theme, String themeTitle, String title, String shortTitle, String definition,
                            String interpretation, String formula, String numeratorLabel, String denominatorLabel,
                            String unitLabel, BigDecimal scaleFactor, int decimals, String polarity, String kind,
                            String aggregation, String source, String updateCycle, String department, String visibility,
                            boolean countsPublic, Map<String, Object> classification, List<Period> periods,
                            List<String> publishedLevels, String periodicity, String periodicityLabel, String weightIndicator,
                            List<LevelCoverage> levels) {

        /**
         * The period a text names: a key, a Stichtag or a form the periodicity reads; a bare year
         * of sub-annual data is the latest period of that year with values (so ?period=2015 and
         * reports for 2015 keep working). A {@link Periodicity.NotAPeriod} otherwise.
         */
        public Period period(String text) {
            String t = text.strip();
            for (Period p : periods) {
                if (p.period().equals(t) || p.stichtag().equals(t)) {
                    return p;
                }
            }
            try {
                java.time.LocalDate d = Periodicity.parse(periodicity).stichtag(t);
                return periods.stream().filter(p -> p.stichtag().equals(d.toString())).findFirst().orElse(new Period(t, d.toString(), t));
            } catch (Periodicity.NotAPeriod e) {
                if (t.matches("\\d{4}")) {
                    Period inYear = null;
                    for (Period p : periods) {
                        if (p.stichtag().startsWith(t + "-")) {
                            inYear = p;
                        }
                    }
                    if (inYear != null) {
                        return inYear;
                    }
                }
                throw e;
            }
        }

        /** The latest period, or null without values. */
        public Period latest() {
            return periods.isEmpty() ? null : periods.get(periods.size() - 1);
        }

        /** Keys of the periods, in order. */
        public List<String> periodKeys() {
            return periods.stream().map(Period::period).toList();
        }

        public LevelCoverage coverage(String level) {
            return levels.stream().filter(l -> l.level().equals(level)).findFirst().orElse(null);
        }
    }

    /**
     * @param period      the period's key, {@code stichtag} its date, {@code periodLabel} its German label
     * @param formatted   German number, "–" withheld (secret or suppressed), "x" no data
     */
    public record Value(String unitCode, String unitName, String period, String stichtag, String periodLabel, BigDecimal value,
                        String formatted, BigDecimal numerator, BigDecimal denominator, String status, boolean aggregated) { }

    /** The audience a viewer reads a territory as. */
    public static Audience audience(Viewer viewer, String territory) {
        return viewer.isInternalFor(territory) ? Audience.INTERNAL : Audience.PUBLIC;
    }

    private Connection connect(Audience a) throws SQLException {
        if (a == Audience.PUBLIC) {
            views.ensureFresh();
        }
        return sources.apply(a).getConnection();
    }

    /**
     * The territories a viewer may list: those whose public area is open, and the viewer's own (staff);
     * a territory's settings are shown in full to its staff only.
     */
    public List<Territory> territories(Viewer viewer) throws SQLException {
        return all(viewer).stream().filter(t -> t.live() || audience(viewer, t.key()) == Audience.INTERNAL).toList();
    }

    /** Every territory, open or not, as the viewer reads it. */
    private List<Territory> all(Viewer viewer) throws SQLException {
        List<Territory> out = new ArrayList<>();
        for (Audience a : Audience.values()) {
            if (a == Audience.INTERNAL && viewer.territories().isEmpty()) {
                continue;
            }
            try (Connection c = connect(a);
                 var ps = c.prepareStatement("select key, name, kind, ags, srid, attribution, settings::text, live, published, min_published "
                         + "from " + a.schema() + ".territory order by name")) {
                var rs = ps.executeQuery();
                while (rs.next()) {
                    if (audience(viewer, rs.getString(1)) == a) {
                        out.add(new Territory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                                map(rs.getString(7)), rs.getBoolean(8), rs.getInt(9), rs.getInt(10)));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Territory::name));
        return out;
    }

    /** A territory as the viewer reads it, also one whose public area is closed (callers answer that with its reason). */
    public Optional<Territory> territory(Viewer viewer, String key) throws SQLException {
        return all(viewer).stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public List<Level> levels(Viewer viewer, String territory) throws SQLException {
        Audience a = audience(viewer, territory);
        String s = a.schema();
        try (Connection c = connect(a);
             var ps = c.prepareStatement("select l.key, l.name, l.name_plural, l.rank, l.geometry_kind, "
                     + "(select count(*) from " + s + ".spatial_unit u where u.level_id = l.level_id and u.valid_to is null), "
                     // the box of the native geometry, transformed: a little generous at the corners, and cheap
                     + "(select array[st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e)] from (select st_transform(st_setsrid(st_extent(u.geom)::geometry, "
                     + "min(st_srid(u.geom))), 4326) as e from " + s + ".spatial_unit u where u.level_id = l.level_id and u.valid_to is null) x) "
                     + "from " + s + ".unit_level l join " + s + ".territory t using (territory_id) where t.key = ? order by l.rank, l.key")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            List<Level> out = new ArrayList<>();
            while (rs.next()) {
                java.sql.Array e = rs.getArray(7);
                List<Double> extent = null;
                if (e != null) {
                    extent = new ArrayList<>();
                    for (Object o : (Object[]) e.getArray()) {
                        extent.add(o == null ? null : Math.round(((Number) o).doubleValue() * 1e5) / 1e5);
                    }
                    if (extent.contains(null)) {
                        extent = null;
                    }
                }
                out.add(new Level(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6), extent));
            }
            return out;
        }
    }

    /** Units of a level valid in {@code year} (default: current units), sorted by code. */
    public List<Unit> units(Viewer viewer, String territory, String level, Integer year) throws SQLException {
        return unitsOn(viewer, territory, level, year == null ? null : java.time.LocalDate.of(year, 12, 31));
    }

    /** Units of a level valid on a Stichtag (default: current units), sorted by code. */
    public List<Unit> unitsOn(Viewer viewer, String territory, String level, java.time.LocalDate on) throws SQLException {
        Audience a = audience(viewer, territory);
        String s = a.schema();
        try (Connection c = connect(a);
             var ps = c.prepareStatement("select u.code, u.name, l.key, p.code, u.valid_from::text, u.valid_to::text, u.area_m2 / 1e6 "
                     + "from " + s + ".spatial_unit u join " + s + ".unit_level l using (level_id) join " + s + ".territory t on t.territory_id = u.territory_id "
                     + "left join " + s + ".spatial_unit p on p.unit_id = u.parent_id "
                     + "where t.key = ? and (?::text is null or l.key = ?) "
                     + "and (case when ?::date is null then u.valid_to is null else u.validity @> ?::date end) "
                     + "order by l.rank, u.code")) {
            ps.setString(1, territory);
            ps.setString(2, level);
            ps.setString(3, level);
            ps.setObject(4, on);
            ps.setObject(5, on);
            var rs = ps.executeQuery();
            List<Unit> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        Math.round(rs.getDouble(7) * 1000) / 1000.0));
            }
            return out;
        }
    }

    /** The indicators the viewer may read, with their descriptions and the periods that have values. */
    public List<Indicator> indicators(Viewer viewer, String territory) throws SQLException {
        return indicators(viewer, territory, null);
    }

    public Optional<Indicator> indicator(Viewer viewer, String territory, String key) throws SQLException {
        return indicators(viewer, territory, key).stream().findFirst();
    }

    private List<Indicator> indicators(Viewer viewer, String territory, String key) throws SQLException {
        Audience a = audience(viewer, territory);
        String s = a.schema();
        try (Connection c = connect(a);
             var ps = c.prepareStatement("select i.*, th.key as theme_key, th.title as theme_title "
                     + "from " + s + ".indicator i join " + s + ".theme th using (theme_id) join " + s + ".territory t on t.territory_id = i.territory_id "
                     + "where t.key = ? and (?::text is null or i.key = ?) "
                     + "order by th.sort_order, i.sort_order, i.key")) {
            ps.setString(1, territory);
            ps.setString(2, key);
            ps.setString(3, key);
            var rs = ps.executeQuery();
            List<Indicator> out = new ArrayList<>();
            Map<String, List<LevelCoverage>> coverage = coverage(c, s, territory, key);
            while (rs.next()) {
                out.add(indicator(rs, coverage));
            }
            return out;
        }
    }

    private Indicator indicator(ResultSet rs, Map<String, List<LevelCoverage>> coverage) throws SQLException {
        List<Period> periods = new ArrayList<>();
        Object[] keys = (Object[]) rs.getArray("periods").getArray();
        Object[] dates = (Object[]) rs.getArray("stichtage").getArray();
        Object[] labels = (Object[]) rs.getArray("period_labels").getArray();
        for (int k = 0; k < keys.length; k++) {
            periods.add(new Period((String) keys[k], dates[k].toString(), (String) labels[k]));
        }
        List<String> published = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("published_levels").getArray()) {
            published.add((String) o);
        }
        Map<String, Object> classification = map(rs.getString("classification"));
        return new Indicator(rs.getString("key"), rs.getString("theme_key"), rs.getString("theme_title"), rs.getString("title"),
                rs.getString("short_title"), rs.getString("definition"), rs.getString("interpretation"), rs.getString("formula"),
                rs.getString("numerator_label"), rs.getString("denominator_label"), rs.getString("unit_label"),
                rs.getBigDecimal("scale_factor"), rs.getInt("decimals"), rs.getString("polarity"), rs.getString("kind"),
                rs.getString("aggregation"), rs.getString("source"), rs.getString("update_cycle"), rs.getString("department"),
                published.isEmpty() ? "internal" : "public", rs.getBoolean("counts_public"), classification, List.copyOf(periods),
                List.copyOf(published), rs.getString("periodicity"), Periodicity.parse(rs.getString("periodicity")).label(),
                rs.getString("weight_indicator"), coverage.getOrDefault(rs.getString("key"), List.of()));
    }

    /** Coverage of each polygon level, by indicator key. */
    private static Map<String, List<LevelCoverage>> coverage(Connection c, String schema, String territory, String key) throws SQLException {
        Map<String, List<LevelCoverage>> out = new java.util.HashMap<>();
        try (var ps = c.prepareStatement("select c.indicator, c.level, c.reason, c.data_level, c.weight_indicator from " + schema
                + ".level_coverage c join " + schema + ".territory t using (territory_id) where t.key = ? and (?::text is null or c.indicator = ?) "
                + "order by c.indicator, c.rank")) {
            ps.setString(1, territory);
            ps.setString(2, key);
            ps.setString(3, key);
            var rs = ps.executeQuery();
            while (rs.next()) {
                String reason = rs.getString(3);
                String[] text = reason == null ? new String[2] : NoValues.text(reason, rs.getString(4), rs.getString(5));
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new LevelCoverage(rs.getString(2), reason == null, reason, text[0], text[1]));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String jsonText) {
        try {
            return jsonText == null ? Map.of() : json.readValue(jsonText, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    /**
     * Values of one indicator on one level (all levels when null), for one period or all. Empty when
     * the viewer may not read the indicator. What the public sees of a value (withheld, counts,
     * rounding) is decided in the public views, not here.
     */
    public Optional<List<Value>> values(Viewer viewer, String territory, String indicatorKey, String level, String period)
            throws SQLException {
        return values(viewer, territory, indicatorKey, level, period, null);
    }

    /** Values of one indicator for a few units (any level), all periods: an area profile's unit, parent and territory. */
    public Optional<List<Value>> values(Viewer viewer, String territory, String indicatorKey, List<String> unitCodes) throws SQLException {
        return values(viewer, territory, indicatorKey, null, null, unitCodes);
    }

    /**
     * The same for an indicator the caller has read already as this viewer (an area profile reads every
     * indicator once, not once more per indicator).
     */
    public List<Value> values(Viewer viewer, String territory, Indicator indicator, List<String> unitCodes) throws SQLException {
        return values(viewer, territory, Optional.of(indicator), null, null, unitCodes).orElseThrow();
    }

    /** One level in one period of an indicator the caller has read already as this viewer (the indicator table). */
    public List<Value> values(Viewer viewer, String territory, Indicator indicator, String level, String period) throws SQLException {
        return values(viewer, territory, Optional.of(indicator), level, period, null).orElseThrow();
    }

    private Optional<List<Value>> values(Viewer viewer, String territory, String indicatorKey, String level, String period,
                                         List<String> unitCodes) throws SQLException {
        return values(viewer, territory, indicator(viewer, territory, indicatorKey), level, period, unitCodes);
    }

    private Optional<List<Value>> values(Viewer viewer, String territory, Optional<Indicator> ind, String level, String period,
                                         List<String> unitCodes) throws SQLException {
        if (ind.isEmpty()) {
            return Optional.empty();
        }
        String indicatorKey = ind.get().key();
        String stichtag = period == null || period.isBlank() ? null : ind.get().period(period).stichtag();
        Audience a = audience(viewer, territory);
        String s = a.schema();
        int decimals = ind.get().decimals();
        try (Connection c = connect(a);
             var ps = c.prepareStatement("select u.code, u.name, v.period, v.value, v.numerator, v.denominator, v.status, v.aggregated, v.formatted, "
                     + "v.stichtag::text, v.period_label "
                     + "from " + s + ".indicator_value v join " + s + ".indicator i using (indicator_id) "
                     + "join " + s + ".spatial_unit u on u.unit_id = v.unit_id join " + s + ".unit_level l on l.level_id = u.level_id "
                     + "join " + s + ".territory t on t.territory_id = v.territory_id "
                     + "where t.key = ? and i.key = ? and (?::text is null or l.key = ?) and (?::date is null or v.stichtag = ?::date) "
                     + "and (?::text[] is null or u.code = any(?::text[])) "
                     + "order by v.stichtag, l.rank, u.code")) {
            ps.setString(1, territory);
            ps.setString(2, indicatorKey);
            ps.setString(3, level);
            ps.setString(4, level);
            ps.setString(5, stichtag);
            ps.setString(6, stichtag);
            java.sql.Array codes = unitCodes == null ? null : c.createArrayOf("text", unitCodes.toArray());
            ps.setArray(7, codes);
            ps.setArray(8, codes);
            var rs = ps.executeQuery();
            List<Value> out = new ArrayList<>();
            while (rs.next()) {
                BigDecimal v = rs.getBigDecimal(4);
                // public figures come rounded from the views (a rate maybe to fewer decimals, which stay);
                // internal ones at full precision are shown with the declared decimals
                BigDecimal rounded = v == null || a == Audience.PUBLIC ? v : v.setScale(decimals, RoundingMode.HALF_UP);
                // formatted in SQL like the map layers' "wert": one rule for German numbers and markers
                out.add(new Value(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(10), rs.getString(11), rounded, rs.getString(9),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8)));
            }
            return Optional.of(out);
        }
    }

    /** A unit's row of the viewer's map layer: the unrounded value the map classes, and its status. */
    public record LayerValue(Double value, String status) { }

    /** The rows of the viewer's map layer of an indicator on a level at one Stichtag, by unit code (empty: no layer). */
    public Map<String, LayerValue> layerValues(Viewer viewer, String territory, String indicatorKey, String level, String stichtag)
            throws SQLException {
        Audience a = audience(viewer, territory);
        if (a == Audience.INTERNAL) {
            views.ensureFresh();
        }
        Map<String, LayerValue> out = new java.util.HashMap<>();
        try (Connection c = connect(a);
             var ps = c.prepareStatement("select v.code, v.value, v.status from " + a.schema() + ".layer_value v "
                     + "where v.territory = ? and v.indicator = ? and v.level = ? and v.stichtag = ?::date")) {
            ps.setString(1, territory);
            ps.setString(2, indicatorKey);
            ps.setString(3, level);
            ps.setString(4, stichtag);
            var rs = ps.executeQuery();
            while (rs.next()) {
                double v = rs.getDouble(2);
                out.put(rs.getString(1), new LayerValue(rs.wasNull() ? null : v, rs.getString(3)));
            }
        }
        return out;
    }

    /**
     * The named styles of an indicator on a level, classified from the unrounded values of the
     * viewer's map layer. Empty when the viewer may not read the indicator or
     * the territory has no such level.
     */
    public Optional<de.chancenatlas.core.style.StyleSet> styles(Viewer viewer, String territory, String indicatorKey, String level)
            throws SQLException {
        return styles(viewer, territory, indicatorKey, level, null);
    }

    /** As {@link #styles(Viewer, String, String, String)}, classified with {@code draft} settings instead of the stored ones (null: stored). */
    public Optional<de.chancenatlas.core.style.StyleSet> styles(Viewer viewer, String territory, String indicatorKey, String level,
                                                               Map<String, Object> draft) throws SQLException {
        Optional<Indicator> ind = indicator(viewer, territory, indicatorKey);
        if (ind.isEmpty() || levels(viewer, territory).stream().noneMatch(l -> l.key().equals(level))) {
            return Optional.empty();
        }
        Audience a = audience(viewer, territory);
        String s = a.schema();
        List<Double> values = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        if (a == Audience.INTERNAL) {
            views.ensureFresh();   // connect keeps the public family fresh; the internal layer view is materialised too
        }
        try (Connection c = connect(a);
             // the map layer's own rows (de.chancenatlas.ogc.LayerCatalog classes the same), so SLD and map agree
             var ps = c.prepareStatement("select v.value, v.period from " + s + ".layer_value v "
                     + "where v.territory = ? and v.indicator = ? and v.level = ? and v.value is not null")) {
            ps.setString(1, territory);
            ps.setString(2, indicatorKey);
            ps.setString(3, level);
            var rs = ps.executeQuery();
            while (rs.next()) {
                values.add(rs.getDouble(1));
                periods.add(rs.getString(2));
            }
        }
        Indicator i = ind.get();
        return Optional.of(de.chancenatlas.core.style.StyleSet.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
                periods.toArray(String[]::new), i.periodKeys(), draft != null ? draft : i.classification(), i.polarity(), i.decimals(), i.unitLabel()));
    }
}
