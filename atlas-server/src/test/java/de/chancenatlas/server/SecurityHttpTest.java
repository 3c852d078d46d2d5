package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Principals and rights over HTTP: staff logins, one-time passwords, lockout, tokens, department
 * editors, publication, and per-layer security on every OGC request type (a layer one may not read
 * does not exist: absent from capabilities, named as undefined when asked for).
 */
class SecurityHttpTest extends ServerTest {
    private static final String INTERNAL_LAYER = "koeln.anteil_migrationshintergrund.stadtteil";

    private String reader() throws Exception {
        String auth = user("leserin", "Lesen-im-Jugendamt");
        postJson("/api/v1/territories/koeln/grants", "{\"login\": \"leserin\", \"role\": \"reader\"}", ADMIN);
        return auth;
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        JsonNode created = json(postJson("/api/v1/users", "{\"login\": \"neuling\", \"display_name\": \"Herr Neu\"}", ADMIN));
        String oneTime = created.get("one_time_password").asText();
        String auth = basic("neuling", oneTime);
        HttpResponse<String> blocked = get("/api/v1/territories/koeln/indicators", "Authorization", auth);
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).contains("Einmal-Passwort");
        assertThat(json(get("/api/v1/me", "Authorization", auth)).get("must_change_password").asBoolean()).isTrue();
        HttpResponse<String> changed = postJson("/api/v1/me/password",
                "{\"old_password\": \"" + oneTime + "\", \"new_password\": \"Sozialbericht-2026\"}", auth);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", auth).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/territories/koeln/indicators", "Authorization", basic("neuling", "Sozialbericht-2026")).statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/users", "{\"login\": \"x\"}", basic("neuling", "Sozialbericht-2026")).statusCode())
                .as("no grants, no administration").isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String right = user("vergesslich", "Das-richtige-Passwort");
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/v1/me", "Authorization", basic("vergesslich", "falsch-" + i)).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/v1/me", "Authorization", right).statusCode()).isEqualTo(401);
        assertThat(postJson("/api/v1/users/vergesslich/unlock", null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", right).statusCode()).isEqualTo(200);
    }

    @Test
    void apiTokensStandForTheirUserUntilRevoked() throws Exception {
        String auth = user("skript", "Import-jede-Nacht");
        JsonNode created = json(postJson("/api/v1/me/tokens", "{\"name\": \"nightly\", \"valid_days\": 30}", auth));
        String bearer = "Bearer " + created.get("token").asText();
        assertThat(json(get("/api/v1/me", "Authorization", bearer)).get("login").asText()).isEqualTo("skript");
        int id = json(get("/api/v1/me/tokens", "Authorization", auth)).get(0).get("id").asInt();
        assertThat(send("DELETE", "/api/v1/me/tokens/" + id, null, null, auth).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", bearer).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "Authorization", "Bearer cna_erfunden").statusCode()).isEqualTo(401);
    }

    @Test
    void aKreisDuerenDepartmentEditorImportsOnlyTheirIndicators() throws Exception {
        assertThat(postJson("/api/v1/territories/kreis-dueren/departments",
                "{\"key\": \"statistik\", \"name\": \"Statistikstelle\", \"indicators\": [\"einwohner\"]}", ADMIN).statusCode()).isEqualTo(201);
        String editor = user("statistik-dn", "Zensus-Zahlen-2022");
        assertThat(postJson("/api/v1/territories/kreis-dueren/grants",
                "{\"login\": \"statistik-dn\", \"role\": \"editor\", \"department\": \"statistik\"}", ADMIN).statusCode()).isEqualTo(201);
        String path = "/api/v1/territories/kreis-dueren/imports/values";

        HttpResponse<String> foreign = upload(path, "dichte.csv",
                "gebiet;indikator;jahr;zaehler;nenner\n05358004;bevoelkerungsdichte;2023;14000;43,317\n".getBytes(StandardCharsets.UTF_8), editor);
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("Keine Schreibrechte").contains("bevoelkerungsdichte").contains("\"line\":2");
        long before = TestAtlas.count("select count(*) from atlas.indicator_value");

        HttpResponse<String> own = upload(path, "einwohner.csv",
                "gebiet;indikator;jahr;wert\n05358004;einwohner;2023;14012\n".getBytes(StandardCharsets.UTF_8), editor);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value")).isEqualTo(before + 1);

        assertThat(upload("/api/v1/territories/koeln/imports/values", "k.csv",
                "gebiet;indikator;jahr;wert\n101;einwohner;2023;1\n".getBytes(StandardCharsets.UTF_8), editor).statusCode())
                .as("no rights in Köln").isEqualTo(403);
        assertThat(upload("/api/v1/territories/kreis-dueren/imports/boundaries?level=kommune&code_field=ags", "g.geojson",
                "{}".getBytes(StandardCharsets.UTF_8), editor).statusCode()).as("boundaries are the administrators'").isEqualTo(403);
        assertThat(postJson("/api/v1/territories/kreis-dueren/indicators/einwohner/publication", "{}", editor).statusCode()).isEqualTo(403);
    }

    @Test
    void anInternalLayerDoesNotExistForTheAnonymousOnAnyOgcRequest() throws Exception {
        String anon = null;
        String[] wmsRequests = {
            "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + INTERNAL_LAYER + "&STYLES=&CRS=EPSG:25832&BBOX=340000,5630000,370000,5660000"
                    + "&WIDTH=64&HEIGHT=64&FORMAT=image/png",
            "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + INTERNAL_LAYER + "&QUERY_LAYERS=" + INTERNAL_LAYER
                    + "&STYLES=&CRS=EPSG:25832&BBOX=340000,5630000,370000,5660000&WIDTH=64&HEIGHT=64&I=32&J=32&INFO_FORMAT=text/plain",
            "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + INTERNAL_LAYER + "&FORMAT=image/png&SLD_VERSION=1.1.0"};
        String[] wfsRequests = {
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=atlas:" + INTERNAL_LAYER,
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + INTERNAL_LAYER + "&COUNT=1",
            "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=atlas:" + INTERNAL_LAYER + "&MAXFEATURES=1",
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=atlas:" + INTERNAL_LAYER + "&VALUEREFERENCE=wert"};
        // a feature id of a layer one cannot see is an unknown id: not found, or an unknown type for MapServer
        String feature = INTERNAL_LAYER + "." + TestAtlas.count("select min(u.unit_id) * 100000000 + 20121231 from atlas.spatial_unit u "
                + "join atlas.unit_level l using (level_id) where l.key = 'stadtteil' and u.territory_id = "
                + "(select territory_id from atlas.territory where key = 'koeln')");
        String[] idRequests = {
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=" + feature,
            "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=" + feature};
        for (String q : idRequests) {
            String staff = get("/koeln/ows?" + q, "Authorization", ADMIN).body();
            assertThat(staff).as("staff get the feature: " + q).contains("gml:id=\"" + feature + "\"").doesNotContain("ExceptionReport");
        }
        for (String endpoint : List.of("/ows?", "/koeln/ows?")) {
            for (String q : wmsRequests) {
                HttpResponse<String> r = get(endpoint + q);
                assertThat(r.body()).as(q).contains("ServiceExceptionReport").contains("LayerNotDefined").doesNotContain("Migrationshintergrund");
            }
            for (String q : wfsRequests) {
                HttpResponse<String> r = get(endpoint + q);
                assertThat(r.body()).as(q).contains("ExceptionReport").contains("InvalidParameterValue").doesNotContain("Migrationshintergrund");
            }
            for (String q : idRequests) {
                String body = get(endpoint + q).body();
                assertThat(body).as(q).doesNotContain("gml:id=\"" + feature + "\"").doesNotContain("<atlas:wert>")
                        .containsAnyOf("NotFound", "numberReturned=\"0\"", "InvalidParameterValue");
            }
            assertThat(get(endpoint + "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body()).doesNotContain(INTERNAL_LAYER);
            assertThat(get(endpoint + "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities").body()).doesNotContain(INTERNAL_LAYER);
        }
        // an XML request names its type inside the body; the anonymous map does not even hold the layer
        HttpResponse<String> post = send("POST", "/ows", "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:atlas=\"https://chancenatlas.de/atlas\"><wfs:Query typeNames=\"atlas:" + INTERNAL_LAYER + "\"/></wfs:GetFeature>",
                "text/xml", anon);
        assertThat(post.body()).contains("ExceptionReport").doesNotContain("<atlas:wert>");
        assertThat(get("/api/v1/territories/koeln/indicators/anteil_migrationshintergrund").statusCode()).isEqualTo(404);
    }

    @Test
    void basicCredentialsOnTheSameEndpointShowAReaderTheInternalLayers() throws Exception {
        String reader = reader();
        assertThat(get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities", "Authorization", reader).body()).contains(INTERNAL_LAYER);
        assertThat(get("/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities", "Authorization", reader).body()).contains(INTERNAL_LAYER);
        HttpResponse<byte[]> map = bytes("GET", "/koeln/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + INTERNAL_LAYER
                + "&STYLES=&CRS=EPSG:25832&BBOX=340000,5630000,370000,5660000&WIDTH=128&HEIGHT=128&FORMAT=image/png", "Authorization", reader);
        assertThat(map.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(map.body())).getWidth()).isEqualTo(128);
        HttpResponse<String> features = get("/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + INTERNAL_LAYER
                + "&OUTPUTFORMAT=geojson&COUNT=5", "Authorization", reader);
        assertThat(json(features).get("features").size()).isEqualTo(5);
        assertThat(get("/api/v1/territories/koeln/indicators/anteil_migrationshintergrund", "Authorization", reader).statusCode()).isEqualTo(200);
        // a reader of Köln reads Kreis Düren like everyone else
        assertThat(get("/api/v1/territories/kreis-dueren/batches", "Authorization", reader).statusCode()).isEqualTo(403);
    }

    @Test
    void aTerritoryBelowTheKeckMinimumSaysItsPublicAreaIsNotOpenYetUntilEnoughIsPublished() throws Exception {
        String t = TestAtlas.territory("keck-http");
        assertThat(send("PUT", "/api/v1/territories/" + t + "/settings", "{\"min_published\": 2}", "application/json", ADMIN).statusCode())
                .isEqualTo(200);
        HttpResponse<String> api = get("/api/v1/territories/" + t + "/indicators");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("noch nicht freigeschaltet").contains("1 von mindestens 2");
        assertThat(get("/" + t + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities").body())
                .contains("ServiceExceptionReport").contains("noch nicht freigeschaltet");
        assertThat(get("/api/v1/territories/" + t + "/indicators", "Authorization", ADMIN).statusCode()).as("staff see it").isEqualTo(200);

        HttpResponse<String> published = postJson("/api/v1/territories/" + t + "/indicators/index/publication",
                "{\"levels\": [\"bezirk\"]}", ADMIN);
        assertThat(json(published).get("publication").get("live").asBoolean()).isTrue();
        assertThat(json(get("/api/v1/territories/" + t + "/indicators/index")).get("published_levels").toString()).isEqualTo("[\"bezirk\"]");
        assertThat(TestAtlas.count("select count(*) from atlas.audit_log where action = 'publish' and actor = 'admin' "
                + "and details ->> 'indicator' = 'index' and territory_id = (select territory_id from atlas.territory where key = ?)", t))
                .as("logged once in this territory (other tests publish their own 'index')").isEqualTo(1);
        assertThat(send("DELETE", "/api/v1/territories/" + t + "/indicators/index/publication", null, null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/territories/" + t + "/indicators").statusCode()).isEqualTo(404);
    }

    @Test
    void suppressedValuesStayWithheldInWfsFeatureInfoAndCsvWhileStaffSeeThem() throws Exception {
        String t = TestAtlas.territory("sdc-http");
        // 03 and 04 with denominators large enough to be published (as whole percent, sql/V8); 01 is below the
        // threshold, 02 withheld with it (its 89 inhabitants would give its count away, too)
        upload("/api/v1/territories/" + t + "/imports/values", "w.csv", ("gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;1;97\n"
                + "02;quote;2020;13;89\n03;quote;2020;22;1000\n04;quote;2020;30;1000\n").getBytes(StandardCharsets.UTF_8), ADMIN);
        String wfs = "/" + t + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + t + ".quote.bezirk&OUTPUTFORMAT=geojson";
        JsonNode pub = json(get(wfs));
        assertThat(pub.get("features").size()).isEqualTo(4);
        for (JsonNode f : pub.get("features")) {
            JsonNode p = f.get("properties");
            boolean withheld = List.of("01", "02").contains(p.get("code").asText());
            assertThat(p.get("status").asText()).isEqualTo(withheld ? "suppressed" : "ok");
            if (withheld) {
                assertThat(p.get("wert").asText()).isEqualTo("–");
                assertThat(p.get("value") == null || p.get("value").isNull() || p.get("value").asText().isEmpty()).isTrue();
            }
        }
        assertThat(pub.toString()).doesNotContain("\"1,0\"").doesNotContain("\"14,6\"");
        String info = get("/" + t + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + t + ".quote.bezirk&QUERY_LAYERS="
                + t + ".quote.bezirk&STYLES=&CRS=EPSG:25832&BBOX=350000,5640000,352000,5641000&WIDTH=200&HEIGHT=100&I=50&J=50"
                + "&INFO_FORMAT=text/plain&TIME=2020").body();
        assertThat(info).contains("Bezirk 1").contains("–").doesNotContain("'1,0'");
        String csv = get("/api/v1/territories/" + t + "/indicators/quote/values?period=2020", "Accept", "text/csv").body();
        assertThat(csv).contains("01;Bezirk 1;quote;2020;–;;;suppressed", "02;Bezirk 2;quote;2020;–;;;suppressed")
                .doesNotContain(";1,0;").doesNotContain(";14,6;");

        JsonNode staff = json(get(wfs, "Authorization", ADMIN));
        assertThat(staff.toString()).contains("\"1,0\"").contains("\"14,6\"");
    }
}
