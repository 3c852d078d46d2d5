package de.chancenatlas.geoserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import de.chancenatlas.ogc.OgcService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sync against a real GeoServer, run only when ATLAS_GEOSERVER_URL (or GEOSERVER_URL) names one
 * (user ATLAS_GEOSERVER_USER, default admin; password ATLAS_GEOSERVER_PASSWORD, default geoserver);
 * skipped with that message otherwise. GeoServer must reach the test cluster on 127.0.0.1.
 * Syncs all test territories (Köln, Kreis Düren, ...), then checks through GeoServer's own REST, WMS
 * and WFS what users get, and removes everything at the end. GeoServer's answers for Kreis Düren
 * are recorded under target/geoserver-recorded (the source of src/test/resources/geoserver-recorded).
 * docs/geoserver.md names the command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealGeoServerTest {
    private static final String STAFF = "atlas_test_staff";
    private static final String STAFF_PW = "Staff-" + Long.toHexString(System.nanoTime());
    private static final String LAYER = "koeln.anteil_unter_6.stadtteil";
    private static GeoServerClient gs;
    private static Target target;
    private static GeoServerSync sync;
    private static OgcService atlasWms;
    private static String staffAuth;

    @BeforeAll
    static void connect() throws Exception {
        String url = env("ATLAS_GEOSERVER_URL", env("GEOSERVER_URL", null));
        String skipped = "GeoServer-Integrationstest übersprungen: ATLAS_GEOSERVER_URL nicht gesetzt / "
                + "real-GeoServer test skipped: set ATLAS_GEOSERVER_URL=http://127.0.0.1:8600/geoserver (docs/geoserver.md)";
        if (url == null) {
            System.out.println("[RealGeoServerTest] " + skipped);
        }
        Assumptions.assumeTrue(url != null, skipped);
        gs = new GeoServerClient(url, env("ATLAS_GEOSERVER_USER", "admin"), env("ATLAS_GEOSERVER_PASSWORD", "geoserver"));
        System.out.println("GeoServer " + gs.get("/rest/about/version.xml").replaceAll("(?s)^.*?<Version>([^<]*)</Version>.*", "$1"));
        TestAtlas.withDemo();
        new PublishedViews(TestAtlas.dataSource()).ensureFresh();
        target = Target.of(TestAtlas.database(), "127.0.0.1", null, null);
        sync = new GeoServerSync(TestAtlas.dataSource());
        atlasWms = new OgcService(TestAtlas.database(), new PublishedViews(TestAtlas.dataSource()), Path.of("target/ogc-geoserver"), 1);
        // HIDE, as docs/geoserver.md recommends; and a staff user with the role the internal workspace needs
        gs.send("PUT", "/rest/security/acl/catalog.xml", "application/xml", "<catalog><mode>HIDE</mode></catalog>", false);
        if (gs.get("/rest/security/usergroup/users.xml").contains("<userName>" + STAFF + "</userName>")) {
            gs.send("DELETE", "/rest/security/usergroup/user/" + STAFF, null, null, true);
        }
        gs.send("POST", "/rest/security/usergroup/users", "application/xml",
                "<user><userName>" + STAFF + "</userName><password>" + STAFF_PW + "</password><enabled>true</enabled></user>", false);
        if (!gs.get("/rest/security/roles.xml").contains(">ATLAS_KOELN_STAFF<")) {
            gs.send("POST", "/rest/security/roles/role/ATLAS_KOELN_STAFF", null, null, false);
        }
        gs.send("POST", "/rest/security/roles/role/ATLAS_KOELN_STAFF/user/" + STAFF, null, null, false);
        staffAuth = STAFF + ":" + STAFF_PW;
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (gs == null) {
            return;
        }
        var r = sync.sync(gs, target, null, false, true, "test", s -> { });
        System.out.println("removed: " + r.plan().summary());
        if (gs.get("/rest/security/usergroup/users.xml").contains("<userName>" + STAFF + "</userName>")) {
            gs.send("DELETE", "/rest/security/usergroup/user/" + STAFF, null, null, true);
        }
        atlasWms.close();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String ows(String workspace, String query, String auth) {
        return new String(bytes(workspace, query, auth), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String workspace, String query, String auth) {
        try {
            var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gs.base() + (workspace == null ? "" : "/" + workspace) + "/ows?" + query));
            if (auth != null) {
                b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
            }
            return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void firstSyncCreatesSecondChangesNothing() throws Exception {
        var first = sync.sync(RecordingClient.recording(gs.base(), env("ATLAS_GEOSERVER_USER", "admin"),
                env("ATLAS_GEOSERVER_PASSWORD", "geoserver"), Path.of("target/geoserver-recorded/before")), target, null, false, false, "test", s -> { });
        System.out.println("first sync: " + first.plan().summary());
        assertThat(first.plan().count(Plan.Action.CREATE)).isGreaterThan(100);
        assertThat(first.plan().warnings()).noneMatch(w -> w.contains("HIDE"));
        // the second run, recording GeoServer's answers for the replay test
        Path rec = Path.of("target/geoserver-recorded/after");
        var second = sync.sync(RecordingClient.recording(gs.base(), env("ATLAS_GEOSERVER_USER", "admin"),
                env("ATLAS_GEOSERVER_PASSWORD", "geoserver"), rec), target, "kreis-dueren", true, false, "test", s -> { });
        assertThat(second.plan().steps()).as("dry run after the sync (Kreis Düren)").isEmpty();
        java.nio.file.Files.writeString(rec.resolve("version.txt"), gs.get("/rest/about/version.xml"));
        var third = sync.sync(gs, target, null, false, false, "test", s -> { });
        System.out.println("second sync: " + third.plan().summary() + " " + third.plan().steps());
        assertThat(third.plan().steps()).isEmpty();
        assertThat(TestAtlas.count("select count(*) from atlas.audit_log where action = 'geoserver_sync'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void featureTypeHasTimeDimensionNativeCrsAndTheAtlasName() {
        String ft = gs.get("/rest/workspaces/atlas_koeln/datastores/chancenatlas/featuretypes/" + LAYER + ".xml");
        assertThat(ft).contains("<name>" + LAYER + "</name>", "<srs>EPSG:25832</srs>", "<attribute>stichtag</attribute>",
                "<presentation>LIST</presentation>");
        String caps = ows("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null);
        assertThat(caps).contains("<Name>" + LAYER + "</Name>", "EPSG:25832");
        String dim = caps.substring(caps.indexOf("<Name>" + LAYER + "</Name>"));
        dim = dim.substring(dim.indexOf("<Dimension"), dim.indexOf("</Dimension>"));
        assertThat(dim).contains("name=\"time\"", "2005-12-31", "2012-12-31");
        String def = dim.replaceAll("(?s).*default=\"([^\"]*)\".*", "$1");
        String last = dim.substring(dim.lastIndexOf(',') + 1).strip();
        assertThat(def.substring(0, 10)).as("default = latest Stichtag").isEqualTo(last.substring(0, 10));
    }

    @Test
    @Order(3)
    void getMapColoursEqualTheAtlasWmsAt2005And2012() throws Exception {
        LayerDef l = new LayerCatalog(TestAtlas.dataSource()).layers("koeln", Audience.PUBLIC).stream()
                .filter(x -> x.name().equals(LAYER)).findFirst().orElseThrow();
        double[] e = l.extent();
        int w = 1000;
        int h = (int) Math.round(w * (e[3] - e[1]) / (e[2] - e[0]));
        String bbox = e[0] + "," + e[1] + "," + e[2] + "," + e[3];
        // interior points: centres of the largest inscribed circles, at least 4 pixels from the boundary
        List<double[]> points = new ArrayList<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select st_x(m.center), st_y(m.center), m.radius from atlas.spatial_unit u join atlas.unit_level l using (level_id) "
                    + "join atlas.territory t on t.territory_id = u.territory_id cross join lateral st_maximuminscribedcircle(u.geom) m "
                    + "where t.key = 'koeln' and l.key = 'stadtteil' and u.valid_to is null");
            while (rs.next()) {
                if (rs.getDouble(3) / ((e[2] - e[0]) / w) >= 4) {
                    points.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
                }
            }
        }
        assertThat(points).hasSizeGreaterThan(50);
        for (int year : new int[] {2005, 2012}) {
            Map<String, String[]> p = new LinkedHashMap<>();
            for (String kv : ("SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX=" + bbox + "&WIDTH=" + w
                    + "&HEIGHT=" + h + "&FORMAT=image/png&TRANSPARENT=TRUE&TIME=" + year).split("&")) {
                String[] s = kv.split("=", 2);
                p.put(s[0], new String[] {s[1]});
            }
            BufferedImage atlas = ImageIO.read(new ByteArrayInputStream(atlasWms.handle(Viewer.ANONYMOUS, "koeln", p, null,
                    "http://localhost/koeln/ows?").body()));
            BufferedImage geo = ImageIO.read(new ByteArrayInputStream(bytes("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
                    + LAYER + "&STYLES=&CRS=EPSG:25832&BBOX=" + bbox + "&WIDTH=" + w + "&HEIGHT=" + h + "&FORMAT=image/png&TRANSPARENT=TRUE&TIME="
                    + year + "-12-31", null)));
            assertThat(geo).as("GeoServer GetMap " + year + " is an image").isNotNull();
            int same = 0;
            List<String> differ = new ArrayList<>();
            Map<Integer, Integer> colours = new HashMap<>();
            for (double[] pt : points) {
                int x = (int) ((pt[0] - e[0]) / (e[2] - e[0]) * w);
                int y = (int) ((e[3] - pt[1]) / (e[3] - e[1]) * h);
                int a = atlas.getRGB(x, y) & 0xffffff;
                int g = geo.getRGB(x, y) & 0xffffff;
                colours.merge(a, 1, Integer::sum);
                if (close(a, g)) {
                    same++;
                } else {
                    differ.add(String.format("(%d,%d) atlas #%06x geoserver #%06x", x, y, a, g));
                }
            }
            System.out.println(year + ": " + same + " of " + points.size() + " interior points same colour; classes seen " + colours);
            assertThat(colours.size()).as("several classes drawn").isGreaterThanOrEqualTo(3);
            assertThat(differ).as("points whose colours differ in " + year).isEmpty();
        }
    }

    private static boolean close(int a, int b) {
        for (int s = 0; s <= 16; s += 8) {
            if (Math.abs(((a >> s) & 0xff) - ((b >> s) & 0xff)) > 2) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Order(4)
    void wfsValuesAreThePublicValuesAndInternalOnesStayInternal() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String q = "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + LAYER + "&OUTPUTFORMAT=application/json&CQL_FILTER="
                + URLEncoder.encode("period = '2012'", StandardCharsets.UTF_8);
        JsonNode pub = json.readTree(ows("atlas_koeln", q, null));
        Map<String, Double> expected = new HashMap<>();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select code, value from atlas_public.layer_value where territory = 'koeln' and indicator = 'anteil_unter_6' "
                    + "and level = 'stadtteil' and period = '2012'");
            while (rs.next()) {
                expected.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getDouble(2));
            }
        }
        assertThat(pub.get("features")).hasSize(expected.size());
        int suppressed = 0;
        for (JsonNode f : pub.get("features")) {
            JsonNode v = f.get("properties").get("value");
            Double want = expected.get(f.get("properties").get("code").asText());
            if (want == null) {
                assertThat(v == null || v.isNull()).isTrue();
                suppressed++;
            } else {
                assertThat(v.asDouble()).isEqualTo(want);
            }
        }
        System.out.println("WFS 2012: " + expected.size() + " features equal to atlas_public.layer_value (" + suppressed + " without public value)");
        // an internal indicator: not in the public workspace, readable by staff only
        String internal;
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select i.key from atlas.indicator i join atlas.territory t using (territory_id) where t.key = 'koeln' "
                    + "and i.visibility = 'internal' and exists (select 1 from atlas.indicator_value v where v.indicator_id = i.indicator_id) limit 1");
            rs.next();
            internal = "koeln." + rs.getString(1) + ".stadtteil";
        }
        assertThat(ows("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null)).doesNotContain(internal);
        String anon = ows(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null);
        assertThat(anon).contains("atlas_koeln:" + LAYER).doesNotContain("atlas_koeln_intern");
        String staff = ows(null, "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", staffAuth);
        assertThat(staff).contains("atlas_koeln_intern:" + internal);
        String wfsAnon = ows("atlas_koeln_intern", "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + internal + "&COUNT=1"
                + "&OUTPUTFORMAT=application/json", null);
        assertThat(wfsAnon).doesNotContain("\"features\":[{");
        JsonNode wfsStaff = json.readTree(ows("atlas_koeln_intern", "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + internal
                + "&COUNT=5&OUTPUTFORMAT=application/json", staffAuth));
        assertThat(wfsStaff.get("features")).isNotEmpty();
        String rules = gs.get("/rest/security/acl/layers.xml");
        assertThat(rules).contains("resource=\"atlas_koeln_intern.*.r\">ATLAS_KOELN_STAFF<", "resource=\"atlas_koeln.*.r\">*<");
    }

    @Test
    @Order(5)
    void legendCarriesTheGermanLabels() throws Exception {
        JsonNode legend = new ObjectMapper().readTree(ows("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + LAYER
                + "&FORMAT=application/json", null));
        List<String> titles = legend.findValuesAsText("title");
        System.out.println("legend: " + titles);
        LayerDef l = new LayerCatalog(TestAtlas.dataSource()).layers("koeln", Audience.PUBLIC).stream()
                .filter(x -> x.name().equals(LAYER)).findFirst().orElseThrow();
        assertThat(titles).contains("keine Angabe (x)", "nicht veröffentlicht (–)").containsAll(l.classification().labels());
        assertThat(String.join(" ", l.classification().labels())).contains(",");   // German decimals
        byte[] png = bytes("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + LAYER + "&FORMAT=image/png", null);
        assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
    }

    @Test
    @Order(6)
    void withdrawnIndicatorDisappearsAfterTheNextSync() throws Exception {
        Publication p = new Publication(TestAtlas.dataSource());
        List<String> levels = p.withdraw("koeln", "anteil_unter_6", null, "test");
        try {
            var r = sync.sync(gs, target, "koeln", false, false, "test", s -> { });
            System.out.println("after withdrawal: " + r.plan().steps());
            assertThat(r.plan().steps()).extracting(Plan.Step::toString).contains("- Featuretype atlas_koeln:" + LAYER + " (mit Ebene / with layer)");
            assertThat(ows("atlas_koeln", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", null)).doesNotContain("<Name>" + LAYER + "</Name>");
            assertThat(ows("atlas_koeln_intern", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", staffAuth)).contains("<Name>" + LAYER + "</Name>");
        } finally {
            p.publish("koeln", "anteil_unter_6", levels, "test");
        }
        var back = sync.sync(gs, target, "koeln", false, false, "test", s -> { });
        assertThat(back.plan().count(Plan.Action.CREATE)).isPositive();
        assertThat(sync.sync(gs, target, "koeln", true, false, "test", s -> { }).plan().steps()).isEmpty();
    }
}
