package de.chancenatlas.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The tile cache with the real MapServer engine: WMTS capabilities parsed, tile pixels against the
 * WMS GetMap of the same box, hits, freshness after an import, and audiences kept apart.
 */
class TileServiceTest {
    private static final String T = "kacheln";
    private static final String PUBLIC = T + ".quote.bezirk";
    private static final String INTERNAL = T + ".anzahl.bezirk";
    private static final Viewer STAFF = new Viewer("staff", Set.of(T));
    /** The territory grid: four 1 km squares from 350000/5640000; level 0 has 16 m pixels, origin 348160/5644288. */
    private static final String GRID = T + "_EPSG_25832";
    private static OgcService ogc;
    private static TileService tiles;

    @BeforeAll
    static void start() throws Exception {
        TestAtlas.withDemo();
        TestAtlas.territory(T);
        values("01;quote;2019;10;100;\n02;quote;2019;20;100;\n03;quote;2019;30;100;\n04;quote;2019;40;100;\n"
                + "01;anzahl;2019;;;5\n02;anzahl;2019;;;50\n03;anzahl;2019;;;500\n04;anzahl;2019;;;5000\n");
        ogc = new OgcService(TestAtlas.database(), new PublishedViews(TestAtlas.dataSource()), Path.of("target/ogc-tiles"), 2);
        tiles = new TileService(ogc, new TileCache(8 << 20, Path.of("target/tile-cache"), 64 << 20));
    }

    @AfterAll
    static void stop() {
        ogc.close();
    }

    private static void values(String rows) throws Exception {
        new ValueImporter(TestAtlas.dataSource()).importFile(T, new ImportSource("werte.csv",
                ("Gebiet;Indikator;Zeitraum;Zähler;Nenner;Wert\n" + rows).getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
    }

    private static BufferedImage png(byte[] b) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(b));
    }

    private static BufferedImage getMap(Viewer viewer, String layer, double[] b) throws Exception {
        Map<String, String[]> p = new LinkedHashMap<>();
        String q = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES=&CRS=EPSG:25832&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png&TRANSPARENT=TRUE&BBOX=" + String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3]);
        for (String kv : q.split("&")) {
            String[] s = kv.split("=", 2);
            p.put(s[0], new String[] {s[1]});
        }
        OgcResponse r = ogc.handle(viewer, T, p, null, "http://localhost/ows?");
        assertThat(r.contentType()).startsWith("image/png");
        return png(r.body());
    }

    /** Share of pixels with the same RGBA value. */
    private static double same(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                n += a.getRGB(x, y) == b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n / 65536.0;
    }

    private static TileService.Tile tile(Viewer v, String layer, int z, long row, long col) {
        return tiles.tile(v, T, layer, "default", null, GRID, String.valueOf(z), String.valueOf(row), String.valueOf(col), "image/png");
    }

    @Test
    void capabilitiesListTheViewersLayersWithTileMatrixSetsAndTime() throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                tiles.capabilities(Viewer.ANONYMOUS, T, "http://localhost/" + T + "/wmts").getBytes(StandardCharsets.UTF_8)));
        var xp = XPathFactory.newInstance().newXPath();
        assertThat(xp.evaluate("/Capabilities/@version", d)).isEqualTo("1.0.0");
        assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + PUBLIC + "'])", d)).isEqualTo("1");
        assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + INTERNAL + "'])", d)).as("internal layer hidden").isEqualTo("0");
        assertThat(xp.evaluate("//Layer[Identifier='" + PUBLIC + "']/Dimension[Identifier='Time']/Value", d)).isEqualTo("2019-12-31");
        assertThat(xp.evaluate("//Layer[Identifier='" + PUBLIC + "']/TileMatrixSetLink[1]/TileMatrixSet", d)).isEqualTo("GoogleMapsCompatible");
        assertThat(xp.evaluate("//Layer[Identifier='" + PUBLIC + "']/TileMatrixSetLink[2]/TileMatrixSet", d)).isEqualTo(GRID);
        assertThat(xp.evaluate("//Contents/TileMatrixSet[Identifier='" + GRID + "']/SupportedCRS", d)).isEqualTo("urn:ogc:def:crs:EPSG::25832");
        assertThat(xp.evaluate("//Contents/TileMatrixSet[Identifier='" + GRID + "']/TileMatrix[Identifier='0']/TopLeftCorner", d))
                .isEqualTo("348160 5644288");
        assertThat(Double.parseDouble(xp.evaluate("//Contents/TileMatrixSet[Identifier='GoogleMapsCompatible']/TileMatrix[Identifier='0']"
                + "/ScaleDenominator", d))).isCloseTo(559082264.0287178, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(xp.evaluate("//Layer[Identifier='" + PUBLIC + "']/ResourceURL/@template", d))
                .isEqualTo("http://localhost/" + T + "/wmts/1.0.0/" + PUBLIC + "/{Style}/{Time}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
        Document staff = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                tiles.capabilities(STAFF, T, "http://localhost/" + T + "/wmts").getBytes(StandardCharsets.UTF_8)));
        assertThat(xp.evaluate("count(//Contents/Layer[Identifier='" + INTERNAL + "'])", staff)).isEqualTo("1");
    }

    @Test
    void aTileHasTheGetMapsPixelsAndTheSecondRequestIsAHit() throws Exception {
        TileMatrixSet grid = TileMatrixSet.forTerritory(T, 25832, new double[] {350000, 5640000, 354000, 5641000});
        assertThat(grid.id()).isEqualTo(GRID);
        // level 2 (4 m pixels): the tile over the border of squares 01 and 02, with outlines running through it
        TileService.Tile first = tile(Viewer.ANONYMOUS, PUBLIC, 2, 3, 2);
        assertThat(first.hit()).isFalse();
        BufferedImage t = png(first.png());
        BufferedImage m = getMap(Viewer.ANONYMOUS, PUBLIC, grid.bounds(2, 3, 2, 1, 1, 0));
        assertThat(t.getWidth()).isEqualTo(256);
        assertThat(same(t, m)).as("every pixel equal to the GetMap of the tile's box").isEqualTo(1.0);
        assertThat(t.getRGB(128, 200) >>> 24).as("coloured, not empty").isGreaterThan(0);
        TileService.Tile second = tile(Viewer.ANONYMOUS, PUBLIC, 2, 3, 2);
        assertThat(second.hit()).isTrue();
        assertThat(second.png()).isEqualTo(first.png());
        // its neighbour was drawn with it, in the same metatile
        assertThat(tile(Viewer.ANONYMOUS, PUBLIC, 2, 3, 3).hit()).isTrue();
    }

    @Test
    void anonymousViewersNeverSeeInternalLayersOrStaffTiles() throws Exception {
        assertThatThrownBy(() -> tile(Viewer.ANONYMOUS, INTERNAL, 1, 1, 1)).isInstanceOf(OgcException.class)
                .hasMessageContaining("gibt es hier nicht");
        TileService.Tile staff = tile(STAFF, INTERNAL, 1, 1, 1);
        assertThat(staff.hit()).isFalse();
        assertThat(tile(STAFF, INTERNAL, 1, 1, 1).hit()).isTrue();
        assertThatThrownBy(() -> tile(Viewer.ANONYMOUS, INTERNAL, 1, 1, 1)).isInstanceOf(OgcException.class);
        // the public layer drawn for staff first: anonymous viewers get their own drawing, not the staff's tile
        TileService.Tile staffPublic = tile(STAFF, PUBLIC, 1, 0, 0);
        TileService.Tile anonymous = tile(Viewer.ANONYMOUS, PUBLIC, 1, 0, 0);
        assertThat(staffPublic.hit()).isFalse();
        assertThat(anonymous.hit()).as("not the staff's tile").isFalse();
        TileMatrixSet grid = TileMatrixSet.forTerritory(T, 25832, new double[] {350000, 5640000, 354000, 5641000});
        assertThat(same(png(anonymous.png()), getMap(Viewer.ANONYMOUS, PUBLIC, grid.bounds(1, 0, 0, 1, 1, 0)))).isGreaterThan(0.995);
    }

    @Test
    void badRequestsAreRefusedWithWmtsCodes() {
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", null, GRID, "99", "0", "0", "image/png"))
                .isInstanceOf(OgcException.class).extracting(e -> ((OgcException) e).code()).isEqualTo("TileOutOfRange");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", null, GRID, "0", "-1", "0", "image/png"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("TileOutOfRange");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "kein_stil", null, GRID, "0", "0", "0", "image/png"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("InvalidParameterValue");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", null, "EPSG:4326", "0", "0", "0", "image/png"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("InvalidParameterValue");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", "1999", GRID, "0", "0", "0", "image/png"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("InvalidDimensionValue");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", null, GRID, "x", "0", "0", "image/png"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("InvalidParameterValue");
        assertThatThrownBy(() -> tiles.tile(Viewer.ANONYMOUS, T, PUBLIC, "default", null, GRID, "0", "0", "0", "image/gif"))
                .extracting(e -> ((OgcException) e).code()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void anImportMakesTheTileNew() throws Exception {
        String layer = T + ".index.bezirk";
        values("01;index;2018;;;1\n02;index;2018;;;2\n03;index;2018;;;3\n04;index;2018;;;4\n");
        TileService.Tile before = tile(STAFF, layer, 0, 0, 0);
        assertThat(tile(STAFF, layer, 0, 0, 0).hit()).isTrue();
        // the same Stichtag anew, the order reversed: every square changes its class
        values("01;index;2018;;;4\n02;index;2018;;;3\n03;index;2018;;;2\n04;index;2018;;;1\n");
        TileService.Tile after = tile(STAFF, layer, 0, 0, 0);
        assertThat(after.hit()).as("a new generation asks for a new tile").isFalse();
        assertThat(after.png()).isNotEqualTo(before.png());
        assertThat(same(png(after.png()), png(before.png()))).isLessThan(0.99);
    }

    @Test
    void publishingAndWithdrawingChangeWhatAnonymousTilesShow() throws Exception {
        String layer = T + ".index.bezirk";
        values("01;index;2017;;;1\n02;index;2017;;;2\n03;index;2017;;;3\n04;index;2017;;;4\n");
        var publication = new de.chancenatlas.core.access.Publication(TestAtlas.dataSource());
        assertThatThrownBy(() -> tile(Viewer.ANONYMOUS, layer, 0, 0, 0)).isInstanceOf(OgcException.class);
        TileService.Tile staff = tile(STAFF, layer, 0, 0, 0);
        try {
            publication.publish(T, "index", null, "test");
            TileService.Tile published = tile(Viewer.ANONYMOUS, layer, 0, 0, 0);
            assertThat(published.hit()).as("drawn for anonymous viewers, not the staff's tile").isFalse();
            assertThat(tile(Viewer.ANONYMOUS, layer, 0, 0, 0).hit()).isTrue();
            assertThat(staff.hit()).isFalse();
        } finally {
            publication.withdraw(T, "index", null, "test");
        }
        assertThatThrownBy(() -> tile(Viewer.ANONYMOUS, layer, 0, 0, 0)).as("withdrawn: no tile from the cache either")
                .isInstanceOf(OgcException.class).hasMessageContaining("gibt es hier nicht");
    }

    @Test
    void aTiledWmsGetMapOnTheGridComesFromTheCache() throws Exception {
        TileMatrixSet grid = TileMatrixSet.forTerritory(T, 25832, new double[] {350000, 5640000, 354000, 5641000});
        double[] b = grid.bounds(3, 5, 6, 1, 1, 0);
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("SERVICE", new String[] {"WMS"});
        p.put("REQUEST", new String[] {"GetMap"});
        p.put("LAYERS", new String[] {PUBLIC});
        p.put("CRS", new String[] {"EPSG:25832"});
        p.put("BBOX", new String[] {String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3])});
        p.put("WIDTH", new String[] {"256"});
        p.put("HEIGHT", new String[] {"256"});
        p.put("FORMAT", new String[] {"image/png"});
        p.put("TRANSPARENT", new String[] {"TRUE"});
        p.put("TILED", new String[] {"true"});
        assertThat(tiles.tiledGetMap(Viewer.ANONYMOUS, T, p).hit()).isFalse();
        assertThat(tiles.tiledGetMap(Viewer.ANONYMOUS, T, p).hit()).isTrue();
        assertThat(tile(Viewer.ANONYMOUS, PUBLIC, 3, 5, 6).hit()).as("the same cache as WMTS").isTrue();
        p.put("BBOX", new String[] {String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0] + 10, b[1], b[2] + 10, b[3])});
        assertThat(tiles.tiledGetMap(Viewer.ANONYMOUS, T, p)).as("off the grid: the plain WMS").isNull();
        p.put("LAYERS", new String[] {INTERNAL});
        assertThat(tiles.tiledGetMap(Viewer.ANONYMOUS, T, p)).isNull();
    }
}
