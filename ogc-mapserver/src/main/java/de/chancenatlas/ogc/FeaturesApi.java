package de.chancenatlas.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.chancenatlas.core.read.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * OGC API – Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS by reference) over the
 * layers a viewer may read, at {@code /ogcapi} (all territories) and {@code /{territory}/ogcapi}.
 * A collection is a WFS feature type under the same name, read through the same scope as WFS
 * ({@link OgcService#layers}), so hidden layers do not exist here either and the values are the
 * same disclosure-controlled ones; features come from {@link FeatureQuery}.
 */
public final class FeaturesApi {
    /** A response: status, media type, body and extra headers (Content-Crs). */
    public record Answer(int status, String type, byte[] body, Map<String, String> headers) { }

    static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final List<String> CONFORMANCE = List.of(CORE + "core", CORE + "geojson", CORE + "html", CORE + "oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    private static final String GEOJSON = "application/geo+json";
    private static final String JSON = "application/json";
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 10_000;
    private static final Set<String> ITEM_PARAMS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime");

    private final OgcService ogc;
    private final ObjectMapper json = new ObjectMapper();

    public FeaturesApi(OgcService ogc) {
        this.ogc = ogc;
    }

    /** A client error: 400 or 404 with a short explanation in German and English. */
    static final class Problem extends RuntimeException {
        final int status;

        Problem(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /**
     * @param path   the path below the API's root, without leading slash ("" for the landing page)
     * @param accept the Accept header, or null
     * @param base   the API root as the client addressed it, without trailing slash
     */
    public Answer handle(Viewer viewer, String territory, String path, Map<String, String[]> raw, String accept, String base) {
        Map<String, String> params = new LinkedHashMap<>();
        raw.forEach((k, v) -> params.put(k, v == null || v.length == 0 ? "" : v[0]));
        boolean html = html(params.get("f"), accept);
        try {
            Map<String, LayerDef> layers;
            try {
                layers = ogc.layers(viewer, territory);
            } catch (OgcException e) {
                throw new Problem(404, e.getMessage());
            }
            String[] seg = path.isEmpty() ? new String[0] : path.split("/", -1);
            if (seg.length == 0) {
                return landing(territory, layers, base, html);
            }
            if (seg.length == 1 && seg[0].equals("conformance")) {
                return conformance(base, html);
            }
            if (seg.length == 1 && seg[0].equals("api")) {
                return new Answer(200, OPENAPI, OpenApi.document(base, territory, layers.values()), Map.of());
            }
            if (seg[0].equals("collections")) {
                if (seg.length == 1) {
                    return collections(layers, base, html);
                }
                LayerDef l = layers.get(seg[1]);
                if (l == null) {
                    throw new Problem(404, "Sammlung „" + seg[1] + "“ gibt es hier nicht / no such collection");
                }
                if (seg.length == 2) {
                    return collection(l, base, html);
                }
                if (seg.length == 3 && seg[2].equals("items")) {
                    return items(l, params, base, html);
                }
                if (seg.length == 4 && seg[2].equals("items")) {
                    return item(l, seg[3], params, base, html);
                }
            }
            throw new Problem(404, "Pfad nicht gefunden / not found");
        } catch (Problem p) {
            return problem(p.status, p.getMessage(), html);
        } catch (OgcException e) {
            return problem(503, e.getMessage(), html);   // the database failed us: said plainly, no trace
        }
    }

    static boolean html(String f, String accept) {
        if (f != null && !f.isEmpty()) {
            return f.equalsIgnoreCase("html");
        }
        if (accept == null) {
            return false;
        }
        int h = accept.indexOf("text/html");
        int j = Math.max(accept.indexOf("json"), -1);
        return h >= 0 && (j < 0 || h < j);   // a browser; clients that name JSON first get JSON
    }

    // ---------------------------------------------------------------- resources

    private Answer landing(String territory, Map<String, LayerDef> layers, String base, boolean html) {
        String title = territory == null || layers.isEmpty() ? "Chancenatlas" : "Chancenatlas " + layers.values().iterator().next().territoryName();
        String description = "Kleinräumige Indikatoren als OGC API – Features / small-area indicators as OGC API – Features";
        ObjectNode root = json.createObjectNode().put("title", title).put("description", description);
        ArrayNode links = root.putArray("links");
        self(links, base, "", html, "Diese Seite / this document");
        link(links, base + "/api", "service-desc", OPENAPI, "API-Beschreibung (OpenAPI 3.0) / API definition");
        link(links, base + "/conformance", "conformance", JSON, "Konformitätsklassen / conformance classes");
        link(links, base + "/collections", "data", JSON, "Sammlungen / collections");
        if (!html) {
            return json(root, JSON);
        }
        Html h = new Html(title);
        h.p(description);
        h.ul(List.of(h.a(base + "/collections?f=html", "Sammlungen (Ebenen)"), h.a(base + "/conformance?f=html", "Konformitätsklassen"),
                h.a(base + "/api", "API-Beschreibung (OpenAPI 3.0, JSON)"), h.a(base + "?f=json", "Diese Seite als JSON")));
        return h.answer();
    }

    private Answer conformance(String base, boolean html) {
        ObjectNode root = json.createObjectNode();
        ArrayNode c = root.putArray("conformsTo");
        CONFORMANCE.forEach(c::add);
        if (!html) {
            return json(root, JSON);
        }
        Html h = new Html("Konformitätsklassen");
        h.ul(CONFORMANCE.stream().map(Html::escape).toList());
        h.p(h.a(base + "/conformance?f=json", "Als JSON"));
        return h.answer();
    }

    private Answer collections(Map<String, LayerDef> layers, String base, boolean html) {
        Map<String, double[]> boxes = lonLatExtents(layers.values());
        ObjectNode root = json.createObjectNode();
        ArrayNode links = root.putArray("links");
        self(links, base, "/collections", html, "Sammlungen / collections");
        ArrayNode cs = root.putArray("collections");
        for (LayerDef l : layers.values()) {
            cs.add(describe(l, boxes.get(l.name()), base));
        }
        if (!html) {
            return json(root, JSON);
        }
        Html h = new Html("Sammlungen");
        h.table(List.of("Sammlung", "Beschreibung", "Zeitraum"), layers.values().stream().map(l -> List.of(
                h.a(base + "/collections/" + l.name() + "?f=html", l.title()), Html.escape(l.abstractText() == null ? "" : l.abstractText()),
                Html.escape(l.periods().isEmpty() ? "–" : span(l)))).toList());
        h.p(h.a(base + "/collections?f=json", "Als JSON"));
        return h.answer();
    }

    private Answer collection(LayerDef l, String base, boolean html) {
        ObjectNode c = describe(l, lonLatExtents(List.of(l)).get(l.name()), base);
        if (!html) {
            return json(c, JSON);
        }
        Html h = new Html(l.title());
        h.p(Html.escape(l.abstractText() == null ? "" : l.abstractText()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Kennung", Html.escape(l.name())));
        rows.add(List.of("Gebiet", Html.escape(l.territoryName())));
        rows.add(List.of("Raumbezug", Html.escape(l.levelName())));
        if (!l.periods().isEmpty()) {
            rows.add(List.of("Zeitraum", Html.escape(span(l))));
        }
        if (l.source() != null) {
            rows.add(List.of("Quelle", Html.escape(l.source())));
        }
        rows.add(List.of("Eigenschaften", Html.escape(String.join(", ", FeatureQuery.properties(l)))));
        h.table(List.of("", ""), rows);
        h.ul(List.of(h.a(base + "/collections/" + l.name() + "/items?f=html", "Objekte"),
                h.a(base + "/collections/" + l.name() + "/items?f=json", "Objekte als GeoJSON"),
                h.a(base + "/collections/" + l.name() + "?f=json", "Diese Beschreibung als JSON")));
        return h.answer();
    }

    /** A collection's description: extents in CRS84 and its reporting dates, the CRSs offered, links. */
    private ObjectNode describe(LayerDef l, double[] box, String base) {
        String url = base + "/collections/" + l.name();
        ObjectNode c = json.createObjectNode().put("id", l.name()).put("title", l.title());
        if (l.abstractText() != null) {
            c.put("description", l.abstractText());
        }
        ObjectNode extent = c.putObject("extent");
        ObjectNode spatial = extent.putObject("spatial");
        ArrayNode bbox = spatial.putArray("bbox").addArray();
        for (double d : box) {
            bbox.add(d);
        }
        spatial.put("crs", Crs.CRS84);
        if (!l.periods().isEmpty()) {
            ObjectNode temporal = extent.putObject("temporal");
            temporal.putArray("interval").addArray().add(stichtag(l, 0) + "T00:00:00Z").add(stichtag(l, l.periods().size() - 1) + "T00:00:00Z");
            temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
        }
        c.put("itemType", "feature");
        ArrayNode crs = c.putArray("crs");
        crsOffered(l).forEach(code -> crs.add(Crs.uri(code)));
        c.put("storageCrs", Crs.uri(l.srid()));
        ArrayNode links = c.putArray("links");
        link(links, url, "self", JSON, "Diese Sammlung / this collection");
        link(links, url + "?f=html", "alternate", "text/html", "als HTML / as HTML");
        link(links, url + "/items", "items", GEOJSON, "Objekte / features");
        link(links, url + "/items?f=html", "items", "text/html", "Objekte als HTML / features as HTML");
        return c;
    }

    /** The reporting date (Stichtag, ISO date) of a layer's i-th period: the one place that reads a period here. */
    private static String stichtag(LayerDef l, int i) {
        return l.periods().get(i).stichtag();
    }

    /** The first and last period, for people. */
    private static String span(LayerDef l) {
        return l.periods().get(0).periodLabel() + " – " + l.periods().get(l.periods().size() - 1).periodLabel();
    }

    /** CRS84 first (the default), then EPSG:4326, the territory's own and the others WFS offers. */
    static List<Integer> crsOffered(LayerDef l) {
        Set<Integer> out = new LinkedHashSet<>();
        out.add(Crs.LON_LAT);
        out.add(4326);
        out.add(l.srid());
        MapfileWriter.CRS.stream().map(Crs::code).filter(c -> c > 0).forEach(out::add);
        return List.copyOf(out);
    }

    private Answer items(LayerDef l, Map<String, String> p, String base, boolean html) {
        List<String> properties = FeatureQuery.properties(l);
        for (String name : p.keySet()) {
            if (!ITEM_PARAMS.contains(name) && !properties.contains(name)) {
                throw new Problem(400, "Unbekannter Parameter „" + name + "“ / unknown parameter; erlaubt / allowed: "
                        + String.join(", ", new java.util.TreeSet<>(ITEM_PARAMS)) + ", " + String.join(", ", properties));
            }
        }
        int limit = integer(p, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE);
        limit = Math.min(limit, MAX_LIMIT);   // the standard: a larger limit is lowered, not refused
        long offset = integer(p, "offset", 0, 0, Integer.MAX_VALUE);
        int crs = crs(l, p.get("crs"), "crs");
        FeatureQuery.Where where = new FeatureQuery.Where();
        if (p.containsKey("bbox")) {
            bbox(where, l, p.get("bbox"), p.containsKey("bbox-crs") ? crs(l, p.get("bbox-crs"), "bbox-crs") : Crs.LON_LAT);
        } else if (p.containsKey("bbox-crs")) {
            crs(l, p.get("bbox-crs"), "bbox-crs");
        }
        if (p.containsKey("datetime")) {
            datetime(where, l, p.get("datetime"));
        }
        for (String name : properties) {
            if (p.containsKey(name)) {
                if (FeatureQuery.numeric(name)) {
                    try {
                        where.add("t." + name + " = ?::float8", Double.parseDouble(p.get(name).strip()));
                    } catch (NumberFormatException e) {
                        throw new Problem(400, "„" + name + "“ muss eine Zahl sein / must be a number");
                    }
                } else {
                    where.add("t." + name + " = ?::text", p.get(name));
                }
            }
        }
        DataSource ds = ogc.reader(l);
        long matched = FeatureQuery.count(ds, l, where);
        String url = base + "/collections/" + l.name() + "/items";
        String query = query(p, Set.of("f", "offset"));
        String next = offset + limit < matched ? url + "?" + query + "offset=" + (offset + limit) : null;
        String prev = offset > 0 ? url + "?" + query + "offset=" + Math.max(0, offset - limit) : null;
        if (html) {
            return itemsHtml(l, ds, where, offset, limit, matched, base, next == null ? null : next + "&f=html",
                    prev == null ? null : prev + "&f=html");
        }
        String self = url + "?" + query + "offset=" + offset;
        byte[] body = FeatureQuery.write(ds, new FeatureQuery.Spec(l, null, where, "", offset, limit, crs, null, FeatureQuery.Form.COLLECTION),
                ogc.precision(), matched, g -> {
                    try {
                        g.writeStringField("timeStamp", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                        g.writeArrayFieldStart("links");
                        link(g, self + "&f=json", "self", GEOJSON, "Diese Seite / this document");
                        link(g, self + "&f=html", "alternate", "text/html", "als HTML / as HTML");
                        if (next != null) {
                            link(g, next + "&f=json", "next", GEOJSON, "nächste Seite / next page");
                        }
                        if (prev != null) {
                            link(g, prev + "&f=json", "prev", GEOJSON, "vorige Seite / previous page");
                        }
                        link(g, base + "/collections/" + l.name(), "collection", JSON, "Die Sammlung / the collection");
                        g.writeEndArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return new Answer(200, GEOJSON, body, Map.of("Content-Crs", "<" + Crs.uri(crs) + ">"));
    }

    private Answer item(LayerDef l, String id, Map<String, String> p, String base, boolean html) {
        for (String name : p.keySet()) {
            if (!Set.of("f", "crs").contains(name)) {
                throw new Problem(400, "Unbekannter Parameter „" + name + "“ / unknown parameter (f, crs)");
            }
        }
        if (!id.matches("\\d{1,18}")) {
            throw new Problem(404, "Kein Objekt „" + id + "“ / no such feature");
        }
        int crs = crs(l, p.get("crs"), "crs");
        FeatureQuery.Where where = new FeatureQuery.Where().add("t.fid = ?", Long.parseLong(id));
        DataSource ds = ogc.reader(l);
        String url = base + "/collections/" + l.name() + "/items/" + id;
        if (html) {
            Answer a = itemsHtml(l, ds, where, 0, 1, 1, base, null, null);
            if (a.body().length == 0) {
                throw new Problem(404, "Kein Objekt „" + id + "“ / no such feature");
            }
            return a;
        }
        byte[] body = FeatureQuery.write(ds, new FeatureQuery.Spec(l, null, where, "", 0, 1, crs, null, FeatureQuery.Form.FEATURE),
                ogc.precision(), -1, g -> {
                    try {
                        g.writeArrayFieldStart("links");
                        link(g, url + "?f=json", "self", GEOJSON, "Dieses Objekt / this feature");
                        link(g, url + "?f=html", "alternate", "text/html", "als HTML / as HTML");
                        link(g, base + "/collections/" + l.name(), "collection", JSON, "Die Sammlung / the collection");
                        g.writeEndArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (body == null) {
            throw new Problem(404, "Kein Objekt „" + id + "“ / no such feature");
        }
        return new Answer(200, GEOJSON, body, Map.of("Content-Crs", "<" + Crs.uri(crs) + ">"));
    }

    /** Features as a table (values as published, German-formatted in "wert"); the map stays with the web atlas. */
    private Answer itemsHtml(LayerDef l, DataSource ds, FeatureQuery.Where where, long offset, int limit, long matched, String base,
                             String next, String prev) {
        byte[] body = FeatureQuery.write(ds, new FeatureQuery.Spec(l, null, where, "", offset, limit, Crs.LON_LAT, null,
                FeatureQuery.Form.COLLECTION), ogc.precision(), matched, null);
        List<String> props = FeatureQuery.properties(l);
        List<List<String>> rows = new ArrayList<>();
        Html h = new Html(l.title());
        try {
            for (var f : json.readTree(body).get("features")) {
                List<String> row = new ArrayList<>();
                String id = f.get("id").asText();
                row.add(h.a(base + "/collections/" + l.name() + "/items/" + id + "?f=html", id));
                for (String p : props) {
                    var v = f.get("properties").get(p);
                    row.add(Html.escape(v == null || v.isNull() ? "" : v.asText()));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && limit == 1) {
            return new Answer(404, HTML, new byte[0], Map.of());
        }
        List<String> head = new ArrayList<>(List.of("Kennung"));
        head.addAll(props);
        h.p(Html.escape(String.format(Locale.GERMANY, "%,d Objekte, hier %,d bis %,d", matched, rows.isEmpty() ? 0 : offset + 1, offset + rows.size())));
        h.table(head, rows);
        List<String> nav = new ArrayList<>();
        if (prev != null) {
            nav.add(h.a(prev, "Vorige Seite"));
        }
        if (next != null) {
            nav.add(h.a(next, "Nächste Seite"));
        }
        nav.add(h.a(base + "/collections/" + l.name() + "?f=html", "Zur Sammlung"));
        h.ul(nav);
        return h.answer();
    }

    // ---------------------------------------------------------------- parameters

    private static int integer(Map<String, String> p, String name, int dflt, int min, int max) {
        String v = p.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw new Problem(400, "„" + name + "“ muss eine ganze Zahl ab " + min + " sein / must be an integer of at least " + min);
        }
    }

    private static int crs(LayerDef l, String uri, String name) {
        if (uri == null) {
            return Crs.LON_LAT;
        }
        int code = Crs.code(uri);
        if (!crsOffered(l).contains(code)) {
            throw new Problem(400, "Koordinatensystem „" + uri + "“ nicht angeboten / " + name + " not offered");
        }
        return code;
    }

    private void bbox(FeatureQuery.Where where, LayerDef l, String text, int crs) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new Problem(400, "bbox braucht 4 oder 6 Zahlen / bbox needs 4 or 6 numbers");
        }
        double[] n = new double[parts.length];
        try {
            for (int i = 0; i < n.length; i++) {
                n[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(n[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw new Problem(400, "bbox: keine Zahl / not a number");
        }
        int d = n.length / 2;   // 6 numbers: the heights are ignored
        double x1 = n[0];
        double y1 = n[1];
        double x2 = n[d];
        double y2 = n[d + 1];
        if (crs == 4326) {   // EPSG:4326 by its definition: latitude first
            double t = x1;
            x1 = y1;
            y1 = t;
            t = x2;
            x2 = y2;
            y2 = t;
        }
        if (Crs.geographic(crs) && (y1 > y2 || y1 < -90 || y2 > 90 || Math.abs(x1) > 180 || Math.abs(x2) > 180)) {
            throw new Problem(400, "bbox: ungültige Koordinaten / invalid coordinates");
        }
        if (!Crs.geographic(crs) && (x1 > x2 || y1 > y2)) {
            throw new Problem(400, "bbox: untere Ecke zuerst / lower corner first");
        }
        int srid = Crs.srid(crs);
        if (Crs.geographic(crs)) {
            // degrees are clipped to the layer's extent before PostGIS projects them: a box over half the
            // globe has no image in a UTM zone; one across the antimeridian is two boxes
            double[] e = lonLatExtents(List.of(l)).get(l.name());
            List<double[]> boxes = x1 <= x2 ? List.of(new double[] {x1, y1, x2, y2})
                    : List.of(new double[] {x1, y1, 180, y2}, new double[] {-180, y1, x2, y2});
            List<String> sql = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            for (double[] b : boxes) {
                double[] c = {Math.max(b[0], e[0] - 0.01), Math.max(b[1], e[1] - 0.01), Math.min(b[2], e[2] + 0.01), Math.min(b[3], e[3] + 0.01)};
                if (c[0] <= c[2] && c[1] <= c[3]) {
                    sql.add("st_intersects(t.geom, st_transform(st_makeenvelope(?, ?, ?, ?, 4326), " + l.srid() + "))");
                    for (double v : c) {
                        args.add(v);
                    }
                }
            }
            where.add(sql.isEmpty() ? "false" : "(" + String.join(" or ", sql) + ")", args.toArray());
            return;
        }
        String box = "st_makeenvelope(?, ?, ?, ?, " + srid + ")";
        where.add("st_intersects(t.geom, " + (srid == l.srid() ? box : "st_transform(" + box + ", " + l.srid() + ")") + ")", x1, y1, x2, y2);
    }

    /** datetime: an instant or an interval (open ends ".." or empty) over the reporting dates (Stichtage). */
    private static void datetime(FeatureQuery.Where where, LayerDef l, String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || text.isBlank()) {
            throw new Problem(400, "datetime: ein Zeitpunkt oder ein Intervall a/b / an instant or an interval");
        }
        LocalDate from = parts[0].isEmpty() || parts[0].equals("..") ? null : date(parts[0]);
        LocalDate to = parts.length == 1 ? from : parts[1].isEmpty() || parts[1].equals("..") ? null : date(parts[1]);
        if (parts.length == 2 && from == null && to == null) {
            throw new Problem(400, "datetime: beide Enden offen / both ends open");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new Problem(400, "datetime: Beginn nach dem Ende / start after end");
        }
        if (l.periods().isEmpty()) {
            return;   // no temporal property: the features have no time to filter on
        }
        if (from != null) {
            where.add("t.stichtag >= ?", java.sql.Date.valueOf(from));
        }
        if (to != null) {
            where.add("t.stichtag <= ?", java.sql.Date.valueOf(to));
        }
    }

    private static LocalDate date(String s) {
        try {
            return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Problem(400, "datetime: „" + s + "“ ist kein Datum nach RFC 3339 / not an RFC 3339 date");
        }
    }

    /** The query string without the named parameters, ending with "&" when not empty. */
    private static String query(Map<String, String> p, Set<String> without) {
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> {
            if (!without.contains(k)) {
                s.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        return s.toString();
    }

    /** The layers' extents in CRS84, from their own CRS (PostGIS projects, as for the features). */
    private Map<String, double[]> lonLatExtents(java.util.Collection<LayerDef> layers) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (layers.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("select st_xmin(b), st_ymin(b), st_xmax(b), st_ymax(b) from (values ");
        List<LayerDef> list = List.copyOf(layers);
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", st_transform(st_makeenvelope(?, ?, ?, ?, ")
                    .append(list.get(i).srid()).append("), 4326)::box2d)");
        }
        sql.append(") v(i, b) order by i");
        try (var c = ogc.reader(list.get(0)).getConnection(); var ps = c.prepareStatement(sql.toString())) {
            int k = 1;
            for (LayerDef l : list) {
                for (double d : l.extent()) {
                    ps.setDouble(k++, d);
                }
            }
            var rs = ps.executeQuery();
            for (LayerDef l : list) {
                rs.next();
                out.put(l.name(), new double[] {round(rs.getDouble(1)), round(rs.getDouble(2)), round(rs.getDouble(3)), round(rs.getDouble(4))});
            }
        } catch (SQLException e) {
            throw new OgcException("NoApplicableCode", null, "Datenbank nicht erreichbar / database unavailable");
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 1e7) / 1e7;
    }

    // ---------------------------------------------------------------- output

    private void self(ArrayNode links, String base, String path, boolean html, String title) {
        link(links, base + path + (html ? "?f=html" : "?f=json"), "self", html ? "text/html" : JSON, title);
        link(links, base + path + (html ? "?f=json" : "?f=html"), "alternate", html ? JSON : "text/html", html ? "als JSON / as JSON" : "als HTML / as HTML");
    }

    private static void link(ArrayNode links, String href, String rel, String type, String title) {
        links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    private static void link(com.fasterxml.jackson.core.JsonGenerator g, String href, String rel, String type, String title) throws IOException {
        g.writeStartObject();
        g.writeStringField("href", href);
        g.writeStringField("rel", rel);
        g.writeStringField("type", type);
        g.writeStringField("title", title);
        g.writeEndObject();
    }

    private Answer json(ObjectNode root, String type) {
        try {
            return new Answer(200, type, json.writeValueAsBytes(root), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer problem(int status, String message, boolean html) {
        if (html) {
            Html h = new Html(status == 404 ? "Nicht gefunden" : status == 400 ? "Ungültige Anfrage" : "Vorübergehend nicht verfügbar");
            h.p(Html.escape(message));
            Answer a = h.answer();
            return new Answer(status, a.type(), a.body(), Map.of());
        }
        ObjectNode root = json.createObjectNode().put("code", status == 404 ? "NotFound" : status == 400 ? "InvalidParameterValue"
                : "ServiceUnavailable").put("description", message);
        Answer a = json(root, JSON);
        return new Answer(status, JSON, a.body(), Map.of());
    }

    /** A small, accessible German page: a heading, text, lists and tables; no script, no styles. */
    static final class Html {
        private final StringBuilder b = new StringBuilder();

        Html(String title) {
            b.append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                    .append("<title>").append(escape(title)).append(" – Chancenatlas</title></head>\n<body><main><h1>").append(escape(title))
                    .append("</h1>\n");
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
        }

        String a(String href, String text) {
            return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
        }

        void p(String html) {
            b.append("<p>").append(html).append("</p>\n");
        }

        void ul(List<String> items) {
            b.append("<ul>");
            items.forEach(i -> b.append("<li>").append(i).append("</li>"));
            b.append("</ul>\n");
        }

        void table(List<String> head, List<List<String>> rows) {
            b.append("<table><thead><tr>");
            head.forEach(h -> b.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
            b.append("</tr></thead><tbody>\n");
            for (List<String> r : rows) {
                b.append("<tr>");
                r.forEach(c -> b.append("<td>").append(c).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</tbody></table>\n");
        }

        Answer answer() {
            return new Answer(200, HTML, b.append("</main></body></html>\n").toString().getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }
}
