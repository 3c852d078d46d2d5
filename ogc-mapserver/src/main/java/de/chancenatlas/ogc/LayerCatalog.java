package de.chancenatlas.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.style.StyleSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads what is published from the public view family: for each territory, each polygon level and
 * each public indicator with values, a layer with its description, periods, extent and named styles
 * (the default computed over all periods, so years share one legend).
 */
public final class LayerCatalog {
    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    public LayerCatalog(DataSource ds) {
        this.ds = ds;
    }

    /** A number that changes whenever the catalogue, boundaries or values change. */
    public long generation() throws SQLException {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select coalesce(max(batch_id), 0) * 1000 + (select count(*) from atlas.territory) "
                    + "+ coalesce((select max(audit_id) from atlas.audit_log), 0) * 1000000 from atlas.import_batch");
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Brings the materialised layer values up to date with the stored values; readers keep reading meanwhile. */
    public void refresh() throws SQLException {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("refresh materialized view concurrently atlas_public.layer_value");
        }
    }

    /** The layers of one territory, or of all when {@code territory} is null. */
    @SuppressWarnings("unchecked")
    public List<LayerDef> layers(String territory) throws SQLException {
        List<LayerDef> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            // outlines of every polygon level
            try (var ps = c.prepareStatement("select t.key, t.name, t.srid, l.key, l.name, st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e) "
                    + "from atlas.territory t join atlas.unit_level l using (territory_id) "
                    + "cross join lateral (select st_extent(u.geom)::box2d e from atlas.spatial_unit u where u.level_id = l.level_id) x "
                    + "where l.geometry_kind = 'polygon' and e is not null and (?::text is null or t.key = ?) order by t.key, l.rank")) {
                ps.setString(1, territory);
                ps.setString(2, territory);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(new LayerDef(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), null,
                            rs.getString(2) + " – " + rs.getString(5) + " (Grenzen)", "Gebietsgrenzen der Ebene " + rs.getString(5),
                            null, null, null, List.of(), new double[] {rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)}, null));
                }
            }
            try (var ps = c.prepareStatement("""
                    select t.key, t.name, t.srid, l.key, l.name, i.key, i.title, i.definition, i.interpretation, th.title, i.source,
                           i.unit_label, i.decimals, i.polarity, i.classification::text,
                           (select array_agg(distinct period order by period) from atlas.indicator_value x where x.indicator_id = i.indicator_id),
                           lv.vals, st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e), t.attribution, lv.pers
                    from atlas.indicator i join atlas.territory t using (territory_id) join atlas.theme th using (theme_id)
                    join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
                    cross join lateral (select st_extent(u.geom)::box2d e from atlas.spatial_unit u where u.level_id = l.level_id) x
                    cross join lateral (select array_agg(v.value) vals, array_agg(v.period) pers from atlas_public.layer_value v
                             where v.territory = t.key and v.indicator = i.key and v.level = l.key and v.value is not null) lv
                    where i.visibility = 'public' and e is not null and exists (select 1 from atlas.indicator_value v where v.indicator_id = i.indicator_id)
                      and (?::text is null or t.key = ?)
                    order by t.key, th.sort_order, i.sort_order, l.rank""")) {
                ps.setString(1, territory);
                ps.setString(2, territory);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    Object[] vals = rs.getArray(17) == null ? new Object[0] : (Object[]) rs.getArray(17).getArray();
                    Object[] pers = rs.getArray(23) == null ? new Object[0] : (Object[]) rs.getArray(23).getArray();
                    double[] values = new double[vals.length];
                    int[] valuePeriods = new int[vals.length];
                    for (int k = 0; k < vals.length; k++) {
                        values[k] = ((Number) vals[k]).doubleValue();
                        valuePeriods[k] = ((Number) pers[k]).intValue();
                    }
                    List<Integer> periods = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(16).getArray()) {
                        periods.add(((Number) o).intValue());
                    }
                    Map<String, Object> settings;
                    try {
                        settings = json.readValue(rs.getString(15), LinkedHashMap.class);
                    } catch (java.io.IOException e) {
                        settings = Map.of();
                    }
                    StyleSet styles = StyleSet.of(values, valuePeriods, settings, rs.getString(14), rs.getInt(13), rs.getString(12));
                    String abstractText = rs.getString(8) + (rs.getString(9) == null ? "" : " " + rs.getString(9));
                    out.add(new LayerDef(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7) + " – " + rs.getString(5), abstractText, rs.getString(10),
                            rs.getString(11) + (rs.getString(22) == null ? "" : "; " + rs.getString(22)), rs.getString(12), periods,
                            new double[] {rs.getDouble(18), rs.getDouble(19), rs.getDouble(20), rs.getDouble(21)}, styles.standard(), styles));
                }
            }
        }
        return out;
    }
}
