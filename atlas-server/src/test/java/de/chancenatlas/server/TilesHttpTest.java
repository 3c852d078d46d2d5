package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * WMTS and tiled WMS over HTTP on the Köln demo: capabilities parsed, tiles with their cache header,
 * audiences kept apart, seeding with progress.
 */
class TilesHttpTest extends ServerTest {
    private static final String LAYER = "koeln.anteil_unter_6.stadtteil";
    private static final String INTERNAL_LAYER = "koeln.anteil_migrationshintergrund.stadtteil";
    /** Köln's centre in GoogleMapsCompatible level 12. */
    private static final String Z12 = "/GoogleMapsCompatible/12/1371/2127.png";

    private String reader() throws Exception {
        String auth = user("kachel-leser", "Kacheln-im-Jugendamt");
        postJson("/api/v1/territories/koeln/grants", "{\"login\": \"kachel-leser\", \"role\": \"reader\"}", ADMIN);
        return auth;
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void capabilitiesKvpAndRestListPublicLayersWithGridsAndTime() throws Exception {
        var xp = XPathFactory.newInstance().newXPath();
        for (String path : new String[] {"/koeln/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0", "/koeln/wmts/1.0.0/WMTSCapabilities.xml"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            Document d = xml(r.body());
            assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + LAYER + "'])", d)).isEqualTo("1");
            assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + INTERNAL_LAYER + "'])", d)).isEqualTo("0");
            assertThat(Integer.parseInt(xp.evaluate("count(//Layer[Identifier='" + LAYER + "']/Dimension[Identifier='Time']/Value)", d)))
                    .isGreaterThan(1);
            assertThat(xp.evaluate("count(//Contents/TileMatrixSet[Identifier='koeln_EPSG_25832'])", d)).isEqualTo("1");
            assertThat(xp.evaluate("//Contents/TileMatrixSet[Identifier='GoogleMapsCompatible']/WellKnownScaleSet", d))
                    .isEqualTo("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible");
            assertThat(xp.evaluate("//Layer[Identifier='" + LAYER + "']/ResourceURL/@template", d))
                    .startsWith("http://127.0.0.1:" + port + "/koeln/wmts/1.0.0/" + LAYER + "/{Style}/{Time}/");
        }
        Document staff = xml(get("/koeln/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", "Authorization", reader()).body());
        assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + INTERNAL_LAYER + "'])", staff)).isEqualTo("1");
    }

    @Test
    void aRestTileIsDrawnOnceThenServedFromTheCache() throws Exception {
        HttpResponse<byte[]> first = bytes("GET", "/koeln/wmts/1.0.0/" + LAYER + "/default" + Z12);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.headers().firstValue("X-Tile-Cache")).hasValue("MISS");
        var image = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getRGB(128, 128) >>> 24).as("Köln's centre is coloured").isGreaterThan(0);
        HttpResponse<byte[]> second = bytes("GET", "/koeln/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + LAYER
                + "&STYLE=default&FORMAT=image/png&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=12&TILEROW=1371&TILECOL=2127");
        assertThat(second.headers().firstValue("X-Tile-Cache")).as("KVP and REST share the cache").hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        // the all-territories endpoint is another scope
        assertThat(bytes("GET", "/wmts/1.0.0/" + LAYER + "/default" + Z12).headers().firstValue("X-Tile-Cache")).hasValue("MISS");
    }

    @Test
    void webMapsOnOtherSitesMayDrawTilesOnACanvas() throws Exception {
        String origin = "https://karten.example.org";   // level 14: the cache tests count on levels 12 and 13 being cold
        for (String path : new String[] {"/koeln/wmts/1.0.0/" + LAYER + "/default/GoogleMapsCompatible/14/5486/8508.png", "/wmts/1.0.0/WMTSCapabilities.xml",
                "/koeln/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + LAYER
                        + "&STYLE=default&FORMAT=image/png&TILEMATRIXSET=GoogleMapsCompatible&TILEMATRIX=14&TILEROW=5487&TILECOL=8509"}) {
            var pre = bytes("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", "GET");
            assertThat(pre.statusCode()).as(path).isEqualTo(200);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET").doesNotContain("POST");
            HttpResponse<byte[]> r = bytes("GET", path, "Origin", origin);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).as("never with cookies").isEmpty();
            if (path.contains(".png") || path.contains("GetTile")) {
                assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
                assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("X-Tile-Cache");
            }
        }
        // seeding stays an administrator's business, not another site's
        var seed = bytes("OPTIONS", "/api/v1/territories/koeln/tiles/seed", "Origin", origin, "Access-Control-Request-Method", "POST");
        assertThat(seed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).doesNotContain("POST");
    }

    @Test
    void anonymousVisitorsGetNeitherInternalLayersNorStaffTiles() throws Exception {
        String staff = reader();
        String tile = "/koeln/wmts/1.0.0/" + INTERNAL_LAYER + "/default/GoogleMapsCompatible/11/685/1063.png";
        HttpResponse<String> refused = get(tile);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ExceptionReport").contains("InvalidParameterValue").doesNotContain("Exception:");
        assertThat(bytes("GET", tile, "Authorization", staff).headers().firstValue("X-Tile-Cache")).hasValue("MISS");
        HttpResponse<byte[]> again = bytes("GET", tile, "Authorization", staff);
        assertThat(again.headers().firstValue("X-Tile-Cache")).hasValue("HIT");
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(get(tile).statusCode()).as("cached for staff, still refused to anonymous visitors").isEqualTo(400);
        // a public layer cached for staff first: anonymous visitors get a tile drawn for them
        String shared = "/koeln/wmts/1.0.0/" + LAYER + "/default/GoogleMapsCompatible/11/685/1063.png";
        assertThat(bytes("GET", shared, "Authorization", staff).headers().firstValue("X-Tile-Cache")).hasValue("MISS");
        assertThat(bytes("GET", shared).headers().firstValue("X-Tile-Cache")).hasValue("MISS");
        assertThat(bytes("GET", shared).headers().firstValue("X-Tile-Cache")).hasValue("HIT");
    }

    @Test
    void aTiledWmsGetMapOnTheGoogleGridComesFromTheCache() throws Exception {
        // level 13, row 2743, col 4255 in EPSG:3857
        double size = 2 * 20037508.3427892 / (1 << 13);
        double minx = -20037508.3427892 + 4255 * size;
        double maxy = 20037508.3427892 - 2743 * size;
        String q = "/koeln/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png&TRANSPARENT=TRUE&TILED=true&BBOX=" + String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minx,
                maxy - size, minx + size, maxy);
        assertThat(bytes("GET", q).headers().firstValue("X-Tile-Cache")).hasValue("MISS");
        HttpResponse<byte[]> hit = bytes("GET", q);
        assertThat(hit.headers().firstValue("X-Tile-Cache")).hasValue("HIT");
        assertThat(hit.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<byte[]> plain = bytes("GET", q.replace("&TILED=true", ""));
        assertThat(plain.headers().firstValue("X-Tile-Cache")).as("without TILED the plain WMS").isEmpty();
        assertThat(get(q + "&TIME=1850").body()).as("the WMS's own report for a bad TIME").contains("InvalidDimensionValue");
    }

    /** GDAL's WMTS driver reads the capabilities and draws the layer from REST tiles of the Köln grid. */
    @Test
    void gdalReadsTheWmtsInTheTerritorysOwnGrid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/gdal_translate")),
                "GDAL (gdal-bin) not installed");
        String source = "WMTS:http://127.0.0.1:" + port + "/koeln/wmts/1.0.0/WMTSCapabilities.xml,layer=" + LAYER
                + ",tilematrixset=koeln_EPSG_25832";
        String info = gdal(tmp, "gdalinfo", source);
        assertThat(info).contains("UTM zone 32N").contains("Size is");
        java.nio.file.Path png = tmp.resolve("wmts.png");
        gdal(tmp, "gdal_translate", "-q", "-of", "PNG", "-outsize", "256", "256", "-projwin", "352000", "5652000", "362000", "5642000",
                source, png.toString());
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(256);
        int coloured = 0;
        for (int y = 0; y < 256; y += 8) {
            for (int x = 0; x < 256; x += 8) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                coloured += rgb != 0 && rgb != 0xffffff ? 1 : 0;
            }
        }
        assertThat(coloured).as("Köln's Stadtteile in their classes' colours").isGreaterThan(500);
    }

    private static String gdal(java.nio.file.Path tmp, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        // GDAL's WMS/WMTS tile cache defaults to ./gdalwmscache: in the throwaway folder, so each run asks the server
        pb.environment().put("GDAL_DEFAULT_WMS_CACHE_PATH", tmp.resolve("gdalwmscache").toString());
        java.nio.file.Path err = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command[0], java.nio.file.Files.readString(err)).isZero();
        return out;
    }

    @Test
    void hostileAndMistakenRequestsGetAReportNeverA500() throws Exception {
        String base = "/koeln/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&FORMAT=image/png&STYLE=default&TILEMATRIXSET=GoogleMapsCompatible";
        String[] bad = {
            base + "&LAYER=" + LAYER + "&TILEMATRIX=12&TILEROW=99999999999999999999&TILECOL=1",
            base + "&LAYER=" + LAYER + "&TILEMATRIX=-1&TILEROW=0&TILECOL=0",
            base + "&LAYER=" + LAYER + "&TILEMATRIX=30&TILEROW=0&TILECOL=0",
            base + "&LAYER=%3Cscript%3Ealert(1)%3C%2Fscript%3E&TILEMATRIX=0&TILEROW=0&TILECOL=0",
            base + "&LAYER=" + LAYER + "%27%3B%20drop%20table%20atlas.territory%3B--&TILEMATRIX=0&TILEROW=0&TILECOL=0",
            base + "&LAYER=" + LAYER + "&TILEMATRIX=0&TILEROW=0&TILECOL=0&TIME=2019-02-30",
            base.replace("STYLE=default", "STYLE=..%2F..%2Fetc") + "&LAYER=" + LAYER + "&TILEMATRIX=0&TILEROW=0&TILECOL=0",
            base.replace("GoogleMapsCompatible", "EPSG:4326") + "&LAYER=" + LAYER + "&TILEMATRIX=0&TILEROW=0&TILECOL=0",
            "/koeln/wmts?SERVICE=WMS&REQUEST=GetCapabilities",
            "/koeln/wmts?REQUEST=GetFeature",
            "/gibtesnicht/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
            "/koeln/wmts/1.0.0/" + LAYER + "/default/GoogleMapsCompatible/x/0/0.png",
        };
        for (String path : bad) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).contains("ows:ExceptionReport").doesNotContain("<script>").doesNotContain("drop table")
                    .doesNotContain("Exception:").doesNotContainIgnoringCase("postgres");
        }
        assertThat(get("/koeln/wmts?SERVICE=WMTS&REQUEST=GetCapabilities").statusCode()).isEqualTo(200);
    }

    @Test
    void administratorsSeedATerritorysPublicLayersWithProgress() throws Exception {
        assertThat(postJson("/api/v1/territories/koeln/tiles/seed?max_resolution=5000", null, null).statusCode()).isIn(401, 403);
        assertThat(postJson("/api/v1/territories/koeln/tiles/seed?max_resolution=5000", null, reader()).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/territories/koeln/tiles/seed?max_resolution=0", null, ADMIN).statusCode()).isEqualTo(400);
        HttpResponse<String> started = postJson("/api/v1/territories/koeln/tiles/seed?max_resolution=5000", null, ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        long total = json(started).get("metatiles_total").asLong();
        assertThat(total).isGreaterThan(0);
        String state = json(started).get("state").asText();
        for (int i = 0; i < 600 && !state.equals("fertig") && !state.equals("fehlgeschlagen"); i++) {
            Thread.sleep(500);
            state = json(get("/api/v1/territories/koeln/tiles/seed", "Authorization", ADMIN)).get("state").asText();
        }
        var done = json(get("/api/v1/territories/koeln/tiles/seed", "Authorization", ADMIN));
        assertThat(done.get("state").asText()).isEqualTo("fertig");
        assertThat(done.get("metatiles_done").asLong()).isEqualTo(total);
        assertThat(done.get("metatiles_failed").asLong()).isZero();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        // the overview of a seeded layer is a hit for the first visitor
        assertThat(bytes("GET", "/koeln/wmts/1.0.0/koeln.anteil_unter_6.stadtteil/default/GoogleMapsCompatible/0/0/0.png")
                .headers().firstValue("X-Tile-Cache")).hasValue("HIT");
        assertThat(json(get("/api/v1/tiles/cache", "Authorization", ADMIN)).get("memory_tiles").asLong()).isGreaterThan(0);
    }
}
