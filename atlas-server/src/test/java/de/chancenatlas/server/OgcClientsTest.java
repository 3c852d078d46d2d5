package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real OGC clients against the real server: GDAL (WMS and WFS drivers) and OWSLib. Each test is
 * skipped only when its tool is not installed (./atlas installs gdal-bin and python3-owslib).
 * What the clients get must equal what the read API says.
 */
class OgcClientsTest extends ServerTest {
    private static final String INDICATOR = "anteil_unter_6";
    private static final String LAYER = "koeln." + INDICATOR + ".stadtteil";
    /** A square-pixel box around Köln: 300 × 320 pixels of 100 m. */
    private static final double[] BBOX = {342000, 5631000, 372000, 5663000};
    /** Debian's Python owns OWSLib; another python3 first on PATH may not have it. */
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    private String endpoint() {
        return "http://127.0.0.1:" + port + "/koeln/ows";
    }

    /** Runs a client; its output, or a failed assertion with its messages. */
    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("HOME", tmp.toString());   // no user GDAL/OWSLib settings, no caches
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("client finished: %s", command).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", command.get(0), Files.readString(err)).isZero();
        return out;
    }

    private static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean owslib() {
        try {
            return Files.isExecutable(Path.of(PYTHON))
                    && new ProcessBuilder(PYTHON, "-c", "import owslib").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The read API's values of the layer's indicator for one year, by unit code. */
    private Map<String, JsonNode> apiValues(int period) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/territories/koeln/indicators/"
                + INDICATOR + "/values?level=stadtteil&period=" + period)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode v : JSON.readTree(body)) {
            out.put(v.get("unit_code").asText(), v);
        }
        return out;
    }

    private static LayerDef layer() throws Exception {
        return new LayerCatalog(TestAtlas.dataSource()).layers("koeln", de.chancenatlas.core.db.Audience.PUBLIC).stream().filter(l -> l.name().equals(LAYER)).findFirst()
                .orElseThrow();
    }

    /** Deep inside each large Stadtteil (centre of its largest inscribed circle, radius > 400 m). */
    private static Map<String, double[]> interiorPoints() throws Exception {
        Map<String, double[]> points = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select code, st_x(center), st_y(center) from (select u.code, (st_maximuminscribedcircle(u.geom)).* "
                    + "from atlas.spatial_unit u join atlas.unit_level l using (level_id) join atlas.territory t on t.territory_id = u.territory_id "
                    + "where t.key = 'koeln' and l.key = 'stadtteil') x where radius > 400");
            while (rs.next()) {
                points.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        return points;
    }

    private static String rgb(BufferedImage img, double[] p) {
        int x = (int) ((p[0] - BBOX[0]) / (BBOX[2] - BBOX[0]) * img.getWidth());
        int y = (int) ((BBOX[3] - p[1]) / (BBOX[3] - BBOX[1]) * img.getHeight());
        return String.format("#%06x", img.getRGB(x, y) & 0xffffff);
    }

    /**
     * gdalinfo lists the layer among the WMS subdatasets; gdal_translate renders it (default time =
     * latest year) and each large Stadtteil has the colour of its 2012 value's class.
     */
    @Test
    void gdalReadsTheWmsAndRendersTheClassesOfTheLatestYear() throws Exception {
        assumeTrue(installed("gdalinfo") && installed("gdal_translate"), "GDAL (gdal-bin) not installed");
        String info = run(List.of("gdalinfo", "WMS:" + endpoint() + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        assertThat(info).contains("LAYERS=" + LAYER).contains("Anteil der Kinder unter 6 Jahren an der Bevölkerung – Stadtteil");

        Path png = tmp.resolve("wms.png");
        String url = endpoint() + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX="
                + BBOX[0] + "," + BBOX[1] + "," + BBOX[2] + "," + BBOX[3] + "&FORMAT=image/png";
        // GDAL's WMS raster is huge by default: an explicit output size
        run(List.of("gdal_translate", "-q", "-of", "PNG", "-outsize", "300", "320", "WMS:" + url, png.toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(320);

        Classification cls = layer().classification();
        Map<String, Double> values = new HashMap<>();   // unrounded, as the classes see them
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select code, value from atlas_public.layer_value where territory = 'koeln' and indicator = '"
                    + INDICATOR + "' and level = 'stadtteil' and period = '2012' and value is not null");
            while (rs.next()) {
                values.put(rs.getString(1), rs.getDouble(2));
            }
        }
        Map<String, double[]> points = interiorPoints();
        assertThat(points).hasSizeGreaterThan(20);
        int checked = 0;
        for (var e : points.entrySet()) {
            Double v = values.get(e.getKey());
            if (v == null) {
                continue;
            }
            assertThat(rgb(img, e.getValue())).as("Stadtteil %s", e.getKey()).isEqualTo(cls.colours().get(cls.classOf(v) - 1));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    /**
     * ogrinfo reads the schema as DescribeFeatureType states it (code stays text: leading zeros) and
     * ogr2ogr's GeoJSON has, per year, exactly the read API's units with its formatted values.
     */
    @Test
    void ogrReadsTheWfsWithItsSchemaAndTheValuesOfTheReadApi() throws Exception {
        assumeTrue(installed("ogrinfo") && installed("ogr2ogr"), "GDAL (gdal-bin) not installed");
        String info = run(List.of("ogrinfo", "-ro", "-so", "WFS:" + endpoint(), LAYER));
        assertThat(info).contains("Feature Count: 688").contains("code: String").contains("wert: String").contains("name: String")
                .contains("period: String").contains("period_label: String").contains("value: Real").contains("klasse: Integer");

        Path out = tmp.resolve("wfs.geojson");
        run(List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), "WFS:" + endpoint(), LAYER));
        JsonNode features = JSON.readTree(out.toFile()).get("features");
        assertThat(features).hasSize(688);
        Map<Integer, Map<String, JsonNode>> byYear = new HashMap<>();
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            assertThat(p.get("code").isTextual()).isTrue();
            // the period is a key ("2012", "2015-H1"): text, as GDAL reads it from the schema
            assertThat(p.get("period").isTextual()).isTrue();
            byYear.computeIfAbsent(Integer.valueOf(p.get("period").asText()), y -> new HashMap<>()).put(p.get("code").asText(), p);
        }
        assertThat(byYear.keySet()).containsExactlyInAnyOrder(2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012);
        for (int year : List.of(2005, 2012)) {
            Map<String, JsonNode> api = apiValues(year);
            assertThat(byYear.get(year).keySet()).isEqualTo(api.keySet());
            for (var e : api.entrySet()) {
                JsonNode p = byYear.get(year).get(e.getKey());
                assertThat(p.get("wert").asText()).as("%s %d", e.getKey(), year).isEqualTo(e.getValue().get("formatted").asText());
                assertThat(p.get("name").asText()).isEqualTo(e.getValue().get("unit_name").asText());
                // the same rounded public figure on both channels (sql/V8), not a close one
                assertThat(p.get("value").decimalValue()).isEqualByComparingTo(e.getValue().get("value").decimalValue());
            }
        }
        // Kreis Düren's Gemeindeschlüssel keep their leading zero through GDAL
        Path dn = tmp.resolve("dueren.geojson");
        run(List.of("ogr2ogr", "-f", "GeoJSON", dn.toString(), "WFS:http://127.0.0.1:" + port + "/kreis-dueren/ows", "kreis-dueren.kommune"));
        List<String> codes = new ArrayList<>();
        JSON.readTree(dn.toFile()).get("features").forEach(f -> codes.add(f.get("properties").get("code").asText()));
        assertThat(codes).hasSize(15).contains("05358004").allMatch(c -> c.startsWith("0"));
    }

    /** OWSLib loads both capabilities, gets a map in a named style and year, and features as GeoJSON and GML. */
    @Test
    void owslibLoadsCapabilitiesMapsAndFeatures() throws Exception {
        assumeTrue(owslib(), "OWSLib (python3-owslib) not installed for " + PYTHON);
        Path script = tmp.resolve("owslib_check.py");
        try (var in = getClass().getResourceAsStream("/clients/owslib_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path png = tmp.resolve("owslib.png");
        JsonNode r = JSON.readTree(run(List.of(PYTHON, script.toString(), endpoint(), LAYER, "atlas:" + LAYER, png.toString())));

        assertThat(r.get("wms_title").asText()).isEqualTo("Chancenatlas Stadt Köln");
        assertThat(texts(r.get("wms_layers"))).contains(LAYER, "koeln.stadtteil").noneMatch(n -> n.startsWith("kreis-dueren."));
        assertThat(texts(r.get("wms_styles"))).containsExactlyInAnyOrderElementsOf(StyleSet.NAMES);
        assertThat(texts(r.get("wms_times"))).containsExactly("2005-12-31", "2006-12-31", "2007-12-31", "2008-12-31", "2009-12-31",
                "2010-12-31", "2011-12-31", "2012-12-31");
        assertThat(r.get("wms_time_default").asText()).isEqualTo("2012-12-31");
        assertThat(texts(r.get("wms_crs"))).contains("EPSG:25832", "EPSG:25833", "EPSG:3857", "EPSG:4326");
        assertThat(texts(r.get("wms_metadata_urls"))).containsExactly("http://127.0.0.1:" + port + "/api/v1/territories/koeln/indicators/"
                + INDICATOR);
        assertThat(texts(r.get("wms_getmap_formats"))).containsExactlyInAnyOrder("image/png", "image/jpeg");

        // the map: 256 × 256 in EPSG:4326, quantile style, 2005; its colours are the quantile classes' colours
        assertThat(r.get("getmap_content_type").asText()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(256);
        Classification quantile = layer().styles().classification("quantile", null);
        Set<String> colours = new HashSet<>();
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                if ((img.getRGB(x, y) >>> 24) == 255) {
                    colours.add(String.format("#%06x", img.getRGB(x, y) & 0xffffff));
                }
            }
        }
        assertThat(colours).containsAll(quantile.colours());

        assertThat(texts(r.get("wfs_types"))).contains("atlas:" + LAYER);
        assertThat(r.get("wfs_type_title").asText()).isEqualTo("Anteil der Kinder unter 6 Jahren an der Bevölkerung – Stadtteil");
        assertThat(texts(r.get("wfs_crs"))).contains("EPSG:25832", "EPSG:4326");
        assertThat(r.get("wfs_geojson_count").asInt()).isEqualTo(688);
        Map<String, JsonNode> api = apiValues(2012);
        int compared = 0;
        for (JsonNode p : r.get("wfs_geojson")) {
            if (p.get("period").asInt() == 2012) {
                assertThat(p.get("wert").asText()).isEqualTo(api.get(p.get("code").asText()).get("formatted").asText());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(api.size());
        assertThat(r.get("wfs_gml_head").asText()).contains("numberReturned=\"5\"").contains("http://www.opengis.net/gml/3.2");
    }

    private static boolean qgis() {
        try {
            return Files.isExecutable(Path.of(PYTHON))
                    && new ProcessBuilder(PYTHON, "-c", "import qgis.core").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * QGIS 3.22 (python3-qgis, which ./atlas test installs) loads a layer headless through its OGC API
     * Features provider and its WFS provider: every feature of every year, the CRS each offers, the
     * values of the read API; an internal layer does not load anonymously, but does for a staff member.
     */
    @Test
    void qgisLoadsLayersThroughOgcApiFeaturesAndWfs() throws Exception {
        assumeTrue(qgis(), "QGIS (python3-qgis) not installed for " + PYTHON + " (./atlas test installs it)");
        String login = "qgis-leser";
        String password = "QGIS-im-Jugendamt-1";
        user(login, password);
        assertThat(postJson("/api/v1/territories/koeln/grants", "{\"login\": \"" + login + "\", \"role\": \"reader\"}", ADMIN).statusCode())
                .isBetween(200, 201);
        Path script = tmp.resolve("qgis_check.py");
        try (var in = getClass().getResourceAsStream("/clients/qgis_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        String internal = "koeln.anteil_migrationshintergrund.stadtteil";
        JsonNode r = JSON.readTree(run(List.of("env", "QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + tmp, PYTHON, script.toString(),
                "http://127.0.0.1:" + port + "/koeln/ogcapi", endpoint(), LAYER, internal, login, password)));
        assertThat(r.get("qgis").asText()).startsWith("3.");
        Map<String, JsonNode> api = apiValues(2012);
        for (String provider : List.of("oapif", "wfs")) {
            JsonNode l = r.get(provider);
            assertThat(l.get("valid").asBoolean()).as(provider + ": " + l).isTrue();
            assertThat(l.get("count").asInt()).as(provider).isEqualTo(688);   // 86 Stadtteile × 8 years
            assertThat(texts(l.get("fields"))).as(provider).contains("code", "name", "period", "value", "wert");
            assertThat(texts(l.get("periods"))).as(provider).hasSize(8).contains("2005", "2012");
            assertThat(l.get("latest").asText()).isEqualTo("2012");
            assertThat(l.get("wert").size()).as(provider).isEqualTo(api.size());
            api.forEach((code, v) -> assertThat(l.get("wert").get(code).asText()).as(provider + " " + code).isEqualTo(v.get("formatted").asText()));
        }
        // OGC API: longitude/latitude (CRS84); WFS: the territory's own CRS, in metres
        assertThat(r.get("oapif").get("crs").asText()).isIn("OGC:CRS84", "EPSG:4326");
        assertThat(r.get("oapif").get("extent").get(0).asDouble()).isBetween(6.7, 7.0);
        assertThat(r.get("oapif").get("extent").get(3).asDouble()).isBetween(50.9, 51.2);
        assertThat(r.get("wfs").get("crs").asText()).isEqualTo("EPSG:25832");
        assertThat(r.get("wfs").get("extent").get(0).asDouble()).isBetween(340000.0, 346000.0);
        assertThat(r.get("wfs").get("extent").get(3).asDouble()).isBetween(5658000.0, 5663000.0);
        // an internal layer: not there for the public, there for staff with their credentials
        for (String anonymous : List.of("oapif_internal_anonymous", "wfs_internal_anonymous")) {
            JsonNode l = r.get(anonymous);
            assertThat(!l.get("valid").asBoolean() || l.get("count").asInt() == 0).as(anonymous + ": " + l).isTrue();
        }
        for (String withCredentials : List.of("oapif_internal_staff", "wfs_internal_staff")) {
            JsonNode staff = r.get(withCredentials);
            assertThat(staff.get("valid").asBoolean()).as(withCredentials + ": " + staff).isTrue();
            assertThat(staff.get("count").asInt()).as(withCredentials).isGreaterThan(0);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
