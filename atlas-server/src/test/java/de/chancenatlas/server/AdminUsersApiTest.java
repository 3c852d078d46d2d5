package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The API under the console's "Benutzer und Rechte", "Einstellungen" and "Neues Gebiet": who may do
 * what (403 for department editors and for users of other territories), field errors that change
 * nothing, the audit log's filters, tokens revoked by an administrator, logos checked as images.
 */
class AdminUsersApiTest extends ServerTest {

    private String territoryAdmin(String territory, String login) throws Exception {
        String auth = user(login, "Gebiets-Verwalt-2026");
        assertThat(postJson("/api/v1/territories/" + territory + "/grants", "{\"login\": \"" + login + "\", \"role\": \"admin\"}", ADMIN)
                .statusCode()).isEqualTo(201);
        return auth;
    }

    @Test
    void aTerritoryAdministratorManagesTheUsersOfTheirTerritoryOnly() throws Exception {
        String t = TestAtlas.territory("api-benutzer");
        String admin = territoryAdmin(t, "api-gebietsadmin");
        // a new user needs a role in the administrator's territory (otherwise it would be nobody's)
        HttpResponse<String> noRole = postJson("/api/v1/users", "{\"login\": \"api-ohne-rolle\"}", admin);
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(json(noRole).get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(TestAtlas.count("select count(*) from atlas.app_user where login = 'api-ohne-rolle'")).isZero();
        HttpResponse<String> created = postJson("/api/v1/users", "{\"login\": \"api-leserin\", \"display_name\": \"Frau Leser\", "
                + "\"grant\": {\"territory\": \"" + t + "\", \"role\": \"reader\"}}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("one_time_password").asText()).hasSizeGreaterThanOrEqualTo(16);
        // another territory's grant is not theirs to give
        assertThat(postJson("/api/v1/users", "{\"login\": \"api-fremd\", \"grant\": {\"territory\": \"koeln\", \"role\": \"reader\"}}", admin)
                .statusCode()).isEqualTo(403);
        assertThat(TestAtlas.count("select count(*) from atlas.app_user where login = 'api-fremd'")).isZero();
        HttpResponse<String> bad = postJson("/api/v1/users", "{\"login\": \"-x\", \"grant\": {\"territory\": \"" + t + "\", \"role\": \"reader\"}}", admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asText()).isEqualTo("login");

        JsonNode list = json(get("/api/v1/users?q=api-leser", "Authorization", admin));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("must_change_password").asBoolean()).isTrue();
        assertThat(list.get(0).has("last_login_at")).isTrue();
        assertThat(json(get("/api/v1/users", "Authorization", admin)).findValuesAsText("login")).doesNotContain("admin");

        HttpResponse<String> edited = send("PATCH", "/api/v1/users/api-leserin", "{\"display_name\": \"Frau Dr. Leser\", \"email\": \"leser@example.org\"}",
                "application/json", admin);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("display_name").asText()).isEqualTo("Frau Dr. Leser");
        HttpResponse<String> badMail = send("PATCH", "/api/v1/users/api-leserin", "{\"display_name\": \"X\", \"email\": \"kein-at\"}",
                "application/json", admin);
        assertThat(badMail.statusCode()).isEqualTo(400);
        assertThat(json(badMail).get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(json(get("/api/v1/users?q=api-leserin", "Authorization", admin)).get(0).get("display_name").asText())
                .as("nothing half-saved").isEqualTo("Frau Dr. Leser");
        // disabled accounts cannot log in; a territory administrator cannot disable a Köln user or themselves
        assertThat(send("PATCH", "/api/v1/users/api-gebietsadmin", "{\"disabled\": true}", "application/json", admin).statusCode()).isEqualTo(400);
        user("api-koelner", "Koelner-Kennwort-1");
        assertThat(send("PATCH", "/api/v1/users/api-koelner", "{\"disabled\": true}", "application/json", admin).statusCode()).isEqualTo(403);
        String worker = user("api-arbeit", "Arbeits-Kennwort-1");
        postJson("/api/v1/territories/" + t + "/grants", "{\"login\": \"api-arbeit\", \"role\": \"reader\"}", admin);
        assertThat(get("/api/v1/me", "Authorization", worker).statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/users/api-arbeit", "{\"disabled\": true}", "application/json", admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", worker).statusCode()).isEqualTo(401);
        assertThat(send("PATCH", "/api/v1/users/api-arbeit", "{\"disabled\": false}", "application/json", admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", worker).statusCode()).isEqualTo(200);
    }

    @Test
    void aDepartmentEditorIsRefusedUsersGrantsAuditAndSettings() throws Exception {
        String t = TestAtlas.territory("api-redaktion");
        postJson("/api/v1/territories/" + t + "/departments", "{\"key\": \"statistik\", \"name\": \"Statistikstelle\", \"indicators\": [\"quote\"]}", ADMIN);
        String editor = user("api-redakteur", "Redaktions-Kennwort-1");
        postJson("/api/v1/territories/" + t + "/grants", "{\"login\": \"api-redakteur\", \"role\": \"editor\", \"department\": \"statistik\"}", ADMIN);
        assertThat(get("/api/v1/users", "Authorization", editor).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/users", "{\"login\": \"api-durch-redakteur\", \"grant\": {\"territory\": \"" + t + "\", \"role\": \"admin\"}}",
                editor).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/territories/" + t + "/grants", "{\"login\": \"api-redakteur\", \"role\": \"admin\"}", editor).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/audit?territory=" + t, "Authorization", editor).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit", "Authorization", editor).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/territories/" + t + "/settings", "Authorization", editor).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/territories/" + t + "/settings", "{\"colour\": \"#000000\"}", "application/json", editor).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/audit").statusCode()).as("anonymous").isIn(401, 403);
        assertThat(send("DELETE", "/api/v1/territories/" + t + "/departments/statistik", null, null, editor).statusCode()).isEqualTo(403);
        // the department goes, and with it its editors' role; deleting it twice finds nothing
        HttpResponse<String> deleted = send("DELETE", "/api/v1/territories/" + t + "/departments/statistik", null, null, ADMIN);
        assertThat(json(deleted).get("editors").toString()).isEqualTo("[\"api-redakteur\"]");
        assertThat(json(get("/api/v1/me", "Authorization", editor)).get("grants").size()).isZero();
        assertThat(send("DELETE", "/api/v1/territories/" + t + "/departments/statistik", null, null, ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorRevokesAUsersTokenAndTheAuditLogNamesItAll() throws Exception {
        String t = TestAtlas.territory("api-protokoll");
        String admin = territoryAdmin(t, "api-protokoll-admin");
        String owner = user("api-skript", "Skript-Kennwort-2026");
        postJson("/api/v1/territories/" + t + "/grants", "{\"login\": \"api-skript\", \"role\": \"reader\"}", admin);
        String token = json(postJson("/api/v1/me/tokens", "{\"name\": \"nachtlauf\", \"valid_days\": 30}", owner)).get("token").asText();
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        JsonNode tokens = json(get("/api/v1/users/api-skript/tokens", "Authorization", admin));
        assertThat(tokens.get(0).get("name").asText()).isEqualTo("nachtlauf");
        assertThat(tokens.toString()).doesNotContain(token);
        int id = tokens.get(0).get("id").asInt();
        assertThat(send("DELETE", "/api/v1/users/api-skript/tokens/" + id, null, null, admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        // a Köln user's tokens are not this administrator's business
        user("api-koeln-skript", "Skript-Kennwort-2026");
        postJson("/api/v1/territories/koeln/grants", "{\"login\": \"api-koeln-skript\", \"role\": \"reader\"}", ADMIN);
        assertThat(get("/api/v1/users/api-koeln-skript/tokens", "Authorization", admin).statusCode()).isEqualTo(403);

        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonNode log = json(get("/api/v1/audit?territory=" + t + "&user=api-skript&from=" + today + "&to=" + today, "Authorization", admin));
        assertThat(log.get("entries").findValuesAsText("action")).contains("grant", "revoke_token", "create_token");
        assertThat(log.get("entries").findValuesAsText("actor")).contains("api-protokoll-admin");
        // the Köln grant of another user is not in this territory's log
        JsonNode other = json(get("/api/v1/audit?territory=" + t + "&user=api-koeln-skript", "Authorization", admin));
        assertThat(other.get("total").asInt()).isZero();
        JsonNode paged = json(get("/api/v1/audit?territory=" + t + "&size=1&page=2", "Authorization", admin));
        assertThat(paged.get("entries").size()).isEqualTo(1);
        assertThat(paged.get("total").asInt()).isGreaterThan(2);
        HttpResponse<String> badDate = get("/api/v1/audit?territory=" + t + "&from=" + URLEncoder.encode("31.12.", StandardCharsets.UTF_8),
                "Authorization", admin);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(get("/api/v1/audit?territory=koeln", "Authorization", admin).statusCode()).isEqualTo(403);
    }

    @Test
    void settingsAreCheckedFieldByFieldAndChangeNothingWhenRefused() throws Exception {
        String t = TestAtlas.territory("api-einstellungen");
        String before = string("select settings::text from atlas.territory where key = '" + t + "'");
        HttpResponse<String> bad = send("PUT", "/api/v1/territories/" + t + "/settings",
                "{\"report_name\": \"Stadt Test\", \"colour\": \"rot\", \"population_indicator\": \"quote\", \"min_published\": 0, \"farbe\": 1}",
                "application/json", ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("colour", "population_indicator", "min_published", "farbe");
        assertThat(string("select settings::text from atlas.territory where key = '" + t + "'")).isEqualTo(before);
        HttpResponse<String> ok = send("PUT", "/api/v1/territories/" + t + "/settings",
                "{\"report_name\": \"Stadt Test · Sozialplanung\", \"colour\": \"#A6192E\", \"population_indicator\": \"anzahl\", \"min_published\": 2}",
                "application/json", ADMIN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode s = json(get("/api/v1/territories/" + t + "/settings", "Authorization", ADMIN));
        assertThat(s.get("report_name").asText()).isEqualTo("Stadt Test · Sozialplanung");
        assertThat(s.get("colour").asText()).isEqualTo("#a6192e");
        assertThat(s.get("population_indicator").asText()).isEqualTo("anzahl");
        assertThat(s.get("min_published").asInt()).isEqualTo(2);
        // an empty text goes back to the default
        send("PUT", "/api/v1/territories/" + t + "/settings", "{\"colour\": \"\"}", "application/json", ADMIN);
        assertThat(json(get("/api/v1/territories/" + t + "/settings", "Authorization", ADMIN)).get("colour").isNull()).isTrue();
    }

    @Test
    void aLogoMustBeAnImageAndIsServedToItsReaders() throws Exception {
        String t = TestAtlas.territory("api-logo");
        HttpResponse<String> text = upload("/api/v1/territories/" + t + "/logo", "logo.png", "kein Bild".getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(json(text).get("errors").get(0).get("field").asText()).isEqualTo("logo");
        String script = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
        assertThat(upload("/api/v1/territories/" + t + "/logo", "logo.svg", script.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(400);
        String external = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
                + "<image xlink:href=\"http://example.org/x.png\" width=\"10\" height=\"10\"/></svg>";
        assertThat(upload("/api/v1/territories/" + t + "/logo", "logo.svg", external.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(400);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>";
        assertThat(upload("/api/v1/territories/" + t + "/logo", "logo.svg", xxe.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(400);
        assertThat(upload("/api/v1/territories/" + t + "/logo", "gross.png", new byte[600 * 1024], ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/territories/" + t + "/logo").statusCode()).isEqualTo(404);

        BufferedImage img = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x12, 0x34, 0x56));
        g.fillRect(0, 0, 60, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        HttpResponse<String> ok = upload("/api/v1/territories/" + t + "/logo", "wappen.png", png.toByteArray(), ADMIN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String url = json(ok).get("logo").get("url").asText();
        HttpResponse<byte[]> served = bytes("GET", url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(served.body())).getRGB(5, 5) & 0xffffff).isEqualTo(0x123456);
        assertThat(string("select settings #>> '{report,logo}' from atlas.territory where key = '" + t + "'")).startsWith("upload:");

        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#123456\"/></svg>";
        assertThat(upload("/api/v1/territories/" + t + "/logo", "wappen.svg", svg.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> drawn = bytes("GET", "/api/v1/territories/" + t + "/logo");
        assertThat(drawn.headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(drawn.headers().allValues("Content-Security-Policy").toString()).contains("default-src 'none'");
        assertThat(send("DELETE", "/api/v1/territories/" + t + "/logo", null, null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/territories/" + t + "/logo").statusCode()).isEqualTo(404);
    }

    @Test
    void aGlobalAdministratorCreatesATerritoryWithItsLevelChain() throws Exception {
        String body = "{\"key\": \"api-neu-sachsen\", \"name\": \"Landkreis Test (Sachsen)\", \"kind\": \"kreis\", \"srid\": \"EPSG:25833\", "
                + "\"levels\": [{\"key\": \"gemeinde\", \"name\": \"Gemeinde\", \"parent\": \"kreis\"}, {\"key\": \"kreis\", \"name\": \"Kreis\"}]}";
        String territoryAdmin = territoryAdmin(TestAtlas.territory("api-neu-nicht"), "api-neu-nicht-admin");
        assertThat(postJson("/api/v1/territories", body, territoryAdmin).statusCode()).isEqualTo(403);
        HttpResponse<String> created = postJson("/api/v1/territories", body, ADMIN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode levels = json(get("/api/v1/territories/api-neu-sachsen/levels", "Authorization", ADMIN));
        assertThat(levels.findValuesAsText("key")).containsExactly("kreis", "gemeinde");
        assertThat(TestAtlas.count("select srid from atlas.territory where key = 'api-neu-sachsen'")).isEqualTo(25833);
        assertThat(postJson("/api/v1/territories", body, ADMIN).statusCode()).as("exists").isEqualTo(400);

        HttpResponse<String> bad = postJson("/api/v1/territories", "{\"key\": \"api-neu-falsch\", \"name\": \"X\", \"kind\": \"kreis\", \"srid\": 4326, "
                + "\"levels\": [{\"key\": \"a\", \"name\": \"A\"}, {\"key\": \"b\", \"name\": \"B\", \"parent\": \"z\"}]}", ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field")).contains("srid", "levels[1].parent");
        assertThat(TestAtlas.count("select count(*) from atlas.territory where key = 'api-neu-falsch'")).isZero();
        HttpResponse<String> twoRoots = postJson("/api/v1/territories", "{\"key\": \"api-neu-falsch\", \"name\": \"X\", \"kind\": \"kreis\", \"srid\": 25832, "
                + "\"levels\": [{\"key\": \"a\", \"name\": \"A\"}, {\"key\": \"b\", \"name\": \"B\"}]}", ADMIN);
        assertThat(json(twoRoots).get("errors").findValuesAsText("field")).contains("levels[1].parent");
    }

    @Test
    void aSignedInBrowserSessionFollowsItsAccountDisabledAndNewGrants() throws Exception {
        String t = TestAtlas.territory("api-sitzung");
        user("api-sitzung", "Sitzungs-Kennwort-1");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        JsonNode csrf = JSON.readTree(browser.send(HttpRequest.newBuilder(uri("/api/v1/session?csrf=1")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("csrf");
        String form = "username=api-sitzung&password=Sitzungs-Kennwort-1&" + csrf.get("parameter").asText() + "="
                + URLEncoder.encode(csrf.get("token").asText(), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        var me = HttpRequest.newBuilder(uri("/api/v1/me")).header("Accept", "application/json").build();
        HttpResponse<String> before = browser.send(me, HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(json(before).get("grants").size()).isZero();
        // a role granted while signed in applies without a new login
        postJson("/api/v1/territories/" + t + "/grants", "{\"login\": \"api-sitzung\", \"role\": \"reader\"}", ADMIN);
        assertThat(json(browser.send(me, HttpResponse.BodyHandlers.ofString())).get("grants").get(0).get("territory").asText()).isEqualTo(t);
        // a disabled account loses its session
        assertThat(send("PATCH", "/api/v1/users/api-sitzung", "{\"disabled\": true}", "application/json", ADMIN).statusCode()).isEqualTo(200);
        assertThat(browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403);
    }

    private static String string(String sql) throws Exception {
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery(sql);
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
