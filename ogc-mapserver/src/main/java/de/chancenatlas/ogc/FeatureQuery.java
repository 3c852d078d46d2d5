package de.chancenatlas.ogc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * GeoJSON features of one layer straight from its audience's views, for WFS GetFeature
 * ({@link WfsGeoJson}) and OGC API Features ({@link FeaturesApi}). The rows are MapServer's own
 * ({@link MapfileWriter#rows}), read with the audience's reader role; PostGIS writes the geometry
 * ({@code ST_AsGeoJSON}) and we the rest, streaming. MapServer's OGR output of the same rows took
 * five times as long (measured in the benchmark).
 */
public final class FeatureQuery {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Coordinate decimals: centimetres in a projected CRS, about 1 cm (1e-7°) in degrees.
     * Configurable ({@code atlas.ogc.precision.metres}, {@code atlas.ogc.precision.degrees}).
     */
    public record Precision(int metres, int degrees) {
        public static final Precision DEFAULT = new Precision(2, 7);

        public Precision {
            if (metres < 0 || metres > 9 || degrees < 0 || degrees > 15) {
                throw new IllegalArgumentException("coordinate precision out of range: " + metres + ", " + degrees);
            }
        }

        int of(int srid) {
            return Crs.geographic(srid) ? degrees : metres;
        }
    }

    /** SQL conditions on the layer's rows ({@code t.}), with their JDBC arguments. */
    public static final class Where {
        final List<String> sql = new ArrayList<>();
        final List<Object> args = new ArrayList<>();

        public Where add(String condition, Object... arguments) {
            sql.add(condition);
            args.addAll(List.of(arguments));
            return this;
        }

        String text() {
            return sql.isEmpty() ? "" : " where " + String.join(" and ", sql);
        }
    }

    /**
     * One request for features.
     *
     * @param properties the properties to write, in the layer's order (all when null)
     * @param orderBy    an ORDER BY list over the layer's properties (vetted), or empty for fid order
     * @param limit      at most this many features
     * @param srid       the CRS of the coordinates: an EPSG code in its axis order, or {@link Crs#LON_LAT}
     * @param name       the collection's name, null for none
     * @param form       WFS (legacy {@code crs} member, as MapServer wrote it, ids {@code layer.fid}), or
     *                   OGC API (a collection or one feature, ids the fid)
     */
    public record Spec(LayerDef layer, List<String> properties, Where where, String orderBy, long offset, int limit, int srid,
                       String name, Form form) { }

    /** What to write. */
    public enum Form { WFS, COLLECTION, FEATURE }

    /** The properties of a layer, in the order of its GML schema ({@code gml_include_items}). */
    public static List<String> properties(LayerDef l) {
        return switch (l.kind()) {
            case OUTLINE -> List.of("code", "name");
            case FACILITY -> List.of("code", "name", "typ");
            case CHOROPLETH -> List.of("code", "name", "period", "period_label", "value", "wert", "status", "klasse", "klasse_text", "status_text");
        };
    }

    /** Properties compared as numbers; the rest (the period's key "2012", "2015-H1" among them) are text. */
    static boolean numeric(String property) {
        return Map.of("value", true, "klasse", true, "fid", true).getOrDefault(property, false);
    }

    /** The feature id, the same as the GML id and WFS RESOURCEID: {@code layer.fid}. */
    static String id(LayerDef l, long fid) {
        return l.name() + "." + fid;
    }

    /** How many features match. */
    public static long count(DataSource ds, LayerDef l, Where where) {
        String sql = "select count(*) from (" + MapfileWriter.rows(l, Generalization.FULL, false) + ") t" + where.text();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, where.args);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Writes the FeatureCollection.
     *
     * @param matched numberMatched, or -1 to leave it out
     * @param extra   writes further top-level members (links, timeStamp) after the features
     * @return the document; null for a single feature that does not exist
     */
    public static byte[] write(DataSource ds, Spec s, Precision precision, long matched, Consumer<JsonGenerator> extra) {
        LayerDef l = s.layer();
        List<String> props = s.properties() == null ? properties(l) : s.properties();
        int srid = Crs.srid(s.srid());
        StringBuilder sql = select(s, props, precision);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString());
             JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            bind(ps, s.where().args);
            ps.setFetchSize(500);
            if (s.form() == Form.FEATURE) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    feature(g, l, rs, props, false, extra);
                }
                g.flush();
                return out.toByteArray();
            }
            c.setAutoCommit(false);   // fetch in batches: the 688 features of eight years need not sit in memory twice
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (s.name() != null) {
                g.writeStringField("name", s.name());
            }
            if (s.form() == Form.WFS && !Crs.geographic(s.srid())) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", "urn:ogc:def:crs:EPSG::" + srid);
                g.writeEndObject();
                g.writeEndObject();
            }
            if (matched >= 0) {
                g.writeNumberField("numberMatched", matched);
            }
            g.writeArrayFieldStart("features");
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    feature(g, l, rs, props, s.form() == Form.WFS, null);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            g.writeEndArray();
            g.writeNumberField("numberReturned", n);
            if (extra != null) {
                extra.accept(g);
            }
            g.writeEndObject();
        } catch (SQLException e) {
            throw failed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The rows of a request: fid, the properties, the geometry as GeoJSON (PostGIS, at the CRS's precision). */
    private static StringBuilder select(Spec s, List<String> props, Precision precision) {
        LayerDef l = s.layer();
        int srid = Crs.srid(s.srid());
        String geom = l.srid() == srid ? "t.geom" : "st_transform(t.geom, " + srid + ")";
        if (s.srid() == 4326) {
            geom = "st_flipcoordinates(" + geom + ")";   // EPSG:4326 by its definition, latitude first (OGC API Part 2)
        }
        StringBuilder sql = new StringBuilder("select t.fid");
        for (String p : props) {
            sql.append(", t.").append(p);
        }
        return sql.append(", st_asgeojson(").append(geom).append(", ").append(precision.of(s.srid())).append(", 0) from (")
                .append(MapfileWriter.rows(l, Generalization.FULL, false)).append(") t").append(s.where().text())
                .append(" order by ").append(s.orderBy() == null || s.orderBy().isEmpty() ? "" : s.orderBy() + ", ").append("t.fid")
                .append(" limit ").append(s.limit()).append(" offset ").append(s.offset());
    }

    /**
     * Writes a WFS 2.0 FeatureCollection in GML 3.2 of polygon features in the layer's own CRS, as
     * MapServer writes it from its schema (DescribeFeatureType): {@code atlas:} elements in schema order,
     * {@code gml:id} {@code layer.fid} on the feature and {@code layer.fid.n} on each geometry, a
     * MultiSurface of Polygons; a null value is left out (every property has minOccurs 0). Coordinates
     * as PostGIS rounded them for GeoJSON, copied digit for digit.
     *
     * @param count          counts all matching features; asked only when the page is full (or empty past the start)
     * @param pageAt         the URL of the page starting at an index (previous, next)
     * @param schemaLocation the value of xsi:schemaLocation
     */
    public static byte[] writeGml(DataSource ds, Spec s, Precision precision, java.util.function.LongSupplier count,
                                  java.util.function.LongFunction<String> pageAt, String schemaLocation) {
        LayerDef l = s.layer();
        List<String> props = s.properties() == null ? properties(l) : s.properties();
        String srs = "urn:ogc:def:crs:EPSG::" + Crs.srid(s.srid());
        String type = "atlas:" + l.name();
        StringBuilder sql = select(s, props, precision);
        StringBuilder members = new StringBuilder(64 * 1024);
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, s.where().args);
            ps.setFetchSize(500);
            c.setAutoCommit(false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    String id = id(l, rs.getLong(1));
                    members.append("<wfs:member><").append(type).append(" gml:id=\"").append(id).append("\">");
                    String geometry = rs.getString(props.size() + 2);
                    if (geometry != null) {
                        members.append("<atlas:geom>");
                        multiSurface(members, geometry, id, srs);
                        members.append("</atlas:geom>");
                    }
                    for (int i = 0; i < props.size(); i++) {
                        Object v = rs.getObject(i + 2);
                        if (v != null) {
                            String p = props.get(i);
                            members.append("<atlas:").append(p).append('>');
                            if (v instanceof Double d) {
                                members.append(java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());   // 6, not 6.0: as MapServer
                            } else if (v instanceof Number num) {
                                members.append(num.longValue());
                            } else {
                                escape(members, v.toString());
                            }
                            members.append("</atlas:").append(p).append('>');
                        }
                    }
                    members.append("</").append(type).append("></wfs:member>\n");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        // a page that is not full tells the count itself: the count query only for full pages
        long matched = n < s.limit() && (n > 0 || s.offset() == 0) ? s.offset() + n : count.getAsLong();
        String previous = s.offset() > 0 ? pageAt.apply(Math.max(0, s.offset() - s.limit())) : null;
        String next = s.offset() + s.limit() < matched ? pageAt.apply(s.offset() + s.limit()) : null;
        StringBuilder head = new StringBuilder(1024).append("<?xml version='1.0' encoding=\"UTF-8\" ?>\n<wfs:FeatureCollection")
                .append(" xmlns:atlas=\"").append(MapfileWriter.NAMESPACE).append('"')
                .append(" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"");
        escape(head, schemaLocation);
        head.append("\" timeStamp=\"").append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append("\" numberMatched=\"").append(matched).append("\" numberReturned=\"").append(n).append('"');
        if (previous != null) {
            escape(head.append(" previous=\""), previous).append('"');
        }
        if (next != null) {
            escape(head.append(" next=\""), next).append('"');
        }
        head.append(">\n");
        byte[] a = head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = members.append("</wfs:FeatureCollection>\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A GeoJSON Polygon or MultiPolygon as PostGIS wrote it, as a gml:MultiSurface with ids {@code id.1},
     * {@code id.2}, ...: one pass over the text, the numbers copied as they are.
     */
    static void multiSurface(StringBuilder out, String geojson, String id, String srs) {
        int part = 1;
        int at = geojson.indexOf("\"coordinates\"");
        int point = geojson.startsWith("{\"type\":\"MultiPolygon\"") ? 4 : 3;   // nesting depth of a point's array
        out.append("<gml:MultiSurface gml:id=\"").append(id).append('.').append(part++).append("\" srsName=\"").append(srs).append("\">");
        int depth = 0;
        int ring = 0;
        boolean firstPoint = true;
        for (int i = geojson.indexOf('[', at); i < geojson.length() && (depth > 0 || i == geojson.indexOf('[', at)); i++) {
            char c = geojson.charAt(i);
            if (c == '[') {
                depth++;
                if (depth == point - 2) {
                    out.append("<gml:surfaceMember><gml:Polygon gml:id=\"").append(id).append('.').append(part++).append("\">");
                    ring = 0;
                } else if (depth == point - 1) {
                    out.append(ring == 0 ? "<gml:exterior>" : "<gml:interior>").append("<gml:LinearRing><gml:posList srsDimension=\"2\">");
                    firstPoint = true;
                } else if (depth == point) {
                    if (!firstPoint) {
                        out.append(' ');
                    }
                    firstPoint = false;
                }
            } else if (c == ']') {
                if (depth == point - 1) {
                    out.append("</gml:posList></gml:LinearRing>").append(ring++ == 0 ? "</gml:exterior>" : "</gml:interior>");
                } else if (depth == point - 2) {
                    out.append("</gml:Polygon></gml:surfaceMember>");
                }
                depth--;
            } else if (c == ',') {
                if (depth == point) {
                    out.append(' ');   // between x and y
                }
            } else if (depth == point && c != ' ') {
                out.append(c);
            }
        }
        out.append("</gml:MultiSurface>");
    }

    private static StringBuilder escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** One feature: the row's properties in the layer's order, its geometry as PostGIS wrote it. */
    static void feature(JsonGenerator g, LayerDef l, ResultSet rs, List<String> props, boolean wfsId, Consumer<JsonGenerator> extra)
            throws SQLException, IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        if (wfsId) {
            g.writeStringField("id", id(l, rs.getLong(1)));
        } else {
            g.writeNumberField("id", rs.getLong(1));
        }
        g.writeObjectFieldStart("properties");
        for (int i = 0; i < props.size(); i++) {
            Object v = rs.getObject(i + 2);
            g.writeFieldName(props.get(i));
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Number num) {
                g.writeNumber(num.longValue());
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
        String geometry = rs.getString(props.size() + 2);
        g.writeFieldName("geometry");
        if (geometry == null) {
            g.writeNull();
        } else {
            g.writeRawValue(single(geometry));
        }
        if (extra != null) {
            extra.accept(g);
        }
        g.writeEndObject();
    }

    private static final String MULTI = "{\"type\":\"MultiPolygon\",\"coordinates\":[";

    /**
     * A MultiPolygon of one polygon as a Polygon, as MapServer writes it (the views keep
     * MultiPolygons). Done on the text: in SQL the extra functions detoasted each geometry again and
     * cost a third of the query.
     */
    static String single(String geometry) {
        if (!geometry.startsWith(MULTI) || !geometry.endsWith("]}")) {
            return geometry;
        }
        int depth = 0;
        int end = geometry.length() - 2;   // the closing bracket of "coordinates"
        for (int i = MULTI.length(); i < end; i++) {
            char c = geometry.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return geometry;   // a second polygon
            }
        }
        return "{\"type\":\"Polygon\",\"coordinates\":" + geometry.substring(MULTI.length(), end) + "}";
    }

    /** Binds by type: the arguments come from vetted filters only. */
    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof long[] ids) {
                Long[] boxed = new Long[ids.length];
                for (int k = 0; k < ids.length; k++) {
                    boxed[k] = ids[k];
                }
                ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", boxed));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static OgcException failed(SQLException e) {
        // a statement timeout or a lost connection: the client gets an exception report, never the database's text
        org.slf4j.LoggerFactory.getLogger(FeatureQuery.class).warn("feature query failed: {}", e.getMessage());
        return new OgcException("OperationProcessingFailed", null, "Abfrage fehlgeschlagen / query failed");
    }
}
