package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WFS GeoJSON from our own writer against MapServer's answer to the same question, and OGC API
 * Features: parsed responses, GDAL's OAPIF driver, access and disclosure as in WFS.
 */
class FeaturesHttpTest extends ServerTest {
    private static final String LAYER = "koeln.anteil_unter_6.stadtteil";
    private static final String WFS = "/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + LAYER + "&OUTPUTFORMAT=geojson";
    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    /** A condition our writer leaves to MapServer (PropertyIsLike) that every feature meets. */
    private static final String EVERY = "<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>name"
            + "</fes:ValueReference><fes:Literal>*</fes:Literal></fes:PropertyIsLike>";
    private static final String YEAR = "<fes:PropertyIsEqualTo><fes:ValueReference>period</fes:ValueReference><fes:Literal>2012"
            + "</fes:Literal></fes:PropertyIsEqualTo>";

    @TempDir
    Path tmp;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String filter(String body) {
        return "&FILTER=" + enc("<fes:Filter " + FES + ">" + body + "</fes:Filter>");
    }

    private JsonNode geojson(String path) throws Exception {
        var r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Features by code and period: properties equal, coordinates within {@code tolerance}, same ring structure. */
    private static void assertSameFeatures(JsonNode ours, JsonNode mapserver, double tolerance) {
        Map<String, JsonNode> theirs = new HashMap<>();
        mapserver.get("features").forEach(f -> theirs.put(key(f), f));
        assertThat(ours.get("features").size()).isEqualTo(mapserver.get("features").size()).isPositive();
        List<String> order = new ArrayList<>();
        List<String> theirOrder = new ArrayList<>();
        ours.get("features").forEach(f -> order.add(key(f)));
        mapserver.get("features").forEach(f -> theirOrder.add(key(f)));
        assertThat(order).isEqualTo(theirOrder);
        for (JsonNode f : ours.get("features")) {
            JsonNode m = theirs.get(key(f));
            assertThat(m).as(key(f)).isNotNull();
            assertThat(f.get("properties")).as(key(f)).isEqualTo(m.get("properties"));
            List<String> names = new ArrayList<>();
            f.get("properties").fieldNames().forEachRemaining(names::add);
            List<String> theirNames = new ArrayList<>();
            m.get("properties").fieldNames().forEachRemaining(theirNames::add);
            assertThat(names).isEqualTo(theirNames);
            assertThat(f.get("geometry").get("type")).isEqualTo(m.get("geometry").get("type"));
            assertSameCoordinates(f.get("geometry").get("coordinates"), m.get("geometry").get("coordinates"), tolerance);
        }
    }

    private static String key(JsonNode f) {
        JsonNode p = f.get("properties");
        return p.path("code").asText() + "/" + p.path("period").asText() + "/" + p.path("name").asText();
    }

    private static void assertSameCoordinates(JsonNode a, JsonNode b, double tolerance) {
        assertThat(a.size()).isEqualTo(b.size());
        if (a.get(0).isNumber()) {
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).asDouble()).isCloseTo(b.get(i).asDouble(), org.assertj.core.data.Offset.offset(tolerance));
            }
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            assertSameCoordinates(a.get(i), b.get(i), tolerance);
        }
    }

    /** The most decimals of any coordinate in a GeoJSON text. */
    private static int decimals(String json) {
        int max = 0;
        var m = java.util.regex.Pattern.compile("\\[\\s*(-?\\d+)\\.(\\d+),\\s*(-?\\d+)\\.(\\d+)").matcher(json);
        while (m.find()) {
            max = Math.max(max, Math.max(m.group(2).length(), m.group(4).length()));
        }
        return max;
    }

    @Test
    void wfsGeoJsonIsMapServersAnswerWithCentimetreCoordinatesAndIds() throws Exception {
        // one year: ours (a comparison it answers) against MapServer's (the same plus a condition only MapServer takes)
        JsonNode ours = geojson(WFS + filter(YEAR));
        JsonNode mapserver = geojson(WFS + filter("<fes:And>" + EVERY + YEAR + "</fes:And>"));
        assertThat(ours.get("numberMatched").asInt()).isEqualTo(ours.get("features").size()).isGreaterThan(50);
        assertThat(mapserver.has("numberReturned")).as("MapServer answered the second").isFalse();
        assertThat(ours.get("numberReturned").asInt()).isEqualTo(ours.get("features").size());
        assertSameFeatures(ours, mapserver, 0.011);   // both round the stored millimetres to centimetres, ties may differ
        ours.get("features").forEach(f -> assertThat(f.get("id").asText()).matches(java.util.regex.Pattern.quote(LAYER) + "\\.\\d+"));
        assertThat(ours.get("crs").get("properties").get("name").asText()).isEqualTo("urn:ogc:def:crs:EPSG::25832");
        assertThat(decimals(get(WFS + filter(YEAR)).body())).isEqualTo(2);
        assertThat(decimals(get(WFS + filter("<fes:And>" + EVERY + YEAR + "</fes:And>")).body())).as("MapServer too").isEqualTo(2);

        // all years, paged and sorted, a few properties, in degrees
        String page = "&SORTBY=" + enc("value DESC,name,period DESC") + "&COUNT=25&STARTINDEX=30&PROPERTYNAME=name,value,period";
        assertSameFeatures(geojson(WFS + page), geojson(WFS + page + filter(EVERY)), 0.011);
        String degrees = "&SRSNAME=EPSG:4326&COUNT=40";
        String deg = get(WFS + degrees).body();
        assertSameFeatures(JSON.readTree(deg), geojson(WFS + degrees + filter(EVERY)), 2e-7);
        assertThat(decimals(deg)).isEqualTo(7);
        assertThat(JSON.readTree(deg).has("crs")).isFalse();

        // a box in the layer's CRS (ours) and the same box as a filter (MapServer's)
        String box = "356000,5640000,358000,5642000";
        JsonNode boxed = geojson(WFS + "&BBOX=" + box);
        JsonNode mapBox = geojson(WFS + filter("<fes:And>" + EVERY + "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope "
                + "srsName=\"urn:ogc:def:crs:EPSG::25832\"><gml:lowerCorner>356000 5640000</gml:lowerCorner><gml:upperCorner>358000 5642000"
                + "</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And>"));
        assertSameFeatures(boxed, mapBox, 0.011);
        assertThat(boxed.get("features").size()).isPositive().isLessThan(first(WFS).get("numberMatched").asInt());

        // by identifier; one of another layer's is simply not found
        String id = ours.get("features").get(3).get("id").asText();
        JsonNode one = geojson(WFS + "&RESOURCEID=" + id);
        assertThat(one.get("features")).hasSize(1);
        assertThat(one.get("features").get(0).get("properties")).isEqualTo(ours.get("features").get(3).get("properties"));
        assertThat(geojson(WFS + filter("<fes:ResourceId rid=\"" + id + "\"/><fes:ResourceId rid=\"koeln.stadtteil.1\"/>")).get("features")).hasSize(1);

        // paging says where the next page is
        JsonNode first = geojson(WFS + "&COUNT=100");
        assertThat(first.get("numberMatched").asInt()).isGreaterThan(100);
        String next = first.get("next").asText();
        JsonNode second = geojson(next.substring(next.indexOf("/koeln/ows")));
        assertThat(key(second.get("features").get(0))).isNotEqualTo(key(first.get("features").get(0)));
        assertThat(second.get("features").get(0).get("id").asText()).isNotEqualTo(first.get("features").get(99).get("id").asText());
    }

    /** The members of a GML 3.2 FeatureCollection: gml:id, simple properties, all coordinates, geometry ids. */
    private record Member(String id, java.util.Map<String, String> properties, List<Double> coordinates, List<String> geometryIds) { }

    private static List<Member> gmlMembers(String xml) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).as(xml.substring(0, Math.min(400, xml.length()))).isEqualTo("FeatureCollection");
        var members = doc.getElementsByTagNameNS("http://www.opengis.net/wfs/2.0", "member");
        List<Member> out = new java.util.ArrayList<>();
        for (int i = 0; i < members.getLength(); i++) {
            org.w3c.dom.Element feature = null;
            for (var n = members.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e) {
                    feature = e;
                }
            }
            java.util.Map<String, String> props = new java.util.LinkedHashMap<>();
            for (var n = feature.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e && !e.getLocalName().equals("geom") && !e.getLocalName().equals("boundedBy")
                        && !e.getTextContent().isEmpty()) {
                    props.put(e.getLocalName(), e.getTextContent());
                }
            }
            List<Double> coordinates = new java.util.ArrayList<>();
            var lists = feature.getElementsByTagNameNS("http://www.opengis.net/gml/3.2", "posList");
            for (int k = 0; k < lists.getLength(); k++) {
                for (String v : lists.item(k).getTextContent().trim().split("\\s+")) {
                    coordinates.add(Double.parseDouble(v));
                }
            }
            List<String> ids = new java.util.ArrayList<>();
            for (String geometry : List.of("MultiSurface", "Polygon")) {
                var g = feature.getElementsByTagNameNS("http://www.opengis.net/gml/3.2", geometry);
                for (int k = 0; k < g.getLength(); k++) {
                    ids.add(((org.w3c.dom.Element) g.item(k)).getAttributeNS("http://www.opengis.net/gml/3.2", "id"));
                }
            }
            out.add(new Member(feature.getAttributeNS("http://www.opengis.net/gml/3.2", "id"), props, coordinates, ids));
        }
        return out;
    }

    private static void assertSameGml(String ours, String mapserver) throws Exception {
        List<Member> a = gmlMembers(ours);
        List<Member> b = gmlMembers(mapserver);
        assertThat(a).hasSameSizeAs(b).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).id()).isEqualTo(b.get(i).id());
            assertThat(a.get(i).properties()).as(a.get(i).id()).isEqualTo(b.get(i).properties());
            assertThat(a.get(i).geometryIds()).as(a.get(i).id()).isEqualTo(b.get(i).geometryIds());
            assertThat(a.get(i).coordinates()).as(a.get(i).id()).hasSameSizeAs(b.get(i).coordinates());
            for (int k = 0; k < a.get(i).coordinates().size(); k++) {
                assertThat(a.get(i).coordinates().get(k)).isCloseTo(b.get(i).coordinates().get(k), org.assertj.core.data.Offset.offset(0.011));
            }
        }
    }

    /**
     * WFS GML 3.2 of polygon layers in their own CRS is written by the atlas (as GeoJSON is): the same
     * members, gml:ids (features and geometries), property values and coordinates as MapServer's,
     * for a year, paged and sorted, by box, by id; the count is exact; SRSNAME and PROPERTYNAME stay MapServer's.
     */
    @Test
    void wfsGmlIsMapServersAnswer() throws Exception {
        String gml = WFS.replace("&OUTPUTFORMAT=geojson", "");
        var year = get(gml + filter(YEAR));
        assertThat(year.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml").contains("gml/3.2.1");
        assertThat(year.body()).contains("numberMatched=\"86\"").contains("numberReturned=\"86\"");
        String mapserver = get(gml + filter("<fes:And>" + EVERY + YEAR + "</fes:And>")).body();
        assertThat(mapserver).as("MapServer answered the second (ours writes no boundedBy)").contains("<wfs:boundedBy>");
        assertThat(year.body()).doesNotContain("boundedBy");
        assertSameGml(year.body(), mapserver);
        String format = "&OUTPUTFORMAT=" + enc("application/gml+xml; version=3.2");
        String page = "&SORTBY=" + enc("value DESC,name,period DESC") + "&COUNT=25&STARTINDEX=30";
        var paged = get(gml + format + page).body();
        assertSameGml(paged, get(gml + format + page + filter(EVERY)).body());
        assertThat(paged).contains("previous=\"").contains("next=\"").contains("STARTINDEX=55");
        String box = "&BBOX=356000,5640000,358000,5642000";
        assertSameGml(get(gml + box).body(), get(gml + filter("<fes:And>" + EVERY + "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::25832\"><gml:lowerCorner>356000 5640000</gml:lowerCorner><gml:upperCorner>"
                + "358000 5642000</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And>")).body());
        String id = gmlMembers(year.body()).get(5).id();
        assertThat(gmlMembers(get(gml + "&RESOURCEID=" + id).body())).extracting(Member::id).containsExactly(id);
        // outlines too; an empty answer is a valid empty collection
        String outline = "/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:koeln.stadtteil&COUNT=20";
        assertSameGml(get(outline).body(), get(outline + filter(EVERY)).body());
        var none = get(gml + filter(YEAR.replace("2012", "1850"))).body();
        assertThat(none).contains("numberMatched=\"0\"").contains("numberReturned=\"0\"");
        assertThat(gmlMembers(none)).isEmpty();
    }

    private JsonNode first(String path) throws Exception {
        return geojson(path + "&COUNT=1");
    }

    @Test
    void wfsGeoJsonAndGmlAreCompressedForClientsThatAcceptIt() throws Exception {
        for (String path : List.of(WFS, WFS.replace("&OUTPUTFORMAT=geojson", ""), "/koeln/ogcapi/collections/" + LAYER + "/items?limit=50")) {
            var r = bytes("GET", path, "Accept-Encoding", "gzip");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
            assertThat(plain.length).isGreaterThan(r.body().length * 3);
        }
        assertThat(bytes("GET", WFS).headers().firstValue("Content-Encoding")).isEmpty();
    }

    /** GML coordinates carry the precision of their CRS as GeoJSON does: centimetres in metres, 1e-7 in degrees. */
    @Test
    void wfsGmlCoordinatesHaveThePrecisionOfTheirCrs() throws Exception {
        String gml = WFS.replace("&OUTPUTFORMAT=geojson", "") + "&COUNT=3";
        for (var c : List.of(java.util.Map.entry("", 2), java.util.Map.entry("&SRSNAME=EPSG:4326", 7), java.util.Map.entry("&SRSNAME=EPSG:3857", 2))) {
            var r = get(gml + c.getKey());
            assertThat(r.statusCode()).isEqualTo(200);
            var lists = java.util.regex.Pattern.compile("<gml:posList[^>]*>([^<]+)<").matcher(r.body());
            int decimals = 0;
            int numbers = 0;
            while (lists.find()) {
                for (String n : lists.group(1).trim().split("\\s+")) {
                    decimals = Math.max(decimals, n.contains(".") ? n.length() - n.indexOf('.') - 1 : 0);
                    numbers++;
                }
            }
            assertThat(numbers).as(c.getKey()).isGreaterThan(100);
            assertThat(decimals).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void wfsGeoJsonErrorsStayMapServersAndChangeNothing() throws Exception {
        for (String bad : List.of("&SORTBY=geheim", "&PROPERTYNAME=geheim", "&SRSNAME=EPSG:2056", "&STARTINDEX=-1",
                filter("<fes:PropertyIsEqualTo><fes:ValueReference>period</fes:ValueReference><fes:Literal>x'; drop table x</fes:Literal>"
                        + "</fes:PropertyIsEqualTo>"))) {
            var r = get(WFS + bad);
            assertThat(r.statusCode()).as(bad).isBetween(200, 499);
            assertThat(r.body()).as(bad).doesNotContain("SQL", "PSQLException", "at de.");
        }
    }

    @Test
    void ogcApiFeaturesLandingConformanceCollectionsAndItems() throws Exception {
        JsonNode landing = json(get("/koeln/ogcapi"));
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        assertThat(json(get("/koeln/ogcapi/conformance")).get("conformsTo").toString())
                .contains("conf/core", "conf/geojson", "conf/html", "conf/oas30", "ogcapi-features-2/1.0/conf/crs");
        JsonNode api = json(get("/koeln/ogcapi/api"));
        assertThat(api.get("paths").has("/collections/" + LAYER + "/items")).isTrue();

        JsonNode collections = json(get("/koeln/ogcapi/collections"));
        Map<String, JsonNode> byId = new HashMap<>();
        collections.get("collections").forEach(c -> byId.put(c.get("id").asText(), c));
        JsonNode c = byId.get(LAYER);
        assertThat(c).isNotNull();
        JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(6.7, 6.8);   // Köln in longitude, latitude
        assertThat(bbox.get(3).asDouble()).isBetween(51.0, 51.1);
        assertThat(c.get("extent").get("temporal").get("interval").get(0).get(1).asText()).startsWith("2012-12-31");
        assertThat(c.get("storageCrs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/25832");
        assertThat(c.get("crs").toString()).contains("OGC/1.3/CRS84", "EPSG/0/4326", "EPSG/0/3857");

        String items = "/koeln/ogcapi/collections/" + LAYER + "/items";
        var r = get(items + "?limit=20&datetime=2012-12-31");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode page = JSON.readTree(r.body());
        int year = page.get("numberMatched").asInt();
        assertThat(page.get("features")).hasSize(20);
        page.get("features").forEach(f -> assertThat(f.get("properties").get("period").asInt()).isEqualTo(2012));
        String next = null;
        for (JsonNode l : page.get("links")) {
            if (l.get("rel").asText().equals("next")) {
                next = l.get("href").asText();
            }
        }
        assertThat(next).contains("offset=20");
        // all pages together: every feature of the year once, the same values as WFS
        Set<Long> ids = new HashSet<>();
        int pages = 0;
        String url = items + "?limit=20&datetime=2012-12-31";
        while (url != null) {
            JsonNode p = json(get(url));
            p.get("features").forEach(f -> ids.add(f.get("id").asLong()));
            url = null;
            for (JsonNode l : p.get("links")) {
                if (l.get("rel").asText().equals("next")) {
                    url = l.get("href").asText().substring(l.get("href").asText().indexOf("/koeln/ogcapi"));
                }
            }
            pages++;
        }
        assertThat(ids).hasSize(year);
        assertThat(pages).isEqualTo((year + 19) / 20);
        JsonNode wfs = geojson(WFS + filter(YEAR));
        Map<String, JsonNode> wfsById = new HashMap<>();
        wfs.get("features").forEach(f -> wfsById.put(f.get("id").asText().substring(LAYER.length() + 1), f.get("properties")));
        assertThat(wfsById.keySet()).isEqualTo(ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));

        // one feature, in the territory's CRS; property filter; bbox in CRS84 and in a projected CRS
        long id = ids.iterator().next();
        var one = get(items + "/" + id + "?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/25832"));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("properties")).isEqualTo(wfsById.get(String.valueOf(id)));
        assertThat(json(one).get("geometry").get("coordinates").get(0).get(0).get(0).asDouble()).isBetween(340000.0, 372000.0);
        JsonNode byCode = json(get(items + "?code=" + enc(wfsById.get(String.valueOf(id)).get("code").asText())));
        assertThat(byCode.get("numberMatched").asInt()).isEqualTo(byCode.get("features").size()).isPositive();
        byCode.get("features").forEach(f -> assertThat(f.get("properties").get("code")).isEqualTo(wfsById.get(String.valueOf(id)).get("code")));
        int lonLat = json(get(items + "?datetime=2012-12-31&bbox=6.93,50.92,6.97,50.95")).get("numberMatched").asInt();
        int latLon = json(get(items + "?datetime=2012-12-31&bbox=50.92,6.93,50.95,6.97&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")))
                .get("numberMatched").asInt();
        assertThat(lonLat).isEqualTo(latLon).isBetween(1, year - 1);
        JsonNode lat = json(get(items + "/" + id + "?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")));
        assertThat(lat.get("geometry").get("coordinates").get(0).get(0).get(0).asDouble()).as("EPSG:4326 latitude first").isBetween(50.8, 51.1);

        // errors: 400 and 404 with an explanation, nothing else
        for (String bad : List.of("?limit=0", "?limit=x", "?bbox=1,2,3", "?datetime=gestern", "?crs=EPSG:2056", "?geheim=1", "?klasse=zwölf",
                "?datetime=2013-01-01/2012-01-01")) {
            var e = get(items + bad);
            assertThat(e.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(e).get("description").asText()).isNotBlank();
        }
        assertThat(get(items + "/999999999").statusCode()).isEqualTo(404);
        assertThat(get(items + "/abc").statusCode()).isEqualTo(404);
        assertThat(get("/koeln/ogcapi/collections/koeln.gibtsnicht").statusCode()).isEqualTo(404);
        assertThat(get("/nirgendwo/ogcapi/collections").statusCode()).isEqualTo(404);
    }

    @Test
    void ogcApiFeaturesHtmlIsGermanAndScriptFree() throws Exception {
        for (String path : List.of("/koeln/ogcapi", "/koeln/ogcapi/collections", "/koeln/ogcapi/collections/" + LAYER,
                "/koeln/ogcapi/collections/" + LAYER + "/items?limit=5")) {
            var r = get(path, "Accept", "text/html,application/xhtml+xml");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("<html lang=\"de\"", "<h1>").doesNotContain("<script").doesNotContainPattern("\\son[a-z]+=");
        }
        assertThat(get("/koeln/ogcapi/collections/" + LAYER + "/items?limit=5&f=html").body()).contains("Nächste Seite", "<th scope=\"col\">");
    }

    /** Layers the public may not read do not exist in OGC API Features either; staff see them under the same names. */
    @Test
    void hiddenLayersDoNotExistAndValuesAreThePublicOnes() throws Exception {
        Set<String> anonymous = new HashSet<>();
        json(get("/ogcapi/collections")).get("collections").forEach(c -> anonymous.add(c.get("id").asText()));
        Set<String> staff = new HashSet<>();
        json(get("/ogcapi/collections", "Authorization", ADMIN)).get("collections").forEach(c -> staff.add(c.get("id").asText()));
        Set<String> wfsPublic = new HashSet<>();
        var caps = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities").body();
        var m = java.util.regex.Pattern.compile("<(?:wfs:)?Name>atlas:([^<]+)</(?:wfs:)?Name>").matcher(caps);
        while (m.find()) {
            wfsPublic.add(m.group(1));
        }
        assertThat(anonymous).isEqualTo(wfsPublic);
        assertThat(staff).containsAll(anonymous);
        Set<String> internal = new HashSet<>(staff);
        internal.removeAll(anonymous);
        assumeTrue(!internal.isEmpty(), "the demo has internal-only layers");
        String hidden = internal.iterator().next();
        assertThat(get("/ogcapi/collections/" + hidden).statusCode()).isEqualTo(404);
        assertThat(get("/ogcapi/collections/" + hidden + "/items").statusCode()).isEqualTo(404);
        assertThat(get("/ogcapi/collections/" + hidden + "/items", "Authorization", ADMIN).statusCode()).isEqualTo(200);

        // the public values are the public view's (disclosure control in one place)
        Map<String, Object> view = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("select fid, value from atlas_public.layer_value where territory = 'koeln' and indicator = 'anteil_unter_6' "
                     + "and level = 'stadtteil'")) {
            while (rs.next()) {
                view.put(rs.getString(1), rs.getObject(2));
            }
        }
        JsonNode all = json(get("/koeln/ogcapi/collections/" + LAYER + "/items?limit=10000"));
        assertThat(all.get("features").size()).isEqualTo(view.size());
        for (JsonNode f : all.get("features")) {
            Object v = view.get(f.get("id").asText());
            assertThat(v == null ? null : ((Number) v).doubleValue()).isEqualTo(f.get("properties").get("value").isNull() ? null
                    : f.get("properties").get("value").asDouble());
        }
    }

    /** GDAL's OAPIF driver lists the collections and reads a layer whole, through the paging links. */
    @Test
    void gdalReadsOgcApiFeatures() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "GDAL (gdal-bin) not installed");
        String url = "OAPIF:http://127.0.0.1:" + port + "/koeln/ogcapi";
        String list = run(List.of("ogrinfo", "-ro", "-q", url));
        assertThat(list).contains(LAYER, "koeln.stadtteil").doesNotContain("koeln.anteil_migrationshintergrund.stadtteil");   // internal
        String summary = run(List.of("ogrinfo", "-ro", "-so", url, LAYER));
        assertThat(summary).contains("Feature Count: " + json(get("/koeln/ogcapi/collections/" + LAYER + "/items?limit=1")).get("numberMatched").asInt());
        Path out = tmp.resolve("koeln.geojson");
        run(List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), url, LAYER, "-where", "period = '2012'"));
        JsonNode read = JSON.readTree(out.toFile());
        JsonNode wfs = geojson(WFS + filter(YEAR));
        assertThat(read.get("features").size()).isEqualTo(wfs.get("features").size());
        Map<String, String> wert = new HashMap<>();
        wfs.get("features").forEach(f -> wert.put(f.get("properties").get("code").asText(), f.get("properties").get("wert").asText()));
        read.get("features").forEach(f -> assertThat(f.get("properties").get("wert").asText()).isEqualTo(wert.get(f.get("properties").get("code").asText())));
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, Files.readString(err)).isZero();
        return out;
    }
}
