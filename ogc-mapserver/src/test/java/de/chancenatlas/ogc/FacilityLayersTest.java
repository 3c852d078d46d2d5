package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.Viewer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Facilities as point layers, one per type, through the real MapServer: capabilities, a map with the
 * points in their type's colour, WFS features and feature info; public only while the territory's
 * public area is open. Facilities are written with SQL here (constructed test points in the test
 * territory's 1 km squares), as an importer would.
 */
class FacilityLayersTest {
    private static final String T = "einricht";
    private static OgcService ogc;

    @BeforeAll
    static void start() {
        TestAtlas.withDemo();
        TestAtlas.territory(T);
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("insert into atlas.facility (territory_id, code, name, facility_type, geom) select territory_id, v.code, v.name, v.typ, "
                    + "st_setsrid(st_makepoint(v.x, v.y), 25832) from atlas.territory, (values ('K1', 'Kita Sonnenschein', 'kita', 350500, 5640500), "
                    + "('K2', 'Kita Regenbogen', 'kita', 352500, 5640500), ('S1', 'Grundschule Am Park', 'schule', 351500, 5640500)) "
                    + "v(code, name, typ, x, y) where key = '" + T + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        ogc = new OgcService(TestAtlas.database(), new PublishedViews(TestAtlas.dataSource()), Path.of("target/ogc-facilities"), 1);
    }

    @AfterAll
    static void stop() {
        ogc.close();
    }

    private static OgcResponse get(String query) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            params.put(p[0], new String[] {java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)});
        }
        return ogc.handle(Viewer.ANONYMOUS, T, params, null, "http://localhost:8080/" + T + "/ows?");
    }

    @Test
    void oneLayerPerTypeInTheCapabilities() {
        String caps = new String(get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body(), StandardCharsets.UTF_8);
        assertThat(caps).contains("<Name>einricht.einrichtung.kita</Name>", "<Name>einricht.einrichtung.schule</Name>",
                "Testgebiet einricht – Kitas", "Testgebiet einricht – Schulen").doesNotContain("einrichtung.jugendzentrum");
    }

    @Test
    void mapShowsThePointsInTheirTypesColour() throws Exception {
        // the squares 350000–354000 × 5640000–5641000 at 10 m per pixel
        OgcResponse r = get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=einricht.einrichtung.kita&STYLES=&CRS=EPSG:25832"
                + "&BBOX=350000,5640000,354000,5641000&WIDTH=400&HEIGHT=100&FORMAT=image/png");
        assertThat(r.contentType()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img.getRGB(50, 50) & 0xffffff).as("Kita Sonnenschein").isEqualTo(0x4daf4a);
        assertThat(img.getRGB(250, 50) & 0xffffff).as("Kita Regenbogen").isEqualTo(0x4daf4a);
        assertThat(img.getRGB(150, 50) >>> 24).as("the school is on its own layer").isZero();
        assertThat(img.getRGB(350, 50) >>> 24).as("no facility here").isZero();
    }

    @Test
    void featuresAndFeatureInfoNameTheFacility() throws Exception {
        JsonNode fc = new ObjectMapper().readTree(get("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:einricht.einrichtung.kita"
                + "&OUTPUTFORMAT=geojson").body());
        assertThat(fc.get("features")).hasSize(2);
        assertThat(fc.get("features").findValuesAsText("name")).containsExactlyInAnyOrder("Kita Sonnenschein", "Kita Regenbogen");
        assertThat(fc.get("features").findValuesAsText("typ")).containsOnly("kita");
        assertThat(fc.get("features").get(0).get("geometry").get("type").asText()).isEqualTo("Point");
        String html = new String(get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=einricht.einrichtung.schule"
                + "&QUERY_LAYERS=einricht.einrichtung.schule&STYLES=&CRS=EPSG:25832&BBOX=350000,5640000,354000,5641000&WIDTH=400&HEIGHT=100"
                + "&I=150&J=50&INFO_FORMAT=text/html").body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Grundschule Am Park").contains("Einrichtung (schule)");
    }

    @Test
    void publicOnlyWhileThePublicAreaIsOpen() throws Exception {
        LayerCatalog catalog = new LayerCatalog(TestAtlas.dataSource());
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("update atlas.territory set settings = jsonb_set(settings, '{publication,min_published}', '5') where key = '" + T + "'");
            assertThat(catalog.layers(T, Audience.PUBLIC)).extracting(LayerDef::name).noneMatch(n -> n.contains(".einrichtung."));
            assertThat(catalog.layers(T, Audience.INTERNAL)).extracting(LayerDef::name).contains("einricht.einrichtung.kita");
        } finally {
            try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
                st.execute("update atlas.territory set settings = jsonb_set(settings, '{publication,min_published}', '1') where key = '" + T + "'");
            }
        }
        assertThat(catalog.layers(T, Audience.PUBLIC)).extracting(LayerDef::name).contains("einricht.einrichtung.kita");
    }
}
