package de.chancenatlas.ogc;

import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.db.Audience;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Writes the MapServer map for a set of layers. Everything a layer shows comes from the view family
 * of its audience ({@code atlas_public} or {@code atlas_internal}), read with that audience's own
 * database role; its classes come from {@link Classification}.
 */
public final class MapfileWriter {
    /** Requested coordinate systems offered for every layer. */
    public static final List<String> CRS = List.of("EPSG:25832", "EPSG:25833", "EPSG:3857", "EPSG:4326", "CRS:84");
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** How MapServer reaches PostGIS for each audience: a libpq connection string of its reader role. */
    private final Map<Audience, String> connections;
    private final String fontset;

    public MapfileWriter(Map<Audience, String> connections, String fontsetPath) {
        this.connections = Map.copyOf(connections);
        this.fontset = fontsetPath;
    }

    public static String fontsetLine() {
        return "dejavu " + FONT + "\n";
    }

    public String write(String title, List<LayerDef> layers) {
        double[] ext = extent(layers);
        StringBuilder m = new StringBuilder(64 * 1024);
        m.append("MAP\n  NAME \"chancenatlas\"\n  STATUS ON\n  SIZE 512 512\n  MAXSIZE 4096\n  UNITS METERS\n")
                .append("  EXTENT ").append(box(ext)).append('\n')
                .append("  FONTSET \"").append(fontset).append("\"\n")
                .append("  IMAGECOLOR 255 255 255\n")
                .append("  SYMBOL NAME \"hatch\" TYPE HATCH END\n")
                .append("  PROJECTION \"init=epsg:25832\" END\n")
                .append("  OUTPUTFORMAT NAME \"png\" DRIVER \"AGG/PNG\" MIMETYPE \"image/png\" IMAGEMODE RGBA EXTENSION \"png\" TRANSPARENT ON END\n")
                .append("  OUTPUTFORMAT NAME \"jpeg\" DRIVER \"AGG/JPEG\" MIMETYPE \"image/jpeg\" IMAGEMODE RGB EXTENSION \"jpg\" FORMATOPTION \"QUALITY=85\" END\n")
                .append("  OUTPUTFORMAT NAME \"geojson\" DRIVER \"OGR/GEOJSON\" MIMETYPE \"application/json; subtype=geojson\" ")
                .append("FORMATOPTION \"STORAGE=memory\" FORMATOPTION \"FORM=simple\" FORMATOPTION \"LCO:COORDINATE_PRECISION=6\" END\n")
                .append("  OUTPUTFORMAT NAME \"csv\" DRIVER \"OGR/CSV\" MIMETYPE \"text/csv\" FORMATOPTION \"STORAGE=memory\" ")
                .append("FORMATOPTION \"FORM=simple\" FORMATOPTION \"LCO:GEOMETRY=AS_WKT\" END\n")
                .append("  LEGEND\n    KEYSIZE 18 12\n    LABEL TYPE TRUETYPE FONT \"dejavu\" SIZE 8 COLOR 0 0 0 ENCODING \"UTF-8\" END\n  END\n")
                .append("  WEB\n    METADATA\n")
                .append(meta("ows_title", title))
                .append(meta("ows_abstract", "Kleinräumige Indikatoren zu Kindern, Jugendlichen und Familien (Chancenatlas)"))
                .append(meta("ows_enable_request", "*"))
                .append(meta("ows_srs", String.join(" ", CRS.subList(0, 4))))
                .append(meta("wms_srs", String.join(" ", CRS.subList(0, 4))))
                .append(meta("ows_encoding", "UTF-8"))
                .append(meta("ows_language", "ger"))
                .append(meta("wms_feature_info_mime_type", "text/html"))
                .append(meta("wms_getfeatureinfo_formatlist", "text/plain,application/vnd.ogc.gml,geojson"))
                .append(meta("wfs_getfeature_formatlist", "geojson,csv"))
                .append(meta("wfs_maxfeatures", "100000"))
                .append(meta("ows_namespace_prefix", "atlas"))
                .append(meta("ows_namespace_uri", "https://chancenatlas.de/atlas"))
                .append("    END\n  END\n");
        for (LayerDef l : layers) {
            layer(m, l);
        }
        return m.append("END\n").toString();
    }

    private void layer(StringBuilder m, LayerDef l) {
        boolean outline = l.indicator() == null;
        String s = l.audience().schema();
        String sql = outline
                ? "select u.unit_id as fid, u.code, u.name, u.geom from " + s + ".spatial_unit u join " + s + ".unit_level l using (level_id) "
                        + "join " + s + ".territory t on t.territory_id = u.territory_id where t.key = '" + sqlText(l.territory())
                        + "' and l.key = '" + sqlText(l.level()) + "' and u.valid_to is null"
                : "select v.fid, v.code, v.name, v.period, v.stichtag, v.value, v.wert, v.status, " + classSql(l.classification())
                        + " as klasse, u.geom from " + s + ".layer_value v join " + s + ".unit_geometry u on u.unit_id = v.unit_id "
                        + "where v.territory = '" + sqlText(l.territory()) + "' and v.indicator = '"
                        + sqlText(l.indicator()) + "' and v.level = '" + sqlText(l.level()) + "'";
        m.append("  LAYER\n    NAME \"").append(l.name()).append("\"\n    TYPE POLYGON\n    STATUS ON\n    TEMPLATE \"ogc\"   # queryable for GetFeatureInfo and WFS\n")
                .append("    CONNECTIONTYPE POSTGIS\n    CONNECTION \"").append(connections.get(l.audience())).append("\"\n")
                .append("    DATA \"geom from (").append(sql.replace("\"", "\\\"")).append(") as t using unique fid using srid=")
                .append(l.srid()).append("\"\n")
                .append("    PROCESSING \"CLOSE_CONNECTION=DEFER\"\n")
                .append("    PROJECTION \"init=epsg:").append(l.srid()).append("\" END\n")
                .append("    EXTENT ").append(box(l.extent())).append('\n')
                .append("    METADATA\n")
                .append(meta("ows_title", l.title()))
                .append(meta("ows_abstract", l.abstractText()))
                .append(meta("ows_extent", box(l.extent())))
                .append(meta("ows_srs", String.join(" ", new java.util.LinkedHashSet<>(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("EPSG:" + l.srid()), CRS.subList(0, 4).stream()).toList()))))
                .append(meta("gml_include_items", "all"))
                .append(meta("gml_exclude_items", "fid"))
                .append(meta("wms_include_items", "all"))
                .append(meta("wfs_featureid", "fid"))
                .append(meta("gml_featureid", "fid"))
                .append(meta("gml_geometries", "geom"))
                .append(meta("gml_geom_type", "multipolygon"))
                .append(meta("gml_types", "auto"));
        if (!outline) {
            String periods = String.join(",", l.periods().stream().map(String::valueOf).toList());
            m.append(meta("ows_keywordlist", l.theme() + ",Sozialmonitoring"))
                    .append(meta("ows_attribution_title", l.source()))
                    .append(meta("wms_timeitem", "stichtag"))
                    .append(meta("wms_timeextent", periods))
                    .append(meta("gml_value_type", "Real"))
                    .append(meta("gml_period_type", "Integer"))
                    .append(meta("gml_klasse_type", "Integer"));
        }
        m.append("    END\n");
        if (outline) {
            m.append("    CLASS\n      NAME \"Grenze\"\n      STYLE OUTLINECOLOR 80 80 80 WIDTH 1 END\n    END\n");
        } else {
            Classification c = l.classification();
            m.append("    CLASSITEM \"klasse\"\n");
            List<String> labels = c.labels();
            for (int i = 0; i < c.classes(); i++) {
                m.append("    CLASS\n      NAME \"").append(escape(labels.get(i))).append("\"\n      EXPRESSION \"").append(i + 1)
                        .append("\"\n      STYLE COLOR \"").append(c.colours().get(i)).append("\" OUTLINECOLOR 120 120 120 WIDTH 0.5 END\n    END\n");
            }
            m.append("    CLASS\n      NAME \"nicht veröffentlicht (–)\"\n      EXPRESSION \"-1\"\n      STYLE COLOR \"").append(Classification.SUPPRESSED_COLOUR)
                    .append("\" OUTLINECOLOR 120 120 120 WIDTH 0.5 END\n")
                    .append("      STYLE SYMBOL \"hatch\" COLOR 120 120 120 SIZE 6 WIDTH 1 ANGLE 45 END\n    END\n")
                    .append("    CLASS\n      NAME \"keine Angabe (x)\"\n      EXPRESSION \"0\"\n      STYLE COLOR \"")
                    .append(Classification.NO_DATA_COLOUR).append("\" OUTLINECOLOR 120 120 120 WIDTH 0.5 END\n    END\n");
        }
        m.append("  END\n");
    }

    /** The class number in SQL, from the same breaks as the map classes: -1 withheld (public only), 0 no data. */
    static String classSql(Classification c) {
        StringBuilder s = new StringBuilder("(case when v.status = 'suppressed' then -1 when v.value is null then 0");
        for (int i = 1; i < c.classes(); i++) {
            s.append(" when v.value < ").append(num(c.breaks().get(i))).append(" then ").append(i);
        }
        return s.append(" else ").append(c.classes()).append(" end)").toString();
    }

    /** Exactly the double the classes use (shortest round-trip form), so SQL and Java agree at the breaks. */
    private static String num(double d) {
        return Double.toString(d);
    }

    private static double[] extent(List<LayerDef> layers) {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (LayerDef l : layers) {
            e[0] = Math.min(e[0], l.extent()[0]);
            e[1] = Math.min(e[1], l.extent()[1]);
            e[2] = Math.max(e[2], l.extent()[2]);
            e[3] = Math.max(e[3], l.extent()[3]);
        }
        return layers.isEmpty() ? new double[] {280000, 5235000, 922000, 6102000} : e;
    }

    private static String box(double[] e) {
        return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", e[0], e[1], e[2], e[3]);
    }

    private static String meta(String key, String value) {
        return "      \"" + key + "\" \"" + escape(value == null ? "" : value) + "\"\n";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    private static String sqlText(String s) {
        if (!s.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("unexpected key " + s);
        }
        return s;
    }
}
