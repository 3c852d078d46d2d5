package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Territories outside EPSG:25832, imported over HTTP as a new user would, through every output as
 * the public and as staff: Landkreis Teltow-Fläming in EPSG:25833 (Kreis → 4 derived Sozialräume →
 * 16 Gemeinden, boundaries delivered in EPSG:4326) and Landkreis Hersfeld-Rotenburg in Gauß-Krüger
 * zone 3 (EPSG:31467, AGS with leading zero), beside Köln and Düren in EPSG:25832 (test resources
 * territories/, with their attribution).
 */
class NativeCrsTest extends ServerTest {
    private static final String TF = "teltow-flaeming";
    private static final String HR = "hersfeld-rotenburg";
    private static boolean loaded;

    @BeforeEach
    void load() throws Exception {
        synchronized (NativeCrsTest.class) {
            if (loaded) {
                return;
            }
            importTerritory(TF, List.of(new String[] {"kreis", "kreis.geojson", "ags", null}, new String[] {"sozialraum", "sozialraeume.geojson", "code", null},
                    new String[] {"gemeinde", "gemeinden.geojson", "ags", "sozialraum"}), 48);
            importTerritory(HR, List.of(new String[] {"kreis", "kreis.geojson", "ags", null}, new String[] {"gemeinde", "gemeinden.geojson", "ags", null}), 40);
            loaded = true;
        }
    }

    private void importTerritory(String key, List<String[]> levels, int values) throws Exception {
        var r = upload("/api/v1/catalogue", "catalogue.yaml", resource(key, "catalogue.yaml"), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        for (String[] l : levels) {
            String q = "?level=" + l[0] + "&code_field=" + l[2] + "&name_field=name" + (l[3] == null ? "" : "&parent_field=" + l[3]);
            r = upload("/api/v1/territories/" + key + "/imports/boundaries" + q, l[1], resource(key, l[1]), ADMIN);
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        }
        // the densities are full-precision doubles (66.02911789894377) beside their counts
        r = upload("/api/v1/territories/" + key + "/imports/values", "werte.csv", resource(key, "werte.csv"), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        assertThat(json(r).path("result").path("written").asInt()).as(r.body()).isEqualTo(values);
    }

    private static byte[] resource(String territory, String file) throws Exception {
        try (var in = NativeCrsTest.class.getResourceAsStream("/territories/" + territory + "/" + file)) {
            return in.readAllBytes();
        }
    }

    // ---- storage and API -----------------------------------------------------------------------

    @Test
    void storedInTheTerritorysCrsAndTheApiAddsUpAsPublicAndStaff() throws Exception {
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and st_srid(u.geom) = 25833 and u.srid = 25833", TF)).isEqualTo(21);
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and st_srid(u.geom) = 31467", HR)).isEqualTo(21);
        for (String auth : new String[] {null, ADMIN}) {
            JsonNode t = json(get("/api/v1/territories/" + TF, headers(auth)));
            assertThat(t.get("srid").asInt()).isEqualTo(25833);
            JsonNode kreis = json(get("/api/v1/territories/" + TF + "/indicators/einwohner/values?level=kreis&period=2022", headers(auth)));
            assertThat(kreis.get(0).get("value").asLong()).isEqualTo(173_560);   // sum of the 16 Gemeinden (Zensus 2022)
            assertThat(kreis.get(0).get("formatted").asText()).isEqualTo("173.560");
            JsonNode sr = json(get("/api/v1/territories/" + TF + "/indicators/einwohner/values?level=sozialraum&period=2022", headers(auth)));
            assertThat(sr.findValuesAsText("unit_code")).containsExactly("01", "02", "03", "04");
            assertThat(sr.findValues("value").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(173_560);
            JsonNode dichte = json(get("/api/v1/territories/" + TF + "/indicators/bevoelkerungsdichte/values?level=gemeinde&period=2022", headers(auth)));
            JsonNode mellensee = find(dichte, "12072002");
            assertThat(mellensee.get("formatted").asText()).isEqualTo("66,0");
            JsonNode hr = json(get("/api/v1/territories/" + HR + "/indicators/einwohner/values?level=gemeinde&period=2022", headers(auth)));
            assertThat(hr).hasSize(20);
            assertThat(hr.get(0).get("unit_code").asText()).isEqualTo("06632001");
            assertThat(json(get("/api/v1/territories/" + HR + "/indicators/einwohner/values?level=kreis&period=2022", headers(auth)))
                    .get(0).get("value").asLong()).isEqualTo(118_253);
        }
    }

    // ---- WFS -----------------------------------------------------------------------------------

    @Test
    void wfsOffersEachFeatureTypeInItsTerritorysCrsAndAnswersInIt() throws Exception {
        for (String auth : new String[] {null, ADMIN}) {
            Map<String, String> all = defaultCrs(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities", headers(auth)).body());
            assertThat(all).containsEntry("atlas:" + TF + ".gemeinde", "urn:ogc:def:crs:EPSG::25833")
                    .containsEntry("atlas:" + TF + ".bevoelkerungsdichte.gemeinde", "urn:ogc:def:crs:EPSG::25833")
                    .containsEntry("atlas:" + HR + ".gemeinde", "urn:ogc:def:crs:EPSG::31467")
                    .containsEntry("atlas:koeln.stadtteil", "urn:ogc:def:crs:EPSG::25832");
            String tf = get("/" + TF + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities", headers(auth)).body();
            assertThat(defaultCrs(tf).values()).containsOnly("urn:ogc:def:crs:EPSG::25833");
            assertThat(tf).contains("<OtherCRS>urn:ogc:def:crs:EPSG::25832</OtherCRS>", "<OtherCRS>urn:ogc:def:crs:EPSG::3857</OtherCRS>",
                    "<OtherCRS>urn:ogc:def:crs:EPSG::4326</OtherCRS>");
            // without SRSNAME the features come in the native CRS, as GeoJSON under every name clients use
            for (String format : new String[] {"application/json", "json", "application/json;%20subtype=geojson"}) {
                for (String endpoint : new String[] {"/ows", "/" + TF + "/ows"}) {
                    var r = get(endpoint + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + TF + ".gemeinde&OUTPUTFORMAT=" + format,
                            headers(auth));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    JsonNode fc = json(r);
                    assertThat(fc.get("features")).hasSize(16);
                    double[] xy = firstCoordinate(fc);
                    assertThat(xy[0]).as("UTM 33 easting").isBetween(340_000.0, 420_000.0);
                    assertThat(xy[1]).as("UTM 33 northing").isBetween(5_740_000.0, 5_810_000.0);
                }
            }
            JsonNode hr = json(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + HR
                    + ".bevoelkerungsdichte.gemeinde&OUTPUTFORMAT=application/json", headers(auth)));
            assertThat(hr.get("features")).hasSize(20);
            double[] gk = firstCoordinate(hr);
            assertThat(gk[0]).as("Gauß-Krüger zone 3 Rechtswert").isBetween(3_520_000.0, 3_600_000.0);
            assertThat(gk[1]).as("Gauß-Krüger Hochwert").isBetween(5_610_000.0, 5_670_000.0);
            // a box filter in the native CRS on the outlines (it failed on the mixed-SRID geometry table)
            var boxed = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + TF
                    + ".gemeinde&OUTPUTFORMAT=application/json&BBOX=330000,5740000,430000,5810000,urn:ogc:def:crs:EPSG::25833", headers(auth));
            assertThat(boxed.statusCode()).as(boxed.body()).isEqualTo(200);
            assertThat(json(boxed).get("features")).hasSize(16);
            // two territories in one request (the map of all of /ows) and reprojected on request
            var two = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + TF + ".gemeinde,atlas:" + HR
                    + ".gemeinde&OUTPUTFORMAT=json", headers(auth));
            // without SRSNAME types in different CRSs cannot share one answer: MapServer says so (an OGC exception, 400)
            assertThat(two.statusCode()).as(two.body()).isEqualTo(400);
            assertThat(two.body()).contains("InvalidParameterValue", "same SRS");
            // with SRSNAME they can (GML: GeoJSON holds one layer per answer)
            var answer = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + TF + ".gemeinde,atlas:" + HR
                    + ".gemeinde&SRSNAME=urn:ogc:def:crs:EPSG::25832", headers(auth));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("numberReturned=\"36\"");
            Matcher pos = Pattern.compile("<gml:posList[^>]*>([-\\d.]+) ([-\\d.]+) ").matcher(answer.body());
            int n = 0;
            while (pos.find()) {
                assertThat(Double.parseDouble(pos.group(1))).as("UTM 32 easting").isBetween(500_000.0, 900_000.0);
                assertThat(Double.parseDouble(pos.group(2))).as("UTM 32 northing").isBetween(5_600_000.0, 5_850_000.0);
                n++;
            }
            assertThat(n).isGreaterThanOrEqualTo(36);
            // GML in the native CRS
            String gml = get("/" + HR + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + HR + ".gemeinde&COUNT=1",
                    headers(auth)).body();
            assertThat(gml).contains("srsName=\"urn:ogc:def:crs:EPSG::31467\"");
        }
    }

    /** Each FeatureType's name and DefaultCRS in WFS 2.0 capabilities. */
    private static Map<String, String> defaultCrs(String caps) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<FeatureType>\\s*<Name>([^<]+)</Name>.*?<DefaultCRS>([^<]+)</DefaultCRS>", Pattern.DOTALL).matcher(caps);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        assertThat(out).as(caps.substring(0, Math.min(caps.length(), 500))).isNotEmpty();
        return out;
    }

    private static double[] firstCoordinate(JsonNode fc) {
        JsonNode c = fc.get("features").get(0).get("geometry").get("coordinates");
        while (c.get(0).isArray()) {
            c = c.get(0);
        }
        return new double[] {c.get(0).asDouble(), c.get(1).asDouble()};
    }

    // ---- WMS -----------------------------------------------------------------------------------

    @Test
    void wmsDrawsEveryUnitInItsClassColourInEveryOfferedCrs() throws Exception {
        String caps = get("/" + TF + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
        // the root layer: the territory's CRS first, its box in Brandenburg (not in Westphalia)
        Matcher root = Pattern.compile("<BoundingBox CRS=\"EPSG:25833\"\\s+minx=\"([-\\d.e+]+)\"\\s+miny=\"([-\\d.e+]+)\"").matcher(caps);
        if (!root.find()) {
            save("wms-caps-" + TF + ".xml", caps.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(root.find(0)).as("root BoundingBox in EPSG:25833, see target/wms-caps-" + TF + ".xml").isTrue();
        assertThat(Double.parseDouble(root.group(1))).isBetween(330_000.0, 420_000.0);
        assertThat(Double.parseDouble(root.group(2))).isBetween(5_730_000.0, 5_800_000.0);
        assertThat(caps.indexOf("<CRS>EPSG:25833</CRS>")).isLessThan(caps.indexOf("<CRS>EPSG:25832</CRS>"));
        // all territories: the root offers what every layer offers, each layer adds its territory's own
        String all = get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body();
        String rootLayer = all.substring(0, all.indexOf("<Layer", all.indexOf("<Layer") + 1));
        assertThat(rootLayer).contains("<CRS>EPSG:25832</CRS>", "<CRS>EPSG:4326</CRS>").doesNotContain("<CRS>EPSG:31467</CRS>");
        String hrLayer = all.substring(all.indexOf("<Name>" + HR + ".bevoelkerungsdichte.gemeinde</Name>"));
        assertThat(hrLayer.substring(0, hrLayer.indexOf("</Layer>"))).contains("<CRS>EPSG:31467</CRS>");
        for (String auth : new String[] {null, ADMIN}) {
            checkMap(TF, "bevoelkerungsdichte", 25833, auth);
            checkMap(HR, "bevoelkerungsdichte", 31467, auth);
        }
        Map<String, Integer> colours = checkMap(TF, "siedlungstyp", 25833, null);
        // one colour per category: four settlement types, four colours
        assertThat(new HashSet<>(colours.values())).hasSize(4);
    }

    /**
     * Draws a layer of Gemeinden in the native CRS (WMS 1.1.1 and 1.3.0), 25832, 25833, 3857 and 4326;
     * at a point inside each Gemeinde the colour is its class's: one colour per class (from the WFS
     * attribute klasse), the same in every CRS, never the white of "no data".
     *
     * @return the colour of each class
     */
    private Map<String, Integer> checkMap(String territory, String indicator, int srid, String auth) throws Exception {
        String layer = territory + "." + indicator + ".gemeinde";
        Map<String, String> klasse = new HashMap<>();
        for (JsonNode f : json(get("/" + territory + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + layer
                + "&OUTPUTFORMAT=json", headers(auth))).get("features")) {
            klasse.put(f.get("properties").get("code").asText(), f.get("properties").get("klasse").asText());
        }
        assertThat(klasse).hasSizeGreaterThanOrEqualTo(16);
        Map<String, Integer> colourOfClass = new HashMap<>();
        List<Integer> crsList = new ArrayList<>(List.of(srid, 25832, 25833, 3857, 4326));
        for (int crs : crsList) {
            for (String version : crs == srid ? List.of("1.1.1", "1.3.0") : List.of("1.1.1")) {
                double[] box = box(territory, crs);
                boolean northFirst = "1.3.0".equals(version) && axisNorthFirst(crs);
                String bbox = northFirst ? fmt(box[1], box[0], box[3], box[2]) : fmt(box);
                int size = 600;
                var r = bytes("GET", "/ows?SERVICE=WMS&VERSION=" + version + "&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&"
                        + ("1.3.0".equals(version) ? "CRS" : "SRS") + "=EPSG:" + crs + "&BBOX=" + bbox + "&WIDTH=" + size + "&HEIGHT=" + size
                        + "&FORMAT=image/png&TIME=2022", headers(auth));
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("image/png");
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
                for (var p : inside(territory, crs).entrySet()) {
                    int px = (int) Math.floor((p.getValue()[0] - box[0]) / (box[2] - box[0]) * size);
                    int py = (int) Math.floor((box[3] - p.getValue()[1]) / (box[3] - box[1]) * size);
                    int rgb = img.getRGB(px, py) & 0xffffff;
                    String what = layer + " " + version + " EPSG:" + crs + " " + p.getKey() + " at " + px + "," + py;
                    assertThat(rgb).as(what + " is coloured").isNotEqualTo(0xffffff);
                    assertThat((img.getRGB(px, py) >>> 24) & 0xff).as(what + " is opaque").isEqualTo(255);
                    Integer known = colourOfClass.putIfAbsent(klasse.get(p.getKey()), rgb);
                    assertThat(known == null ? rgb : known).as(what + " has the colour of class " + klasse.get(p.getKey())).isEqualTo(rgb);
                }
            }
        }
        assertThat(new HashSet<>(colourOfClass.values())).as("one colour per class").hasSameSizeAs(colourOfClass.keySet());
        return colourOfClass;
    }

    /** EPSG axis order northing first (WMS 1.3.0 follows it): 4326 (latitude first) and the Gauß-Krüger zones. */
    private static boolean axisNorthFirst(int crs) {
        return crs == 4326 || crs >= 31466 && crs <= 31469 || crs == 3035;
    }

    private static String fmt(double... b) {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3]);
    }

    /** The territory's box in a CRS (x = easting or longitude), with a margin. */
    private static double[] box(String territory, int crs) throws Exception {
        try (var c = TestAtlas.dataSource().getConnection();
             var ps = c.prepareStatement("select st_xmin(b), st_ymin(b), st_xmax(b), st_ymax(b) from (select st_extent(st_transform(u.geom, ?))::box2d b "
                     + "from atlas.spatial_unit u join atlas.territory t using (territory_id) join atlas.unit_level l using (level_id) "
                     + "where t.key = ? and l.rank = 0) x")) {
            ps.setInt(1, crs);
            ps.setString(2, territory);
            var rs = ps.executeQuery();
            rs.next();
            double dx = (rs.getDouble(3) - rs.getDouble(1)) * 0.05;
            double dy = (rs.getDouble(4) - rs.getDouble(2)) * 0.05;
            return new double[] {rs.getDouble(1) - dx, rs.getDouble(2) - dy, rs.getDouble(3) + dx, rs.getDouble(4) + dy};
        }
    }

    /** A point well inside each Gemeinde (the centre of its largest inscribed circle), in a CRS. */
    private static Map<String, double[]> inside(String territory, int crs) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (var c = TestAtlas.dataSource().getConnection();
             var ps = c.prepareStatement("select u.code, st_x(p), st_y(p) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                     + "join atlas.unit_level l using (level_id) cross join lateral (select st_transform((st_maximuminscribedcircle(u.geom)).center, ?) p) x "
                     + "where t.key = ? and l.key = 'gemeinde' order by u.code")) {
            ps.setInt(1, crs);
            ps.setString(2, territory);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        return out;
    }

    // ---- reports -------------------------------------------------------------------------------

    @Test
    void reportMapsAndAreaProfilesInTheTerritorysCrs() throws Exception {
        for (String auth : new String[] {null, ADMIN}) {
            for (String[] t : new String[][] {{TF, "siedlungstyp", "12072232"}, {TF, "bevoelkerungsdichte", "12072002"}, {HR, "bevoelkerungsdichte", "06632002"}}) {
                var map = bytes("GET", "/api/v1/territories/" + t[0] + "/reports/indicator/" + t[1] + "?level=gemeinde&format=png&part=map&dpi=96",
                        headers(auth));
                assertThat(map.statusCode()).as(new String(map.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(map.body()));
                assertThat(colouredShare(img)).as("choropleth colours in the report map of " + t[0] + "." + t[1]).isGreaterThan(0.15);
                var profile = bytes("GET", "/api/v1/territories/" + t[0] + "/reports/profile/" + t[2], headers(auth));
                assertThat(profile.statusCode()).as(new String(profile.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                assertThat(profile.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
                assertThat(new String(profile.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                var locator = bytes("GET", "/api/v1/territories/" + t[0] + "/reports/profile/" + t[2] + "?format=png&part=map&dpi=96", headers(auth));
                assertThat(locator.statusCode()).isEqualTo(200);
                assertThat(colouredShare(ImageIO.read(new ByteArrayInputStream(locator.body())))).as("the unit marked on the locator").isGreaterThan(0.002);
            }
        }
    }

    /** The share of pixels that are neither white, grey nor black: map colours. */
    private static double colouredShare(BufferedImage img) {
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 24) {
                    coloured++;
                }
            }
        }
        return (double) coloured / (img.getWidth() * img.getHeight());
    }

    // ---- categories, import checks ------------------------------------------------------------

    @Test
    void aCategoricalIndexHasOneClassPerValueWithItsLabelInLegendAndSld() throws Exception {
        String sld = get("/api/v1/territories/" + TF + "/indicators/siedlungstyp/sld?level=gemeinde").body();
        assertThat(sld).contains("1 – städtisch", "2 – verdichtet", "3 – ländlich", "4 – dünn besiedelt");
        JsonNode features = json(get("/" + TF + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + TF
                + ".siedlungstyp.gemeinde&OUTPUTFORMAT=application/json"));
        Set<String> labels = new HashSet<>();
        for (JsonNode f : features.get("features")) {
            JsonNode p = f.get("properties");
            assertThat(p.get("klasse").asInt()).isEqualTo(p.get("value").asInt());   // categories 1-4 are classes 1-4
            labels.add(p.get("klasse_text").asText());
        }
        assertThat(labels).containsExactlyInAnyOrder("1 – städtisch", "2 – verdichtet", "3 – ländlich", "4 – dünn besiedelt");
        var legend = bytes("GET", "/" + TF + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + TF
                + ".siedlungstyp.gemeinde&FORMAT=image/png&SLD_VERSION=1.1.0");
        assertThat(legend.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    }

    @Test
    void aHigherLevelCountContradictingItsPartsIsImportedWithAWarning() throws Exception {
        var r = upload("/api/v1/territories/" + TF + "/imports/values", "kreiswert-widerspruch.csv", resource(TF, "kreiswert-widerspruch.csv"), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        JsonNode result = json(r).get("result");
        assertThat(result.get("written").asInt()).isEqualTo(1);
        JsonNode w = result.get("warnings");
        assertThat(w).as(r.body()).hasSize(1);
        assertThat(w.get(0).get("kind").asText()).isEqualTo("SUM_MISMATCH");
        assertThat(w.get(0).get("de").asText()).contains("„12072“", "Kreis", "geliefert 173573", "16 untergeordneten Gebiete 173560", "Differenz 13");
        assertThat(w.get(0).get("en").asText()).isEqualTo("count einwohner of '12072' (Kreis) in 2022: delivered 173573, "
                + "sum of its 16 sub-units 173560, difference 13");
        // taken back, so the other tests see the Gemeinden's sum again
        var revert = send("POST", "/api/v1/territories/" + TF + "/batches/" + result.get("batch_id").asLong() + "/revert", null, null, ADMIN);
        assertThat(revert.statusCode()).as(revert.body()).isBetween(200, 204);
    }

    // ---- GIS conventions, closed territories ----------------------------------------------------

    @Test
    void corsLetsWebMapsOnOtherSitesReadOwsAndTheReadApi() throws Exception {
        for (String path : new String[] {"/ows", "/" + TF + "/ows", "/api/v1/territories/" + TF + "/indicators/einwohner/values"}) {
            var pre = bytes("OPTIONS", path, "Origin", "https://karten.example.org", "Access-Control-Request-Method", "GET");
            assertThat(pre.statusCode()).as(path).isEqualTo(200);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin").orElse("")).as(path).isEqualTo("*");
            assertThat(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
            var r = get(path + (path.endsWith("ows") ? "?SERVICE=WMS&REQUEST=GetCapabilities" : ""), "Origin", "https://karten.example.org");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin").orElse("")).isEqualTo("*");
        }
        // imports are not for other sites
        var pre = bytes("OPTIONS", "/api/v1/territories/" + TF + "/imports/values", "Origin", "https://karten.example.org",
                "Access-Control-Request-Method", "POST");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aTerritoryWhosePublicAreaIsClosedIsNotListedToThePublic() throws Exception {
        String yaml = "territory: {key: geschlossen, name: Geschlossenes Gebiet, kind: gemeinde, srid: 31468}\n"
                + "levels:\n  - {key: gesamt, name: Gesamt, rank: 0}\n";
        var r = upload("/api/v1/catalogue", "catalogue.yaml", yaml.getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        assertThat(json(get("/api/v1/territories")).findValuesAsText("key")).contains(TF, HR, "koeln").doesNotContain("geschlossen");
        var closed = get("/api/v1/territories/geschlossen");
        assertThat(closed.statusCode()).isEqualTo(404);
        assertThat(closed.body()).contains("noch nicht freigeschaltet");
        assertThat(json(get("/api/v1/territories", "Authorization", ADMIN)).findValuesAsText("key")).contains("geschlossen");
        assertThat(get("/api/v1/territories/geschlossen", "Authorization", ADMIN).statusCode()).isEqualTo(200);
        // a CRS that is not projected in metres is refused with the reason, nothing created
        var bad = upload("/api/v1/catalogue", "catalogue.yaml",
                "territory: {key: geographisch, name: G, kind: gemeinde, srid: 4326}\n".getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("territory.srid", "EPSG:4326");
        assertThat(TestAtlas.count("select count(*) from atlas.territory where key = 'geographisch'")).isZero();
    }

    private static String[] headers(String auth) {
        return auth == null ? new String[0] : new String[] {"Authorization", auth};
    }

    private static JsonNode find(JsonNode rows, String code) {
        for (JsonNode n : rows) {
            if (code.equals(n.get("unit_code").asText())) {
                return n;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    @SuppressWarnings("unused")
    private static void save(String name, byte[] b) throws Exception {   // for looking at a map while debugging
        Files.write(Path.of("target", name), b);
    }
}
