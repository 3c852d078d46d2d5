package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
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
 * Sub-annual and school-year layers through the real MapServer: capabilities advertise the exact
 * Stichtage, TIME=2019-06-30 draws the half-year (not 31.12.), WFS features carry the period key
 * and German label, feature info names the period, and the per-period style compares keys.
 */
class PeriodLayersTest {
    private static final String T = "zeitraeume";
    private static final String BBOX = "&CRS=EPSG:25832&BBOX=350000,5640000,354000,5641000&WIDTH=400&HEIGHT=100&FORMAT=image/png";
    private static OgcService ogc;

    @BeforeAll
    static void start() throws Exception {
        TestAtlas.withDemo();
        TestAtlas.territory(T);
        String yaml = """
                indicators:
                  - {key: quote, theme: test, title: Quote, definition: d, unit_label: '%', scale_factor: 100, decimals: 1, kind: ratio,
                     numerator_label: Z, denominator_label: N, source: Test, visibility: public, periodicity: halbjahr,
                     counts_public: true}
                  - {key: schueler, theme: test, title: Schüler, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                     visibility: public, periodicity: schuljahr}
                  - {key: arbeitslose, theme: test, title: Arbeitslose, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: Test, visibility: public, periodicity: monat}
                """;
        new CatalogueImporter(TestAtlas.dataSource()).importFile(T, new ImportSource("k.yaml", yaml.getBytes(StandardCharsets.UTF_8), "test"));
        // the first half-year rises from west to east, the second falls: each unit's colour swaps between the Stichtage
        String csv = """
                Gebiet;Indikator;Zeitraum;Zähler;Nenner;Wert
                01;quote;1. Hj. 2019;10;100;
                02;quote;2019-H1;20;100;
                03;quote;30.06.2019;30;100;
                04;quote;2019-06-30;40;100;
                01;quote;2. Hj. 2019;40;100;
                02;quote;12/2019;30;100;
                03;quote;31.12.2019;20;100;
                04;quote;2019-H2;10;100;
                01;schueler;2023/24;;;100
                02;schueler;Schuljahr 2023/24;;;200
                01;arbeitslose;Mai 2020;;;5
                01;arbeitslose;06/2020;;;6
                """;
        new ValueImporter(TestAtlas.dataSource()).importFile(T, new ImportSource("werte.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
        ogc = new OgcService(TestAtlas.dataSource(), new PublishedViews(TestAtlas.dataSource()), TestAtlas.database().readerConnections(),
                Path.of("target/ogc-periods"), 1);
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

    private static BufferedImage map(String layer, String extra) throws Exception {
        OgcResponse r = get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + BBOX + extra);
        assertThat(r.contentType()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    /** The colour in the middle of square 01..04 (100 pixels each). */
    private static int colour(BufferedImage img, int square) {
        return img.getRGB(square * 100 - 50, 50) & 0xffffff;
    }

    @Test
    void capabilitiesAdvertiseTheExactStichtage() {
        String caps = new String(get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body(), StandardCharsets.UTF_8);
        assertThat(caps).containsPattern("(?s)<Name>zeitraeume\\.quote\\.bezirk</Name>.*?<Dimension name=\"time\"[^>]*default=\"2019-12-31\"[^>]*>"
                + "2019-06-30,2019-12-31</Dimension>");
        assertThat(caps).containsPattern("(?s)<Name>zeitraeume\\.schueler\\.bezirk</Name>.*?<Dimension name=\"time\"[^>]*>2023-10-15</Dimension>");
        assertThat(caps).containsPattern("(?s)<Name>zeitraeume\\.arbeitslose\\.bezirk</Name>.*?<Dimension name=\"time\"[^>]*>2020-05-31,2020-06-30"
                + "</Dimension>");
    }

    @Test
    void timeSelectsTheHalfYearsMapNotTheYearsEnd() throws Exception {
        BufferedImage june = map("zeitraeume.quote.bezirk", "&STYLES=&TIME=2019-06-30");
        BufferedImage december = map("zeitraeume.quote.bezirk", "&STYLES=&TIME=2019-12-31");
        BufferedImage latest = map("zeitraeume.quote.bezirk", "&STYLES=");
        for (int q = 1; q <= 4; q++) {
            assertThat(colour(june, q) >>> 0).as("square %d painted", q).isNotZero();
            // 30.06.: 10 % in 01 ... 40 % in 04; 31.12.: the reverse
            assertThat(colour(june, q)).as("square %d", q).isEqualTo(colour(december, 5 - q));
            assertThat(colour(latest, q)).as("no TIME: the latest Stichtag").isEqualTo(colour(december, q));
        }
        assertThat(colour(june, 1)).isNotEqualTo(colour(december, 1));
        // a month inside the half-year and QGIS' interval select it too; the year is its last Stichtag
        assertThat(colour(map("zeitraeume.quote.bezirk", "&STYLES=&TIME=2019-06"), 1)).isEqualTo(colour(june, 1));
        assertThat(colour(map("zeitraeume.quote.bezirk", "&STYLES=&TIME=2019-01-01T00:00:00Z/2019-07-01T00:00:00Z"), 1)).isEqualTo(colour(june, 1));
        assertThat(colour(map("zeitraeume.quote.bezirk", "&STYLES=&TIME=2019"), 1)).isEqualTo(colour(december, 1));
        // the per-period style compares period keys ("2019-H1"): each half-year has its own classes, so the lowest share is
        // the lowest class in both
        BufferedImage perJune = map("zeitraeume.quote.bezirk", "&STYLES=per-period&TIME=2019-06-30");
        BufferedImage perDecember = map("zeitraeume.quote.bezirk", "&STYLES=per-period&TIME=2019-12-31");
        assertThat(colour(perJune, 1)).isNotZero().isEqualTo(colour(perDecember, 4));
        assertThat(colour(perJune, 4)).isEqualTo(colour(perDecember, 1));
        // a school year is drawn on its Stichtag: 01 and 02 with values, 03 and 04 as "no data"
        BufferedImage school = map("zeitraeume.schueler.bezirk", "&STYLES=&TIME=2023-10-15");
        assertThat(colour(school, 1)).isNotZero().isNotEqualTo(colour(school, 3));
        assertThat(colour(school, 3)).isEqualTo(Integer.parseInt(de.chancenatlas.core.style.Classification.NO_DATA_COLOUR.substring(1), 16));
    }

    @Test
    void wfsAndFeatureInfoCarryThePeriodKeyAndItsGermanLabel() throws Exception {
        JsonNode fc = new ObjectMapper().readTree(get("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:zeitraeume.quote.bezirk"
                + "&OUTPUTFORMAT=geojson").body());
        assertThat(fc.get("features")).hasSize(8);
        assertThat(fc.get("features").findValuesAsText("period")).containsOnly("2019-H1", "2019-H2");
        assertThat(fc.get("features").findValuesAsText("period_label")).containsOnly("1. Halbjahr 2019", "2. Halbjahr 2019");
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            if (p.get("code").asText().equals("01") && p.get("period").asText().equals("2019-H1")) {
                assertThat(p.get("wert").asText()).isEqualTo("10,0");
            }
        }
        JsonNode school = new ObjectMapper().readTree(get("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:zeitraeume.schueler.bezirk"
                + "&OUTPUTFORMAT=geojson").body());
        assertThat(school.get("features").findValuesAsText("period")).containsOnly("2023/24");
        assertThat(school.get("features").findValuesAsText("period_label")).containsOnly("Schuljahr 2023/24");
        String html = new String(get("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=zeitraeume.quote.bezirk"
                + "&QUERY_LAYERS=zeitraeume.quote.bezirk&STYLES=&CRS=EPSG:25832&BBOX=350000,5640000,354000,5641000&WIDTH=400&HEIGHT=100"
                + "&I=50&J=50&INFO_FORMAT=text/html&TIME=2019-06-30").body(), StandardCharsets.UTF_8);
        assertThat(html).contains("<th>Zeitraum</th>").contains("1. Halbjahr 2019").contains("10,0").doesNotContain("2. Halbjahr");
    }
}
