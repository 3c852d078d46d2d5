package de.chancenatlas.ogc;

import de.chancenatlas.core.catalogue.FacilityType;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.AtlasReader.Period;
import de.chancenatlas.core.style.StyleSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the MapServer map for a set of layers. Everything a layer shows comes from the view family
 * of its audience ({@code atlas_public} or {@code atlas_internal}), read with that audience's own
 * database role; its classes come from {@link Classification}.
 */
public final class MapfileWriter {
    /**
     * Requested coordinate systems offered for every layer, besides its territory's own (which comes
     * first: the WFS DefaultCRS, the CRS of the territory's WMS and of its report maps).
     */
    public static final List<String> CRS = List.of("EPSG:25832", "EPSG:25833", "EPSG:3857", "EPSG:4326", "CRS:84");
    static {
        System.loadLibrary("javamapscript");   // PROJ through MapScript: a map's extent from layers in other CRSs
    }
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** How MapServer reaches PostGIS for each audience: a libpq connection string of its reader role. */
    private final Map<Audience, String> connections;
    private final String fontset;
    private final java.nio.file.Path dir;

    /** @param fontsetPath the fontset file; the HTML feature-info templates ({@link #supportFiles()}) lie beside it */
    public MapfileWriter(Map<Audience, String> connections, String fontsetPath) {
        this.connections = Map.copyOf(connections);
        this.fontset = fontsetPath;
        this.dir = java.nio.file.Path.of(fontsetPath).toAbsolutePath().getParent();
    }

    public static String fontsetLine() {
        return "dejavu " + FONT + "\n";
    }

    /**
     * Files the map refers to besides the fontset, by name: the templates of GetFeatureInfo as
     * text/html (MapServer wants its magic first line and an .html name). One table row per feature
     * with the German-formatted value; names are HTML-escaped by MapServer ([item ... escape="html"]).
     */
    public static Map<String, String> supportFiles() {
        String magic = "<!-- MapServer Template -->\n";
        return Map.of(
                "gfi-head.html", magic + "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Sachdaten</title>"
                        + "<style>table{border-collapse:collapse;font:13px sans-serif}th,td{border:1px solid #bbb;padding:2px 6px}"
                        + "td.zahl{text-align:right}</style></head><body>\n",
                "gfi-foot.html", magic + "</body></html>\n",
                "gfi-layer-head.html", magic + "<table>\n<tr><th>Indikator</th><th>Gebiet</th><th>Schlüssel</th><th>Zeitraum</th><th>Wert</th>"
                        + "<th>Klasse</th><th>Status</th></tr>\n",
                "gfi-layer.html", magic + "<tr><td>[item name=\"indikator\" escape=\"html\"]</td><td>[item name=\"name\" escape=\"html\"]</td><td>[item name=\"code\" escape=\"html\"]</td>"
                        + "<td>[item name=\"period_label\" escape=\"html\"]</td><td class=\"zahl\">[item name=\"wert\" escape=\"html\"]</td><td>[item name=\"klasse_text\" escape=\"html\"]</td>"
                        + "<td>[item name=\"status_text\" escape=\"html\"]</td></tr>\n",
                "gfi-facility.html", magic + "<tr><td>Einrichtung ([item name=\"typ\" escape=\"html\"])</td><td>[item name=\"name\" escape=\"html\"]</td>"
                        + "<td>[item name=\"code\" escape=\"html\"]</td><td></td><td></td><td></td><td></td></tr>\n",
                "gfi-outline.html", magic + "<tr><td>Grenze</td><td>[item name=\"name\" escape=\"html\"]</td><td>[item name=\"code\" escape=\"html\"]</td>"
                        + "<td></td><td></td><td></td><td></td></tr>\n",
                "gfi-layer-foot.html", magic + "</table>\n");
    }

    /**
     * The PNG output: zlib level 1 halves the encoding time of a 256 × 256 tile against MapServer's
     * default, for files a little larger; flat choropleth colours compress well either way.
     */
    public static final String PNG_FORMAT = "  OUTPUTFORMAT NAME \"png\" DRIVER \"AGG/PNG\" MIMETYPE \"image/png\" IMAGEMODE RGBA "
            + "EXTENSION \"png\" TRANSPARENT ON FORMATOPTION \"COMPRESSION=1\" END\n";

    /** The map WMS requests run on: in its layers' CRS (the most common one when territories differ). */
    public String write(String title, List<LayerDef> layers) {
        return write(title, layers, false);
    }

    /**
     * @param wfs the map of WFS requests: without a map projection, because MapServer advertises a
     *            map's projection as every feature type's DefaultCRS and answers in it; without one
     *            each feature type has its own territory's CRS, also on {@code /ows} where
     *            territories in different CRSs meet
     */
    public String write(String title, List<LayerDef> layers, boolean wfs) {
        int srid = srid(layers);
        double[] ext = wfs ? nativeExtent(layers) : extent(layers, srid);
        // the root's CRSs are inherited by every layer (WMS): a territory's own only where all layers share it
        List<String> offered = layers.stream().allMatch(l -> l.srid() == srid) ? offered(layers, srid) : CRS.subList(0, 4);
        StringBuilder m = new StringBuilder(64 * 1024);
        m.append("MAP\n  NAME \"chancenatlas\"\n  STATUS ON\n  SIZE 512 512\n  MAXSIZE 4096\n  UNITS METERS\n")
                .append("  EXTENT ").append(box(ext)).append('\n')
                .append("  FONTSET \"").append(fontset).append("\"\n")
                .append("  IMAGECOLOR 255 255 255\n")
                .append("  SYMBOL NAME \"hatch\" TYPE HATCH END\n")
                .append("  SYMBOL NAME \"punkt\" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END\n")
                .append(wfs ? "" : "  PROJECTION \"init=epsg:" + srid + "\" END\n")
                .append(PNG_FORMAT)
                .append("  OUTPUTFORMAT NAME \"jpeg\" DRIVER \"AGG/JPEG\" MIMETYPE \"image/jpeg\" IMAGEMODE RGB EXTENSION \"jpg\" FORMATOPTION \"QUALITY=85\" END\n")
                .append("  OUTPUTFORMAT NAME \"geojson\" DRIVER \"OGR/GEOJSON\" MIMETYPE \"application/json; subtype=geojson\" ")
                .append("FORMATOPTION \"STORAGE=memory\" FORMATOPTION \"FORM=simple\" FORMATOPTION \"LCO:COORDINATE_PRECISION=6\" END\n")
                // GetFeatureInfo as application/json: the same GeoJSON writer under the plain JSON type
                .append("  OUTPUTFORMAT NAME \"json\" DRIVER \"OGR/GEOJSON\" MIMETYPE \"application/json\" ")
                .append("FORMATOPTION \"STORAGE=memory\" FORMATOPTION \"FORM=simple\" FORMATOPTION \"LCO:COORDINATE_PRECISION=6\" END\n")
                // CSV: GDAL's CSV driver writes a file only when its name ends in .csv (MapServer's default
                // "result.dat" failed with a /vsimem path in the answer); csv_de is the German dialect
                // (semicolons, for spreadsheets with a decimal comma; the "wert" column is German anyway)
                .append("  OUTPUTFORMAT NAME \"csv\" DRIVER \"OGR/CSV\" MIMETYPE \"text/csv\" FORMATOPTION \"STORAGE=memory\" ")
                .append("FORMATOPTION \"FORM=simple\" FORMATOPTION \"FILENAME=result.csv\" FORMATOPTION \"LCO:GEOMETRY=AS_WKT\" END\n")
                .append("  OUTPUTFORMAT NAME \"csv_de\" DRIVER \"OGR/CSV\" MIMETYPE \"text/csv; dialect=de\" FORMATOPTION \"STORAGE=memory\" ")
                .append("FORMATOPTION \"FORM=simple\" FORMATOPTION \"FILENAME=result.csv\" FORMATOPTION \"LCO:GEOMETRY=AS_WKT\" ")
                .append("FORMATOPTION \"LCO:SEPARATOR=SEMICOLON\" END\n")
                .append("  LEGEND\n    KEYSIZE 18 12\n    LABEL TYPE TRUETYPE FONT \"dejavu\" SIZE 8 COLOR 0 0 0 ENCODING \"UTF-8\" END\n  END\n")
                .append("  WEB\n    HEADER \"").append(dir.resolve("gfi-head.html")).append("\"\n    FOOTER \"")
                .append(dir.resolve("gfi-foot.html")).append("\"\n    METADATA\n")
                .append(meta("ows_title", title))
                .append(meta("ows_abstract", "Kleinräumige Indikatoren zu Kindern, Jugendlichen und Familien (Chancenatlas)"))
                .append(meta("ows_enable_request", "*"))
                .append(wfs ? "" : meta("ows_srs", String.join(" ", offered)))
                .append(meta("wms_srs", String.join(" ", offered)))
                .append(meta("ows_encoding", "UTF-8"))
                .append(meta("ows_language", "ger"))
                .append(meta("wms_feature_info_mime_type", "text/html"))
                // only what our request vetting lets through (MapServer would advertise PDF, SVG, KML, ...)
                .append(meta("wms_getmap_formatlist", "image/png,image/jpeg"))
                .append(meta("wms_getfeatureinfo_formatlist", "text/html,application/json,geojson,application/vnd.ogc.gml,text/plain"))
                .append(meta("wfs_getfeature_formatlist", "geojson,csv,csv_de"))
                .append(meta("wfs_maxfeatures", "100000"))
                .append(meta("ows_namespace_prefix", "atlas"))
                .append(meta("ows_namespace_uri", NAMESPACE))
                .append("    END\n  END\n");
        for (LayerDef l : layers) {
            layer(m, l);
        }
        return m.append("END\n").toString();
    }

    /**
     * The layer's DATA: its rows from the audience's views with the geometry from {@code column}
     * ({@link Generalization}). Ordered by fid, so WFS paging (STARTINDEX/COUNT, as GDAL pages) never
     * repeats or skips a feature.
     *
     * @param forMap for GetMap: the rows are chosen by bounding box only ({@code && !BOX!}, which
     *               also stops MapServer adding its exact ST_Intersects test: drawing clips anyway,
     *               and the exact test cost half of a Germany-wide map's query). Feature info and
     *               WFS keep the exact test.
     */
    static String data(LayerDef l, String column, boolean forMap) {
        return "geom from (" + rows(l, column, forMap) + ") as t using unique fid using srid=" + l.srid();
    }

    /** The namespace of the atlas's feature types (prefix {@code atlas}). */
    static final String NAMESPACE = "https://chancenatlas.de/atlas";

    /**
     * The layer's rows as SQL (fid, its properties, geom), ordered by fid: the one definition that
     * MapServer's DATA and our own feature writer ({@link FeatureQuery}) both read.
     */
    static String rows(LayerDef l, String column, boolean forMap) {
        String s = l.audience().schema();
        String box = forMap ? " and g." + column + " && !BOX!" : "";
        if (l.kind() == LayerDef.Kind.FACILITY) {
            return "select f.facility_id as fid, f.code, f.name, f.facility_type as typ, f.geom from " + s + ".facility f "
                    + "join " + s + ".territory t on t.territory_id = f.territory_id where t.key = '" + sqlText(l.territory())
                    + "' and f.facility_type = '" + sqlText(l.level()) + "' and f.srid = " + l.srid() + (forMap ? " and f.geom && !BOX!" : "") + " order by f.facility_id";
        }
        return l.indicator() == null
                ? "select u.unit_id as fid, u.code, u.name, g." + column + " as geom from " + s + ".spatial_unit u "
                        + "join " + s + ".unit_geometry g on g.unit_id = u.unit_id join " + s + ".unit_level l using (level_id) "
                        + "join " + s + ".territory t on t.territory_id = u.territory_id where t.key = '" + sqlText(l.territory())
                        + "' and l.key = '" + sqlText(l.level()) + "' and u.valid_to is null and g.srid = " + l.srid() + box + " order by u.unit_id"
                : "select v.fid, v.code, v.name, v.period, v.period_label, v.stichtag, v.value, v.wert, v.status, " + classSql(l.classification()) + " as klasse, "
                        + classTextSql(l.classification()) + " as klasse_text, " + STATUS_TEXT_SQL + " as status_text, "
                        + sqlLiteral(l.title()) + " as indikator, g." + column + " as geom "
                        + "from " + s + ".layer_value v join " + s + ".unit_geometry g on g.unit_id = v.unit_id "
                        + "where v.territory = '" + sqlText(l.territory()) + "' and v.indicator = '"
                        + sqlText(l.indicator()) + "' and v.level = '" + sqlText(l.level()) + "' and g.srid = " + l.srid() + box + " order by v.fid";
    }

    /** Layer metadata holding the DATA of a GetMap: its key is this plus the geometry column ({@link #data}). */
    public static final String MAP_DATA_KEY = "atlas_map_data_";

    /**
     * Boundaries of choropleth classes are drawn up to this scale only: at the scale of a Land or
     * all of Germany thousands of outlines cover the colours (and took a third of the drawing time).
     */
    static final int OUTLINE_MAX_SCALE = 2_000_000;
    private static final String OUTLINE = "      STYLE OUTLINECOLOR 120 120 120 WIDTH 0.5 MAXSCALEDENOM " + OUTLINE_MAX_SCALE + " END\n";

    private void layer(StringBuilder m, LayerDef l) {
        boolean outline = l.kind() == LayerDef.Kind.OUTLINE;
        boolean facility = l.kind() == LayerDef.Kind.FACILITY;
        m.append("  LAYER\n    NAME \"").append(l.name()).append("\"\n    TYPE ").append(facility ? "POINT" : "POLYGON").append("\n    STATUS ON\n")
                // the template makes the layer queryable (GetFeatureInfo, WFS) and is the HTML feature-info row
                .append("    TEMPLATE \"").append(dir.resolve(outline ? "gfi-outline.html" : facility ? "gfi-facility.html" : "gfi-layer.html"))
                .append("\"\n")
                .append("    HEADER \"").append(dir.resolve("gfi-layer-head.html")).append("\"\n")
                .append("    FOOTER \"").append(dir.resolve("gfi-layer-foot.html")).append("\"\n")
                .append("    CONNECTIONTYPE POSTGIS\n    CONNECTION \"").append(connections.get(l.audience())).append("\"\n")
                .append("    DATA \"").append(escape(data(l, Generalization.FULL, false))).append("\"\n")
                .append("    PROCESSING \"CLOSE_CONNECTION=DEFER\"\n")
                .append("    PROJECTION \"init=epsg:").append(l.srid()).append("\" END\n")
                // no layer EXTENT: MapServer would reproject it for a visibility test on every map (a
                // sixth of a Köln GetMap); capabilities take the extent from ows_extent
                .append("    METADATA\n")
                .append(meta("ows_title", l.title()))
                .append(meta("ows_abstract", l.abstractText()))
                .append(meta("ows_extent", box(l.extent())))
                .append(meta("ows_srs", String.join(" ", offered(List.of(l), l.srid()))))
                .append(meta("wms_include_items", "all"))
                .append(meta("wfs_featureid", "fid"))
                .append(meta("gml_featureid", "fid"))
                .append(meta("gml_geometries", "geom"))
                .append(meta("gml_geom_type", facility ? "point" : "multipolygon"))
                // Explicit types, and no date column in GML: GDAL's WFS client reads the schema only when it
                // understands every element; the date "stichtag" (gml:TimeInstantType) made it fall back to
                // guessing from the data, typing code "05358004" as Integer and wert as Real. WFS has the
                // period (its key, "2015-H1") and period_label ("1. Halbjahr 2015"); stichtag serves the WMS time filter only.
                .append(meta("gml_code_type", "Character"))
                .append(meta("gml_name_type", "Character"));
        for (String column : facility ? List.of(Generalization.FULL) : Generalization.columns()) {
            m.append(meta(MAP_DATA_KEY + column, data(l, column, true)));
        }
        if (outline) {
            m.append(meta("gml_include_items", "code,name"));
        } else if (facility) {
            m.append(meta("gml_include_items", "code,name,typ")).append(meta("gml_typ_type", "Character"))
                    .append(meta("ows_keywordlist", l.levelName() + ",Einrichtungen,Sozialmonitoring"));
        } else {
            String periods = String.join(",", l.periods().stream().map(Period::stichtag).toList());
            m.append(meta("gml_include_items", "code,name,period,period_label,value,wert,status,klasse,klasse_text,status_text"))
                    .append(meta("gml_period_type", "Character"))
                    .append(meta("gml_period_label_type", "Character"))
                    .append(meta("gml_value_type", "Real"))
                    // value is empty where withheld or missing, so the schema says nillable; WFS 2.0 (CITE) requires
                    // PropertyIsNil on some nillable property, and MapServer 8 answers it (never writes xsi:nil: no match)
                    .append(meta("gml_value_nillable", "true"))
                    .append(meta("gml_wert_type", "Character"))
                    .append(meta("gml_status_type", "Character"))
                    .append(meta("gml_klasse_type", "Integer"))
                    .append(meta("gml_klasse_text_type", "Character"))
                    .append(meta("gml_status_text_type", "Character"))
                    .append(meta("ows_keywordlist", l.theme() + ",Sozialmonitoring"))
                    .append(meta("ows_attribution_title", l.source()))
                    .append(meta("wms_timeitem", "stichtag"))
                    .append(meta("wms_timeextent", periods))
                    // the latest Stichtag unless TIME says otherwise; WMS only, WFS serves every period
                    .append(meta("wms_timedefault", l.periods().isEmpty() ? "" : l.periods().get(l.periods().size() - 1).stichtag()))
                    // made absolute per request from the endpoint's address (MapServerPool)
                    .append(meta(API_PATH_KEY, "/api/v1/territories/" + l.territory() + "/indicators/" + l.indicator()));
            for (String style : styleNames(l)) {
                m.append(meta("wms_style_" + style + "_title", StyleSet.title(style)));
            }
        }
        m.append("    END\n");
        if (outline) {
            m.append("    CLASS\n      NAME \"Grenze\"\n      STYLE OUTLINECOLOR 80 80 80 WIDTH 1 END\n    END\n");
        } else if (facility) {
            m.append("    CLASS\n      NAME \"").append(escape(l.levelName())).append("\"\n      STYLE SYMBOL \"punkt\" SIZE 9 COLOR \"")
                    .append(FacilityType.named(l.level()).orElse(FacilityType.SONSTIGE).colour()).append("\" OUTLINECOLOR 255 255 255 WIDTH 1 END\n    END\n");
        } else {
            // one class group per named style (WMS STYLES); MapServer takes the first matching class
            m.append("    CLASSGROUP \"").append(StyleSet.DEFAULT).append("\"\n");
            StyleSet set = l.styles();
            for (String style : styleNames(l)) {
                specialClasses(m, style);
                if (StyleSet.DEFAULT.equals(style)) {
                    classes(m, style, l.classification(), null, true, "");
                } else if (StyleSet.PER_PERIOD.equals(style)) {
                    String latest = l.periods().get(l.periods().size() - 1).period();
                    Map<String, String> labels = new java.util.HashMap<>();
                    l.periods().forEach(p -> labels.put(p.period(), p.periodLabel()));
                    for (var e : set.perPeriod().entrySet()) {
                        // only the latest period's classes are named, so the legend shows one set of classes
                        classes(m, style, e.getValue(), e.getKey(), e.getKey().equals(latest), labels.getOrDefault(e.getKey(), e.getKey()) + ": ");
                    }
                } else {
                    classes(m, style, set.classification(style, null), null, true, "");
                }
            }
        }
        m.append("  END\n");
    }

    /** Layer metadata holding the API path of an indicator's description, for the metadata URL. */
    public static final String API_PATH_KEY = "atlas_api_path";

    private static List<String> styleNames(LayerDef l) {
        return l.styles() == null || l.periods().isEmpty() ? List.of(StyleSet.DEFAULT) : StyleSet.NAMES;
    }

    /** Withheld and missing values look the same in every style; first, so they win. */
    private static void specialClasses(StringBuilder m, String group) {
        m.append("    CLASS\n      NAME \"nicht veröffentlicht (–)\"\n      GROUP \"").append(group).append("\"\n      EXPRESSION ([klasse] = -1)\n")
                .append("      STYLE COLOR \"").append(Classification.SUPPRESSED_COLOUR).append("\" END\n")
                .append("      STYLE SYMBOL \"hatch\" COLOR 120 120 120 SIZE 6 WIDTH 1 ANGLE 45 END\n").append(OUTLINE).append("    END\n")
                .append("    CLASS\n      NAME \"keine Angabe (x)\"\n      GROUP \"").append(group).append("\"\n      EXPRESSION ([klasse] = 0)\n")
                .append("      STYLE COLOR \"").append(Classification.NO_DATA_COLOUR).append("\" END\n").append(OUTLINE).append("    END\n");
    }

    /**
     * The classes of one classification as value ranges (lower bound inclusive, upper exclusive, the
     * first open below and the last open above, like {@link Classification#classOf}); the default
     * style uses the class number the view computed from the same breaks.
     */
    private static void classes(StringBuilder m, String group, Classification c, String period, boolean named, String prefix) {
        List<String> labels = c.labels();
        for (int i = 0; i < c.classes(); i++) {
            String expr;
            if (StyleSet.DEFAULT.equals(group)) {
                expr = "([klasse] = " + (i + 1) + ")";
            } else {
                List<String> parts = new java.util.ArrayList<>();
                if (period != null) {
                    parts.add("\"[period]\" = \"" + period + "\"");   // keys are [0-9HQ/-]: nothing to escape
                }
                if (i > 0) {
                    parts.add("[value] >= " + plain(c.breaks().get(i)));
                }
                if (i < c.classes() - 1) {
                    parts.add("[value] < " + plain(c.breaks().get(i + 1)));
                }
                expr = parts.isEmpty() ? "(1 = 1)" : "(" + String.join(" AND ", parts) + ")";
            }
            m.append("    CLASS\n");
            if (named) {
                m.append("      NAME \"").append(escape(prefix + labels.get(i))).append("\"\n");
            }
            m.append("      GROUP \"").append(group).append("\"\n      EXPRESSION ").append(expr).append('\n')
                    .append("      STYLE COLOR \"").append(c.colours().get(i)).append("\" END\n").append(OUTLINE).append("    END\n");
        }
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).toPlainString();
    }

    /** The class number in SQL, from the same breaks as the map classes: -1 withheld (public only), 0 no data. */
    static String classSql(Classification c) {
        StringBuilder s = new StringBuilder("(case when v.status = 'suppressed' then -1 when v.value is null then 0");
        for (int i = 1; i < c.classes(); i++) {
            s.append(" when v.value < ").append(num(c.breaks().get(i))).append(" then ").append(i);
        }
        return s.append(" else ").append(c.classes()).append(" end)").toString();
    }

    /** The legend label of the default class, for feature info and WFS. */
    static String classTextSql(Classification c) {
        List<String> labels = c.labels();
        StringBuilder s = new StringBuilder("(case when status = 'suppressed' then 'nicht veröffentlicht (–)' when value is null then 'keine Angabe (x)'");
        for (int i = 1; i < c.classes(); i++) {
            s.append(" when value < ").append(num(c.breaks().get(i))).append(" then ").append(sqlLiteral(labels.get(i - 1)));
        }
        return s.append(" else ").append(sqlLiteral(labels.get(c.classes() - 1))).append(" end)").toString();
    }

    private static final String STATUS_TEXT_SQL = "(case status when 'ok' then 'endgültig' when 'provisional' then 'vorläufig' "
            + "when 'estimated' then 'geschätzt' when 'secret' then 'geheim (intern)' when 'suppressed' then 'Geheimhaltung' "
            + "when 'incomplete' then 'unvollständig' else 'keine Angabe' end)";

    /** Exactly the double the classes use (shortest round-trip form), so SQL and Java agree at the breaks. */
    private static String num(double d) {
        return Double.toString(d);
    }

    /** The map's CRS: its layers' one, or the most common when territories differ (ties: the lower code); 25832 when empty. */
    static int srid(List<LayerDef> layers) {
        Map<Integer, Long> counts = new java.util.TreeMap<>(layers.stream()
                .collect(java.util.stream.Collectors.groupingBy(LayerDef::srid, java.util.stream.Collectors.counting())));
        return counts.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                        .thenComparing(Map.Entry.<Integer, Long>comparingByKey().reversed()))
                .map(Map.Entry::getKey).orElse(25832);
    }

    /** The CRS offered: {@code srid} first, then the territories' own, then the common ones. */
    static List<String> offered(List<LayerDef> layers, int srid) {
        var out = new java.util.LinkedHashSet<String>();
        out.add("EPSG:" + srid);
        layers.stream().map(l -> "EPSG:" + l.srid()).sorted().forEach(out::add);
        out.addAll(CRS.subList(0, 4));
        return List.copyOf(out);
    }

    /** The layers' extent in EPSG:{@code srid}, each layer's box projected from its own CRS. */
    private static double[] extent(List<LayerDef> layers, int srid) {
        if (layers.isEmpty()) {
            return new double[] {280000, 5235000, 922000, 6102000};
        }
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (LayerDef l : layers) {
            double[] b = l.extent();
            if (l.srid() != srid) {
                var r = new edu.umn.gis.mapscript.rectObj(b[0], b[1], b[2], b[3], 0);
                r.project(new edu.umn.gis.mapscript.projectionObj("init=epsg:" + l.srid()),
                        new edu.umn.gis.mapscript.projectionObj("init=epsg:" + srid));
                b = new double[] {r.getMinx(), r.getMiny(), r.getMaxx(), r.getMaxy()};
                r.delete();
            }
            e[0] = Math.min(e[0], b[0]);
            e[1] = Math.min(e[1], b[1]);
            e[2] = Math.max(e[2], b[2]);
            e[3] = Math.max(e[3], b[3]);
        }
        return e;
    }

    /** The union of the layers' boxes in their own coordinates: a map without projection queries each layer in its own. */
    private static double[] nativeExtent(List<LayerDef> layers) {
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

    private static String sqlLiteral(String s) {
        return "'" + (s == null ? "" : s).replace("'", "''") + "'";
    }

    private static String sqlText(String s) {
        if (!s.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("unexpected key " + s);
        }
        return s;
    }
}
