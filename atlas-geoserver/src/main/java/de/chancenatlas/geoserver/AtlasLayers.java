package de.chancenatlas.geoserver;

import de.chancenatlas.core.catalogue.FacilityType;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.style.SldWriter;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.geoserver.Model.Box;
import de.chancenatlas.geoserver.Model.DataStore;
import de.chancenatlas.geoserver.Model.FeatureType;
import de.chancenatlas.geoserver.Model.Group;
import de.chancenatlas.geoserver.Model.Layer;
import de.chancenatlas.geoserver.Model.Time;
import de.chancenatlas.geoserver.Model.Workspace;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The workspaces the atlas wants in GeoServer, from the same {@link LayerCatalog} the atlas's own WMS
 * is built from: the same layer names, titles, abstracts, periods, extents and classifications, and
 * the SLD of {@link SldWriter}. Per territory a public workspace reading {@code atlas_public} as the
 * public reader role (nothing in it until the territory's public area is open, as the views decide)
 * and an internal one reading {@code atlas_internal} as the internal reader role.
 */
public final class AtlasLayers {
    /** Attribute names quoted in the CQL filters: SRID is also an ECQL keyword. */
    private static final String SRID = "\"srid\" = ";
    private final DataSource ds;
    private final LayerCatalog catalog;

    /** @param ds the owner's pool (catalogue metadata, as for the atlas's own map) */
    public AtlasLayers(DataSource ds) {
        this.ds = ds;
        this.catalog = new LayerCatalog(ds);
    }

    public List<String> territories() throws SQLException {
        return catalog.territories();
    }

    public static String workspace(String territory, Audience a) {
        return Target.PREFIX + territory + (a == Audience.INTERNAL ? "_intern" : "");
    }

    /** Both workspaces of a territory. */
    public List<Workspace> workspaces(String territory, Target t) throws SQLException {
        return List.of(workspace(territory, Audience.PUBLIC, t), workspace(territory, Audience.INTERNAL, t));
    }

    Workspace workspace(String territory, Audience a, Target t) throws SQLException {
        String ws = workspace(territory, a);
        boolean internal = a == Audience.INTERNAL;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dbtype", "postgis");
        params.put("host", t.dbHost());
        params.put("port", String.valueOf(t.dbPort()));
        params.put("database", t.database());
        params.put("schema", a.schema());
        params.put("user", internal ? t.internalUser() : t.publicUser());
        params.put("Expose primary keys", "false");
        params.put("Loose bbox", "true");
        params.put("encode functions", "true");
        params.put("Estimated extends", "false");
        DataStore store = new DataStore(Model.STORE_NAME, Model.STORE_MARK + " " + (internal
                ? "interne Sicht (atlas_internal) / internal view" : "öffentliche Sicht (atlas_public) / public view")
                + " – vom Atlas verwaltet, nicht von Hand ändern / managed by the atlas, do not edit", params);

        List<FeatureType> fts = new ArrayList<>();
        Map<String, String> styles = new LinkedHashMap<>();
        List<Layer> layers = new ArrayList<>();
        Map<String, String[]> themes = themes(territory, a);
        Map<String, List<String>> groupLayers = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (LayerDef l : catalog.layers(territory, a)) {
                String srs = "EPSG:" + l.srid();
                Box nativeBox = Box.of(l.extent(), 2, srs);
                Box latLon = latLon(c, l.extent(), l.srid());
                String filter = "\"territory\" = '" + l.territory() + "' AND ";
                List<String> keywords = new ArrayList<>(List.of("Chancenatlas", l.territoryName()));
                String name = l.name();
                switch (l.kind()) {
                    case CHOROPLETH -> {
                        keywords.add(l.theme());
                        keywords.add(l.levelName());
                        fts.add(new FeatureType(name, "geoserver_layer", l.title(), l.abstractText(), keywords, srs,
                                filter + "\"indicator\" = '" + l.indicator() + "' AND \"level\" = '" + l.level() + "' AND " + SRID + l.srid(),
                                nativeBox, latLon, Time.STICHTAG));
                        List<String> alternatives = new ArrayList<>();
                        for (String s : StyleSet.NAMES) {
                            styles.put(name + "." + s, SldWriter.write(name, l.title(), l.styles(), s));
                            if (!StyleSet.DEFAULT.equals(s)) {
                                alternatives.add(name + "." + s);
                            }
                        }
                        layers.add(new Layer(name, name + "." + StyleSet.DEFAULT, alternatives, l.source()));
                        String[] theme = themes.get(l.indicator());
                        if (theme != null) {
                            groupLayers.computeIfAbsent(theme[0], k -> new ArrayList<>()).add(name);
                        }
                    }
                    case OUTLINE -> {
                        keywords.add(l.levelName());
                        fts.add(new FeatureType(name, "geoserver_outline", l.title(), l.abstractText(), keywords, srs,
                                filter + "\"level\" = '" + l.level() + "' AND " + SRID + l.srid(), nativeBox, latLon, null));
                        String style = l.territory() + ".grenzen";
                        styles.put(style, outlineSld(style));
                        layers.add(new Layer(name, style, List.of(), null));
                    }
                    case FACILITY -> {
                        keywords.add(l.levelName());
                        fts.add(new FeatureType(name, "geoserver_facility", l.title(), l.abstractText(), keywords, srs,
                                filter + "\"facility_type\" = '" + l.level() + "' AND " + SRID + l.srid(), nativeBox, latLon, null));
                        String style = name;
                        styles.put(style, facilitySld(style, l.levelName(),
                                FacilityType.named(l.level()).map(FacilityType::colour).orElse("#555555")));
                        layers.add(new Layer(name, style, List.of(), null));
                    }
                    default -> throw new IllegalStateException(l.kind().toString());
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : groupLayers.entrySet()) {
            String[] theme = themes.values().stream().filter(x -> x[0].equals(e.getKey())).findFirst().orElseThrow();
            groups.add(new Group(territory + ".thema." + e.getKey(), theme[1], "Indikatoren des Themas „" + theme[1] + "“", e.getValue(),
                    e.getValue().stream().map(n -> n + "." + StyleSet.DEFAULT).toList()));
        }
        String role = internal ? t.staffRole(territory) : "*";
        return new Workspace(ws, "urn:chancenatlas:" + territory + (internal ? ":intern" : ""), store, fts, styles, layers, groups, role);
    }

    /** indicator key -> {theme key, theme title}, as the audience sees them. */
    private Map<String, String[]> themes(String territory, Audience a) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        String s = a.schema();
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement("select i.key, th.key, th.title from " + s + ".indicator i join "
                + s + ".theme th using (theme_id) join " + s + ".territory t on t.territory_id = i.territory_id where t.key = ?")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private static Box latLon(Connection c, double[] e, int srid) throws SQLException {
        try (var ps = c.prepareStatement("select st_xmin(b), st_ymin(b), st_xmax(b), st_ymax(b) from "
                + "(select st_transform(st_makeenvelope(?, ?, ?, ?, ?), 4326)::box2d b) x")) {
            for (int i = 0; i < 4; i++) {
                ps.setDouble(i + 1, e[i]);
            }
            ps.setInt(5, srid);
            var rs = ps.executeQuery();
            rs.next();
            return Box.of(new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}, 7, "EPSG:4326");
        }
    }

    static String outlineSld(String name) {
        return sld(name, "Gebietsgrenzen", "          <PolygonSymbolizer>\n"
                + "            <Stroke><CssParameter name=\"stroke\">#505050</CssParameter><CssParameter name=\"stroke-width\">1</CssParameter></Stroke>\n"
                + "          </PolygonSymbolizer>\n");
    }

    static String facilitySld(String name, String title, String colour) {
        return sld(name, title, "          <PointSymbolizer>\n            <Graphic>\n              <Mark><WellKnownName>circle</WellKnownName>\n"
                + "                <Fill><CssParameter name=\"fill\">" + colour + "</CssParameter></Fill>\n"
                + "                <Stroke><CssParameter name=\"stroke\">#ffffff</CssParameter><CssParameter name=\"stroke-width\">1</CssParameter></Stroke>\n"
                + "              </Mark>\n              <Size>9</Size>\n            </Graphic>\n          </PointSymbolizer>\n");
    }

    private static String sld(String name, String title, String symbolizer) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" "
                + "xmlns:ogc=\"http://www.opengis.net/ogc\">\n  <NamedLayer>\n    <Name>" + Xml.esc(name) + "</Name>\n    <UserStyle>\n      <Name>"
                + Xml.esc(name) + "</Name>\n      <Title>" + Xml.esc(title) + "</Title>\n      <FeatureTypeStyle>\n        <Rule>\n          <Title>"
                + Xml.esc(title) + "</Title>\n" + symbolizer + "        </Rule>\n      </FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n"
                + "</StyledLayerDescriptor>\n";
    }
}
