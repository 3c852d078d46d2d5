package de.chancenatlas.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * WFS GetFeature as GeoJSON for one feature type, answered by {@link FeatureQuery} instead of
 * MapServer's OGR output (five times the time of the same rows). It takes what a web map or QGIS
 * sends: BBOX (in a projected CRS), FILTER ({@link FeatureFilter}), RESOURCEID, PROPERTYNAME,
 * SORTBY, COUNT/STARTINDEX, SRSNAME. Anything else, and anything it cannot judge exactly as
 * MapServer would (errors included), goes to MapServer as before: {@link #answer} returns null.
 */
final class WfsGeoJson {
    /** Parameters this writer understands; any other (RESULTTYPE, NAMESPACES, stored queries, ...) goes to MapServer. */
    private static final Set<String> HANDLED = Set.of("SERVICE", "VERSION", "REQUEST", "TYPENAMES", "TYPENAME", "OUTPUTFORMAT", "BBOX",
            "FILTER", "FILTER_LANGUAGE", "RESOURCEID", "PROPERTYNAME", "SORTBY", "COUNT", "MAXFEATURES", "STARTINDEX", "SRSNAME");

    /** OUTPUTFORMAT values meaning GML 3.2 (lower case, no spaces or quotes), as MapServer's capabilities list them. */
    private static final Set<String> GML32 = Set.of("application/gml+xml;version=3.2", "text/xml;subtype=gml/3.2.1");

    private WfsGeoJson() {
    }

    /**
     * @param layers   the layers of the viewer's scope, by name
     * @param reader   the pool of the layer's audience role
     * @param offered  the CRSs the layer offers (its own and {@link MapfileWriter#CRS})
     * @return the answer, or null when MapServer is to answer
     */
    static OgcResponse answer(OgcRequest r, Map<String, LayerDef> layers, java.util.function.Function<LayerDef, DataSource> reader,
                              FeatureQuery.Precision precision, String onlineResource) {
        Map<String, String> p = r.params();
        // GML 3.2 (WFS 2.0's default) in the layer's own CRS, all properties; SRSNAME and PROPERTYNAME stay MapServer's
        boolean gml = !p.containsKey("SRSNAME") && !p.containsKey("PROPERTYNAME") && (!p.containsKey("OUTPUTFORMAT")
                || GML32.contains(p.get("OUTPUTFORMAT").strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "")));
        if (!"WFS".equals(r.service()) || !"GetFeature".equals(r.request()) || r.body() != null || !(gml || "geojson".equals(p.get("OUTPUTFORMAT")))
                || !"2.0.0".equals(p.getOrDefault("VERSION", "2.0.0")) || !HANDLED.containsAll(p.keySet())) {
            return null;
        }
        List<String> names = r.layerNames();
        if (names.size() != 1 || p.containsKey("FILTER") && p.containsKey("RESOURCEID") || p.containsKey("BBOX") && p.containsKey("FILTER")
                || p.containsKey("BBOX") && p.containsKey("RESOURCEID")) {
            return null;   // several types, or combinations WFS forbids: MapServer's answer and errors
        }
        LayerDef l = layers.get(names.get(0));
        String lang = p.get("FILTER_LANGUAGE");
        if (l == null || lang != null && !lang.isBlank() && !lang.equals("urn:ogc:def:query Language:OGC-FES:Filter")
                || gml && l.kind() == LayerDef.Kind.FACILITY) {
            return null;   // GML of points: MapServer's
        }
        try {
            FeatureQuery.Where where = new FeatureQuery.Where();
            int srid = p.containsKey("SRSNAME") ? crs(l, p.get("SRSNAME")) : l.srid();
            if (p.containsKey("BBOX")) {
                bbox(where, l, p.get("BBOX"));
            }
            if (p.containsKey("FILTER")) {
                FeatureFilter.add(where, l, p.get("FILTER"));
            }
            if (p.containsKey("RESOURCEID")) {
                where.add("t.fid = any (?)", (Object) FeatureFilter.fids(l, Arrays.asList(p.get("RESOURCEID").split(","))));
            }
            List<String> properties = properties(l, p.get("PROPERTYNAME"));
            String order = sort(l, p.get("SORTBY"));
            int limit = Math.min(OgcRequest.MAX_FEATURES, Integer.parseInt(p.getOrDefault("COUNT", p.getOrDefault("MAXFEATURES",
                    String.valueOf(OgcRequest.MAX_FEATURES))).strip()));
            long start = startIndex(p.get("STARTINDEX"));
            DataSource ds = reader.apply(l);
            if (gml) {
                String schema = MapfileWriter.NAMESPACE + " " + onlineResource + "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAME=atlas:" + l.name()
                        + "&OUTPUTFORMAT=application%2Fgml%2Bxml%3B%20version%3D3.2 http://www.opengis.net/wfs/2.0 "
                        + "http://schemas.opengis.net/wfs/2.0/wfs.xsd http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd";
                byte[] body = FeatureQuery.writeGml(ds, new FeatureQuery.Spec(l, properties, where, order, start, limit, srid, l.name(),
                        FeatureQuery.Form.WFS), precision, () -> FeatureQuery.count(ds, l, where), at -> next(r, onlineResource, at), schema);
                return new OgcResponse(200, "text/xml; subtype=\"gml/3.2.1\"", body);
            }
            long matched = FeatureQuery.count(ds, l, where);
            String next = start + limit < matched ? next(r, onlineResource, start + limit) : null;
            byte[] body = FeatureQuery.write(ds, new FeatureQuery.Spec(l, properties, where, order, start, limit, srid, l.name(), FeatureQuery.Form.WFS),
                    precision, matched, g -> {
                        try {
                            if (next != null) {
                                g.writeStringField("next", next);   // as wfs:FeatureCollection's next attribute in GML
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            return new OgcResponse(200, "application/json; subtype=geojson", body);
        } catch (FeatureFilter.Unsupported e) {
            return null;
        }
    }

    /** SRSNAME as MapServer answers it: coordinates in degrees longitude first whatever the name's axis order. */
    private static int crs(LayerDef l, String name) throws FeatureFilter.Unsupported {
        int code = Crs.code(name);
        boolean offered = code == l.srid() || code == Crs.LON_LAT
                || MapfileWriter.CRS.stream().map(Crs::code).anyMatch(c -> c == Crs.code(name) && c != 0);
        if (!offered) {
            throw new FeatureFilter.Unsupported("CRS not offered");   // MapServer's error
        }
        return code == 4326 ? Crs.LON_LAT : code;
    }

    /** BBOX in the layer's CRS or another projected one; degrees (whose axis order WFS versions disagree on) go to MapServer. */
    private static void bbox(FeatureQuery.Where where, LayerDef l, String text) throws FeatureFilter.Unsupported {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 5) {
            throw new FeatureFilter.Unsupported("bbox");
        }
        int srid = parts.length == 5 ? Crs.code(parts[4]) : l.srid();
        if (srid <= 0 || Crs.geographic(srid) || !(srid == l.srid() || MapfileWriter.CRS.stream().anyMatch(c -> Crs.code(c) == srid))) {
            throw new FeatureFilter.Unsupported("bbox crs");
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(b[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new FeatureFilter.Unsupported("bbox numbers");
        }
        String box = "st_makeenvelope(?, ?, ?, ?, " + srid + ")";
        where.add("st_intersects(t.geom, " + (srid == l.srid() ? box : "st_transform(" + box + ", " + l.srid() + ")") + ")", b[0], b[1], b[2], b[3]);
    }

    private static List<String> properties(LayerDef l, String text) throws FeatureFilter.Unsupported {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> wanted = new ArrayList<>();
        for (String n : text.replaceAll("^\\(|\\)$", "").split(",")) {
            String name = n.strip().substring(n.strip().indexOf(':') + 1);
            if (name.equals("geom")) {
                continue;   // the geometry comes always, as from MapServer
            }
            if (!FeatureQuery.properties(l).contains(name)) {
                throw new FeatureFilter.Unsupported("property");
            }
            wanted.add(name);
        }
        return FeatureQuery.properties(l).stream().filter(wanted::contains).toList();   // the schema's order, as MapServer
    }

    /** SORTBY {@code name [ASC|DESC|A|D]}, ...; nulls as PostgreSQL sorts them, which MapServer's query does too. */
    private static String sort(LayerDef l, String text) throws FeatureFilter.Unsupported {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] w = part.strip().split("\\s+");
            String name = w[0].substring(w[0].indexOf(':') + 1);
            if (w.length > 2 || !FeatureQuery.properties(l).contains(name)) {
                throw new FeatureFilter.Unsupported("sortby");
            }
            String dir = w.length == 1 ? "ASC" : w[1].toUpperCase(Locale.ROOT);
            if (!List.of("ASC", "DESC", "A", "D").contains(dir)) {
                throw new FeatureFilter.Unsupported("sort order");
            }
            out.add("t." + name + (dir.startsWith("D") ? " desc" : " asc"));
        }
        return String.join(", ", out);
    }

    private static long startIndex(String text) throws FeatureFilter.Unsupported {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FeatureFilter.Unsupported("startindex");   // MapServer's error
        }
    }

    /** The request again with the next STARTINDEX. */
    private static String next(OgcRequest r, String onlineResource, long start) {
        StringBuilder s = new StringBuilder(onlineResource);
        for (var e : r.params().entrySet()) {
            if (!e.getKey().equals("STARTINDEX")) {
                s.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).append('&');
            }
        }
        return s.append("STARTINDEX=").append(start).toString();
    }
}
