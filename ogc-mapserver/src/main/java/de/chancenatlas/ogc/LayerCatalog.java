package de.chancenatlas.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.AtlasReader.Period;
import de.chancenatlas.core.style.StyleSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the layers of an audience from its view family: for each territory the outline of each
 * polygon level, the facilities of each type, and for each polygon level and each indicator with
 * values (the public: published levels of live territories only) a layer with its description,
 * periods, extent and named styles (the default computed over all periods, so years share one
 * legend, and over the audience's values, so a public legend cannot reveal a withheld value).
 */
public final class LayerCatalog {
    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    /** @param ds the owner's pool: the catalogue is server-side metadata; clients' requests run as the reader roles */
    public LayerCatalog(DataSource ds) {
        this.ds = ds;
    }

    /** Keys of all territories. */
    public List<String> territories() throws SQLException {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select key from atlas.territory order by key");
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Why a territory's public endpoint shows nothing: unknown, or its public area is not open yet. */
    public String notPublicReason(String territory) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select t.name, p.published, p.min_published from atlas.territory t "
                     + "join atlas.v_territory_publication p using (territory_id) where t.key = ?")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return "Gebiet „" + territory + "“ gibt es nicht / no such territory";
            }
            if (rs.getInt(2) < rs.getInt(3)) {
                return Publication.notOpen(rs.getString(1), territory, rs.getInt(2), rs.getInt(3));
            }
            return "Gebiet „" + rs.getString(1) + "“ veröffentlicht noch keine Karten / publishes no maps yet";
        }
    }

    /** The layers of one territory, or of all when {@code territory} is null, as an audience sees them. */
    @SuppressWarnings("unchecked")
    public List<LayerDef> layers(String territory, Audience audience) throws SQLException {
        List<LayerDef> out = new ArrayList<>();
        String s = audience.schema();
        try (Connection c = ds.getConnection()) {
            // outlines of every polygon level
            try (var ps = c.prepareStatement("select t.key, t.name, t.srid, l.key, l.name, st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e) "
                    + "from " + s + ".territory t join " + s + ".unit_level l using (territory_id) "
                    + "cross join lateral (select st_extent(u.geom)::box2d e from " + s + ".spatial_unit u where u.level_id = l.level_id) x "
                    + "where l.geometry_kind = 'polygon' and e is not null and (?::text is null or t.key = ?) order by t.key, l.rank")) {
                ps.setString(1, territory);
                ps.setString(2, territory);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(new LayerDef(audience, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), null,
                            rs.getString(2) + " – " + rs.getString(5) + " (Grenzen)", "Gebietsgrenzen der Ebene " + rs.getString(5),
                            null, null, null, List.of(), new double[] {rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)}, null));
                }
            }
            // the facilities of each type present; their box grown by 250 m (one point or a row has none)
            try (var ps = c.prepareStatement("select t.key, t.name, t.srid, f.facility_type, st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e) "
                    + "from (select territory_id, facility_type, st_expand(st_extent(geom)::box2d, 250) e from " + s + ".facility group by 1, 2) f "
                    + "join " + s + ".territory t using (territory_id) where (?::text is null or t.key = ?) order by t.key, f.facility_type")) {
                ps.setString(1, territory);
                ps.setString(2, territory);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(LayerDef.facilities(audience, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            new double[] {rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)}));
                }
            }
            try (var ps = c.prepareStatement("""
                    select t.key, t.name, t.srid, l.key, l.name, i.key, i.title, i.definition, i.interpretation, th.title, i.source,
                           i.unit_label, i.decimals, i.polarity, i.classification::text, i.periods, i.stichtage, i.period_labels,
                           lv.vals, st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e), t.attribution, lv.pers
                    from S.indicator i join S.territory t using (territory_id) join S.theme th using (theme_id)
                    join S.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
                    cross join lateral (select st_extent(u.geom)::box2d e from S.spatial_unit u where u.level_id = l.level_id) x
                    cross join lateral (select array_agg(v.value) vals, array_agg(v.period) pers from S.layer_value v
                             where v.territory = t.key and v.indicator = i.key and v.level = l.key and v.value is not null) lv
                    where e is not null and cardinality(i.periods) > 0 and (? or l.key = any (i.published_levels))
                      and (?::text is null or t.key = ?)
                    order by t.key, th.sort_order, i.sort_order, l.rank""".replace("S.", s + "."))) {
                ps.setBoolean(1, audience == Audience.INTERNAL);
                ps.setString(2, territory);
                ps.setString(3, territory);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    Object[] vals = rs.getArray(19) == null ? new Object[0] : (Object[]) rs.getArray(19).getArray();
                    Object[] pers = rs.getArray(25) == null ? new Object[0] : (Object[]) rs.getArray(25).getArray();
                    double[] values = new double[vals.length];
                    String[] valuePeriods = new String[vals.length];
                    for (int k = 0; k < vals.length; k++) {
                        values[k] = ((Number) vals[k]).doubleValue();
                        valuePeriods[k] = (String) pers[k];
                    }
                    List<Period> periods = new ArrayList<>();
                    Object[] keys = (Object[]) rs.getArray(16).getArray();
                    Object[] dates = (Object[]) rs.getArray("stichtage").getArray();
                    Object[] labels = (Object[]) rs.getArray("period_labels").getArray();
                    for (int k = 0; k < keys.length; k++) {
                        periods.add(new Period((String) keys[k], dates[k].toString(), (String) labels[k]));
                    }
                    Map<String, Object> settings;
                    try {
                        settings = json.readValue(rs.getString(15), LinkedHashMap.class);
                    } catch (java.io.IOException e) {
                        settings = Map.of();
                    }
                    StyleSet styles = StyleSet.of(values, valuePeriods, periods.stream().map(Period::period).toList(), settings,
                            rs.getString(14), rs.getInt(13), rs.getString(12));
                    String abstractText = rs.getString(8) + (rs.getString(9) == null ? "" : " " + rs.getString(9));
                    out.add(new LayerDef(audience, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7) + " – " + rs.getString(5), abstractText, rs.getString(10),
                            rs.getString(11) + (rs.getString(24) == null ? "" : "; " + rs.getString(24)), rs.getString(12), periods,
                            new double[] {rs.getDouble(20), rs.getDouble(21), rs.getDouble(22), rs.getDouble(23)}, styles.standard(), styles));
                }
            }
        }
        return out;
    }
}
