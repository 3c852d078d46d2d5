package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.core.style.Classification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The OGC endpoint with the real MapServer engine on the demo data; responses parsed, pixels read. */
class OgcServiceTest {
    private static final String LAYER = "koeln.anteil_unter_6.stadtteil";
    private static final int SIZE = 600;
    private static OgcService ogc;

    @BeforeAll
    static void start() {
        TestAtlas.withDemo();
        ogc = new OgcService(TestAtlas.dataSource(), new PublishedViews(TestAtlas.dataSource()), TestAtlas.database().readerConnections(),
                Path.of("target/ogc-work"), 2);
    }

    @AfterAll
    static void stop() {
        ogc.close();
    }

    private static OgcResponse get(String territory, String query) {
        return get(Viewer.ANONYMOUS, territory, query);
    }

    private static OgcResponse get(Viewer viewer, String territory, String query) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            params.put(p[0], new String[] {java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)});
        }
        return ogc.handle(viewer, territory, params, null, "http://localhost:8080/ows?");
    }

    private static Document xml(OgcResponse r) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    private static NodeList nodes(Document d, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    }

    private static String text(Document d, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, d);
    }

    @Test
    void wmsCapabilitiesListPublicLayersWithDescriptionsAndTime() throws Exception {
        OgcResponse r = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertThat(r.contentType()).contains("xml");
        Document d = xml(r);
        List<String> names = new java.util.ArrayList<>();
        NodeList n = nodes(d, "//Layer/Name");
        for (int i = 0; i < n.getLength(); i++) {
            names.add(n.item(i).getTextContent());
        }
        assertThat(names).contains(LAYER, "koeln.stadtteil", "koeln.einwohner.stadtbezirk", "kreis-dueren.bevoelkerungsdichte.kommune")
                .doesNotContain("koeln.anteil_migrationshintergrund.stadtteil", "koeln.anteil_nebenwohnung.stadtteil");
        String layer = "//Layer[Name='" + LAYER + "']";
        assertThat(text(d, layer + "/Title")).isEqualTo("Anteil der Kinder unter 6 Jahren an der Bevölkerung – Stadtteil");
        assertThat(text(d, layer + "/Abstract")).contains("Einwohner im Alter von 0 bis unter 6 Jahren");
        assertThat(text(d, layer + "/KeywordList")).contains("Demografie");
        // each year's Stichtag: QGIS reads dates, not bare years
        assertThat(text(d, layer + "/Dimension[@name='time']").replace(" ", ""))
                .isEqualTo("2005-12-31,2006-12-31,2007-12-31,2008-12-31,2009-12-31,2010-12-31,2011-12-31,2012-12-31");
        assertThat(text(d, layer + "/Attribution/Title")).contains("Stadt Köln");
        assertThat(text(d, layer + "/Dimension[@name='time']/@default")).isEqualTo("2012-12-31");
        // one style per named classification, each with its legend
        List<String> styles = new java.util.ArrayList<>();
        NodeList s = nodes(d, layer + "/Style/Name");
        for (int i = 0; i < s.getLength(); i++) {
            styles.add(s.item(i).getTextContent());
        }
        assertThat(styles).containsExactlyElementsOf(de.chancenatlas.core.style.StyleSet.NAMES);
        assertThat(nodes(d, layer + "/Style/LegendURL").getLength()).isEqualTo(styles.size());
        assertThat(text(d, layer + "/MetadataURL/OnlineResource/@*[name()='xlink:href']"))
                .isEqualTo("http://localhost:8080/api/v1/territories/koeln/indicators/anteil_unter_6");
    }

    @Test
    void perTerritoryEndpointListsOnlyThatTerritory() throws Exception {
        Document d = xml(get("kreis-dueren", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        NodeList n = nodes(d, "//Layer/Layer/Name");
        for (int i = 0; i < n.getLength(); i++) {
            assertThat(n.item(i).getTextContent()).startsWith("kreis-dueren.");
        }
        assertThat(n.getLength()).isGreaterThanOrEqualTo(4);
        assertThat(new String(get("kreis-dueren", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER
                + "&STYLES=&CRS=EPSG:25832&BBOX=340000,5630000,370000,5665000&WIDTH=64&HEIGHT=64&FORMAT=image/png").body(),
                StandardCharsets.UTF_8)).contains("LayerNotDefined");
    }

    /** Pixel at each Stadtteil's interior point has the colour of the class of its value in that year. */
    @Test
    void getMapPaintsEachStadtteilInTheColourOfItsClassAndYearsDiffer() throws Exception {
        double[] bbox = {343000, 5630000, 372000, 5664000};
        Map<String, double[]> points = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select u.code, st_x(p), st_y(p) from (select code, st_pointonsurface(geom) p from atlas.spatial_unit u "
                    + "join atlas.unit_level l using (level_id) join atlas.territory t on t.territory_id = u.territory_id "
                    + "where t.key = 'koeln' and l.key = 'stadtteil' and st_area(geom) > 1500000) u");
            while (rs.next()) {
                points.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        LayerDef def = new LayerCatalog(TestAtlas.dataSource()).layers("koeln", Audience.PUBLIC).stream().filter(l -> l.name().equals(LAYER)).findFirst().orElseThrow();
        Classification cls = def.classification();
        AtlasReader reader = new AtlasReader(TestAtlas.database());
        Map<Integer, Map<String, Integer>> rgbByYear = new HashMap<>();
        for (int year : new int[] {2005, 2012}) {
            OgcResponse r = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX="
                    + bbox[0] + "," + bbox[1] + "," + bbox[2] + "," + bbox[3] + "&WIDTH=" + SIZE + "&HEIGHT=" + SIZE + "&FORMAT=image/png&TIME=" + year);
            assertThat(r.contentType()).isEqualTo("image/png");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
            Map<String, Integer> rgb = new HashMap<>();
            int checked = 0;
            // the public figures: the map classes what the public may know, the rounded shares (sql/V8)
            for (AtlasReader.Value v : reader.values(Viewer.ANONYMOUS, "koeln", "anteil_unter_6", "stadtteil", String.valueOf(year)).orElseThrow()) {
                double[] p = points.get(v.unitCode());
                if (p == null || v.value() == null) {
                    continue;   // small Stadtteile: too few pixels to hit reliably; withheld ones are hatched
                }
                int x = (int) ((p[0] - bbox[0]) / (bbox[2] - bbox[0]) * SIZE);
                int y = (int) ((bbox[3] - p[1]) / (bbox[3] - bbox[1]) * SIZE);
                int pixel = img.getRGB(x, y) & 0xffffff;
                int expected = Integer.parseInt(cls.colours().get(cls.classOf(v.value().doubleValue()) - 1).substring(1), 16);
                assertThat(String.format("%06x", pixel)).as("colour of %s %s in %d (value %s)", v.unitCode(), v.unitName(), year, v.value())
                        .isEqualTo(String.format("%06x", expected));
                rgb.put(v.unitCode(), pixel);
                checked++;
            }
            assertThat(checked).isGreaterThan(40);
            rgbByYear.put(year, rgb);
        }
        long differing = rgbByYear.get(2005).keySet().stream().filter(k -> !rgbByYear.get(2005).get(k).equals(rgbByYear.get(2012).get(k))).count();
        assertThat(differing).as("Stadtteile whose class changed between 2005 and 2012").isPositive();
    }

    @Test
    void wfsGeoJsonCarriesTheSameValuesAsTheReadApi() throws Exception {
        OgcResponse r = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + LAYER + "&OUTPUTFORMAT=geojson&SRSNAME=EPSG:4326");
        assertThat(r.status()).as(new String(r.body(), 0, Math.min(600, r.body().length), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode features = new ObjectMapper().readTree(r.body()).get("features");
        var api = new AtlasReader(TestAtlas.database()).values(Viewer.ANONYMOUS, "koeln", "anteil_unter_6", "stadtteil", null).orElseThrow();
        assertThat(features).hasSize(api.size());
        Map<String, String> formatted = new HashMap<>();
        for (AtlasReader.Value v : api) {
            formatted.put(v.unitCode() + "/" + v.period(), v.formatted());
        }
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            String key = p.get("code").asText() + "/" + p.get("period").asText();
            assertThat(p.get("wert").asText()).as(key).isEqualTo(formatted.get(key));
            // -1: withheld (a rate whose count its linked figures would give away, sql/V8), else its class
            if ("suppressed".equals(p.get("status").asText())) {
                assertThat(p.get("klasse").asInt()).isEqualTo(-1);
            } else {
                assertThat(p.get("klasse").asInt()).isBetween(1, 9);
            }
        }
        JsonNode geometry = features.get(0).get("geometry");
        JsonNode ring = geometry.get("type").asText().equals("MultiPolygon") ? geometry.get("coordinates").get(0).get(0)
                : geometry.get("coordinates").get(0);
        // GeoJSON is always longitude, latitude (RFC 7946), whatever SRSNAME's axis order
        assertThat(ring.get(0).get(0).asDouble()).isBetween(6.7, 7.2);
        assertThat(ring.get(0).get(1).asDouble()).isBetween(50.8, 51.1);
    }

    /**
     * TIME as clients send it selects the year it names: a bare year, the Stichtag, a date-time, or
     * QGIS' time-slider interval; a year without values is an error, not quietly the default year.
     */
    @Test
    void timeAsYearDateOrIntervalSelectsThatYear() {
        String map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832"
                + "&BBOX=343900,5632700,370700,5661500&WIDTH=128&HEIGHT=128&FORMAT=image/png&TIME=";
        byte[] y2005 = get(null, map + "2005").body();
        byte[] y2012 = get(null, map + "2012").body();
        assertThat(y2005).isNotEqualTo(y2012);
        for (String t : List.of("2005-12-31", "2005-01-01T00:00:00Z", "2005-06", "2005-01-01T00:00:00Z/2006-01-01T00:00:00Z",
                "2005-01-01T00:00:00.000Z/2005-12-31T23:59:59.999Z", "2004-06-01/2005-12-31/P1Y")) {
            assertThat(get(null, map + t).body()).as("TIME=%s", t).isEqualTo(y2005);
        }
        assertThat(get(null, map).body()).as("no TIME: the latest year").isEqualTo(y2012);
        assertThat(get(null, map + "2001-01-01/2030-12-31").body()).as("an interval over all years: the latest").isEqualTo(y2012);
        for (String t : List.of("1999", "2005,2006", "gestern", "2005-13-01", "2012/2005")) {
            assertThat(new String(get(null, map + t).body(), StandardCharsets.UTF_8)).as("TIME=%s", t)
                    .contains("code=\"InvalidDimensionValue\"").contains("2005-12-31, 2006-12-31");
        }
    }

    @Test
    void badRequestsGetOgcExceptionReportsNeverAStackTrace() throws Exception {
        Map<String, String> cases = Map.of(
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&SLD=http://evil/x.sld", "InvalidParameterValue",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX=1,2,3,4&WIDTH=99999&HEIGHT=10&FORMAT=image/png", "InvalidParameterValue",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=koeln.gibtsnicht&STYLES=&CRS=EPSG:25832&BBOX=1,2,3,4&WIDTH=10&HEIGHT=10&FORMAT=image/png", "LayerNotDefined",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=Delete", "OperationNotSupported",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:31467&BBOX=1,2,3,4&WIDTH=10&HEIGHT=10&FORMAT=image/png", "InvalidCRS",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&map=/etc/passwd", "InvalidParameterValue",
                "SERVICE=FTP&REQUEST=GetCapabilities", "InvalidParameterValue",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX=1,2,3,4&WIDTH=10&HEIGHT=10&FORMAT=application/x-sh", "InvalidFormat");
        for (var c : cases.entrySet()) {
            OgcResponse r = get(null, c.getKey());
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(body).as(c.getKey()).contains("ServiceExceptionReport").contains("code=\"" + c.getValue() + "\"")
                    .doesNotContain("Exception:").doesNotContain("at de.");
        }
        OgcResponse wfs = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:koeln.gibtsnicht");
        assertThat(wfs.status()).isEqualTo(400);
        assertThat(new String(wfs.body(), StandardCharsets.UTF_8)).contains("ows:ExceptionReport").contains("InvalidParameterValue");
        OgcResponse mapserverItself = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER
                + "&STYLES=&CRS=EPSG:25832&BBOX=5,5,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png");
        assertThat(new String(mapserverItself.body(), StandardCharsets.UTF_8)).as("MapServer's own report passes through")
                .contains("ServiceExceptionReport");
    }

    @Test
    void legendShowsTheClassesWithGermanLabels() throws Exception {
        OgcResponse r = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + LAYER + "&FORMAT=image/png&SLD_VERSION=1.1.0");
        assertThat(r.contentType()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img.getHeight()).isGreaterThan(5 * 12);
    }

    /** A public legend is classed from the published values only: its lowest break cannot reveal a withheld value. */
    @Test
    void publicLegendsAreClassedFromPublishedValuesOnly() throws Exception {
        String t = TestAtlas.territory("ogc-legend");
        new de.chancenatlas.core.imports.ValueImporter(TestAtlas.dataSource()).importFile(t,
                // denominators of 1000: whole percent is the finest precision that keeps the numerators ambiguous (sql/V8)
                new de.chancenatlas.core.imports.ImportSource("w.csv", ("gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;1;1000\n"
                        + "02;quote;2020;50;1000\n03;quote;2020;60;1000\n04;quote;2020;70;1000\n").getBytes(StandardCharsets.UTF_8), "test"),
                de.chancenatlas.core.imports.ValueImporter.Options.NONE, de.chancenatlas.core.imports.Progress.NONE);
        new PublishedViews(TestAtlas.dataSource()).ensureFresh();
        LayerCatalog catalog = new LayerCatalog(TestAtlas.dataSource());
        Classification pub = catalog.layers(t, Audience.PUBLIC).stream().filter(l -> l.name().equals(t + ".quote.bezirk"))
                .findFirst().orElseThrow().classification();
        Classification staff = catalog.layers(t, Audience.INTERNAL).stream().filter(l -> l.name().equals(t + ".quote.bezirk"))
                .findFirst().orElseThrow().classification();
        assertThat(pub.breaks().get(0)).isEqualTo(6.0);
        assertThat(pub.labels()).noneMatch(label -> label.contains("0,1") || label.contains("5,0"));
        assertThat(staff.breaks().get(0)).isEqualTo(0.1);
        assertThat(catalog.layers(t, Audience.PUBLIC)).extracting(LayerDef::name).as("anzahl and index are internal")
                .noneMatch(n -> n.contains(".anzahl.") || n.contains(".index."));
    }

    /** Deep inside each large Stadtteil: the centre of its largest inscribed circle (radius > r metres). */
    private static Map<String, double[]> interiorPoints(double r) throws Exception {
        Map<String, double[]> points = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select code, st_x(center), st_y(center) from (select u.code, (st_maximuminscribedcircle(u.geom)).* "
                    + "from atlas.spatial_unit u join atlas.unit_level l using (level_id) join atlas.territory t on t.territory_id = u.territory_id "
                    + "where t.key = 'koeln' and l.key = 'stadtteil') x where radius > " + r);
            while (rs.next()) {
                points.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
            }
        }
        return points;
    }

    /** Unrounded public values of the test layer in one year, by unit code. */
    private static Map<String, Double> values(int year) throws Exception {
        Map<String, Double> out = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select code, value from atlas_public.layer_value where territory = 'koeln' and indicator = 'anteil_unter_6' "
                    + "and level = 'stadtteil' and period = '" + year + "' and value is not null");
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    @Test
    void featureInfoAsGermanHtmlAndAsJson() throws Exception {
        var point = interiorPoints(800).entrySet().iterator().next();
        double[] p = point.getValue();
        String query = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + LAYER + "&QUERY_LAYERS=" + LAYER
                + "&STYLES=&CRS=EPSG:25832&BBOX=" + (p[0] - 500) + "," + (p[1] - 500) + "," + (p[0] + 500) + "," + (p[1] + 500)
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&TIME=2008&INFO_FORMAT=";
        AtlasReader.Value v = new AtlasReader(TestAtlas.database()).values(Viewer.ANONYMOUS, "koeln", "anteil_unter_6", "stadtteil", "2008")
                .orElseThrow().stream().filter(x -> x.unitCode().equals(point.getKey())).findFirst().orElseThrow();
        Classification cls = new LayerCatalog(TestAtlas.dataSource()).layers("koeln", Audience.PUBLIC).stream().filter(l -> l.name().equals(LAYER))
                .findFirst().orElseThrow().classification();
        String label = cls.labels().get(cls.classOf(values(2008).get(point.getKey())) - 1);

        OgcResponse html = get(null, query + "text/html");
        assertThat(html.contentType()).startsWith("text/html");
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"de\"").contains("<th>Wert</th>")
                .contains("<td>" + v.unitName().replace("&", "&amp;") + "</td><td>" + v.unitCode() + "</td><td>2008</td><td class=\"zahl\">"
                        + v.formatted() + "</td><td>" + label + "</td><td>endgültig</td>")
                .contains("Anteil der Kinder unter 6 Jahren");
        assertThat(v.formatted()).contains(",");

        OgcResponse json = get(null, query + "application/json");
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode features = new ObjectMapper().readTree(json.body()).get("features");
        assertThat(features).hasSize(1);
        JsonNode props = features.get(0).get("properties");
        assertThat(props.get("code").asText()).isEqualTo(v.unitCode());
        assertThat(props.get("name").asText()).isEqualTo(v.unitName());
        assertThat(props.get("period").asText()).isEqualTo("2008");
        assertThat(props.get("period_label").asText()).isEqualTo("2008");
        assertThat(props.get("wert").asText()).isEqualTo(v.formatted());
        assertThat(props.get("klasse_text").asText()).isEqualTo(label);
        assertThat(props.get("status_text").asText()).isEqualTo("endgültig");
    }

    /** WMS 1.1.1: SRS and longitude-first EPSG:4326; the same picture as 1.3.0's latitude-first request. */
    @Test
    void wms111GetMapUsesSrsAndLongitudeFirst() throws Exception {
        String common = "&LAYERS=" + LAYER + "&STYLES=&WIDTH=200&HEIGHT=150&FORMAT=image/png&TIME=2010";
        OgcResponse v111 = get(null, "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:4326&BBOX=6.77,50.83,7.17,51.09" + common);
        OgcResponse v130 = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:4326&BBOX=50.83,6.77,51.09,7.17" + common);
        OgcResponse bare = get(null, "REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:4326&BBOX=6.77,50.83,7.17,51.09" + common);
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(v111.body()));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(v130.body()));
        BufferedImage c = ImageIO.read(new ByteArrayInputStream(bare.body()));
        assertThat(a).as(new String(v111.body(), 0, Math.min(400, v111.body().length), StandardCharsets.UTF_8)).isNotNull();
        int painted = 0;
        for (int x = 0; x < 200; x++) {
            for (int y = 0; y < 150; y++) {
                assertThat(a.getRGB(x, y)).isEqualTo(b.getRGB(x, y)).isEqualTo(c.getRGB(x, y));
                painted += (a.getRGB(x, y) >>> 24) == 255 ? 1 : 0;
            }
        }
        assertThat(painted).as("Köln fills most of the box").isGreaterThan(200 * 150 / 3);
        // 1.1.1 speaks of SRS and answers in its own exception format
        String bad = new String(get(null, "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&SRS=EPSG:31467&BBOX=1,2,3,4" + common).body(),
                StandardCharsets.UTF_8);
        assertThat(bad).contains("InvalidSRS");
    }

    /** Every named style paints with its own classes: the alternatives over all years, per-period per year. */
    @Test
    void namedStylesPaintTheirOwnClasses() throws Exception {
        double[] bbox = {342000, 5631000, 372000, 5663000};
        LayerDef def = new LayerCatalog(TestAtlas.dataSource()).layers("koeln", Audience.PUBLIC).stream().filter(l -> l.name().equals(LAYER)).findFirst().orElseThrow();
        Map<String, double[]> points = interiorPoints(400);
        for (String style : List.of("jenks", "equal", "per-period")) {
            for (int year : new int[] {2005, 2012}) {
                Classification cls = def.styles().classification(style, String.valueOf(year));
                OgcResponse r = get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=" + style
                        + "&CRS=EPSG:25832&BBOX=" + bbox[0] + "," + bbox[1] + "," + bbox[2] + "," + bbox[3] + "&WIDTH=300&HEIGHT=320&FORMAT=image/png&TIME=" + year);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
                Map<String, Double> values = values(year);
                int checked = 0;
                for (var e : points.entrySet()) {
                    Double v = values.get(e.getKey());
                    if (v == null) {
                        continue;
                    }
                    int x = (int) ((e.getValue()[0] - bbox[0]) / (bbox[2] - bbox[0]) * 300);
                    int y = (int) ((bbox[3] - e.getValue()[1]) / (bbox[3] - bbox[1]) * 320);
                    assertThat(String.format("#%06x", img.getRGB(x, y) & 0xffffff)).as("%s %d %s", style, year, e.getKey())
                            .isEqualTo(cls.colours().get(cls.classOf(v) - 1));
                    checked++;
                }
                assertThat(checked).isGreaterThan(20);
            }
        }
        assertThat(def.styles().classification("per-period", "2005").breaks()).isNotEqualTo(def.styles().classification("per-period", "2012").breaks());
        String unknown = new String(get(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER
                + "&STYLES=fancy&CRS=EPSG:25832&BBOX=342000,5631000,372000,5663000&WIDTH=30&HEIGHT=30&FORMAT=image/png").body(), StandardCharsets.UTF_8);
        assertThat(unknown).contains("StyleNotDefined");
    }

    /** What the CITE WFS 2.0 suite found and our request handling now answers as the standard says. */
    @Test
    void wfsAnswersAsTheConformanceSuiteExpects() throws Exception {
        OgcResponse byId = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"
                + "&ID=koeln.stadt." + fid("stadt"));
        assertThat(byId.status()).isEqualTo(200);
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document feature = f.newDocumentBuilder().parse(new ByteArrayInputStream(byId.body()));
        assertThat(feature.getDocumentElement().getLocalName()).isEqualTo("koeln.stadt");
        assertThat(feature.getDocumentElement().getAttributeNS("http://www.opengis.net/gml/3.2", "id")).isEqualTo("koeln.stadt." + fid("stadt"));

        OgcResponse unknown = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"
                + "&ID=koeln.stadt.999999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("exceptionCode=\"NotFound\"");

        OgcResponse mismatch = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:koeln.stadtteil&RESOURCEID=koeln.stadt."
                + fid("stadt"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(new String(mismatch.body(), StandardCharsets.UTF_8)).contains("InvalidParameterValue").contains("RESOURCEID");

        OgcResponse unknownId = get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:koeln.stadtteil&RESOURCEID=test-unbekannt-1");
        assertThat(unknownId.status()).isEqualTo(200);
        assertThat(new String(unknownId.body(), StandardCharsets.UTF_8)).contains("numberReturned=\"0\"");

        String post = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:StoredQuery id=\"urn:ogc:def:query:OGC-WFS::GetFeatureById\"><wfs:Parameter name=\"id\">koeln.stadt." + fid("stadt")
                + "</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>";
        OgcResponse posted = ogc.handle(Viewer.ANONYMOUS, null, new LinkedHashMap<>(), post, "http://localhost:8080/ows?");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(new String(posted.body(), StandardCharsets.UTF_8)).contains("gml:id=\"koeln.stadt." + fid("stadt") + "\"")
                .doesNotContain("FeatureCollection");

        OgcResponse noService = get(null, "REQUEST=GetCapabilities&VERSION=2.0.0");
        assertThat(noService.status()).isEqualTo(400);
        assertThat(new String(noService.body(), StandardCharsets.UTF_8)).contains("ows:ExceptionReport").contains("MissingParameterValue");

        Document caps = xml(get(null, "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities"));
        assertThat(text(caps, "//*[local-name()='Operation'][@name='GetFeature']/*[local-name()='Parameter'][@name='resolve']")).contains("local");
    }

    private static long fid(String level) throws Exception {
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select min(unit_id) from atlas.spatial_unit u join atlas.unit_level l using (level_id) "
                    + "join atlas.territory t on t.territory_id = u.territory_id where t.key = 'koeln' and l.key = '" + level + "'");
            rs.next();
            return rs.getLong(1);
        }
    }
}
