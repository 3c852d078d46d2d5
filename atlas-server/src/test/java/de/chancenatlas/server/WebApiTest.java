package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the web atlas reads beyond the plain values (rank, change, classes with counts, territory value,
 * area profile with Einordnung), and the web pages' own security (CSP, CSRF, session endpoint).
 */
class WebApiTest extends ServerTest {
    private static final String T = "/api/v1/territories/koeln";

    @Test
    void theIndicatorTableRanksChangesAndClassesTheValuesOfTheApi() throws Exception {
        JsonNode table = json(get(T + "/indicators/anteil_unter_6/table?level=stadtteil&period=2012"));
        JsonNode values = json(get(T + "/indicators/anteil_unter_6/values?level=stadtteil&period=2012"));
        JsonNode before = json(get(T + "/indicators/anteil_unter_6/values?level=stadtteil&period=2011"));
        assertThat(table.get("period").asInt()).isEqualTo(2012);
        assertThat(table.get("previous_period").asInt()).isEqualTo(2011);
        JsonNode rows = table.get("rows");
        assertThat(rows).hasSize(86);
        Map<String, JsonNode> byCode = new HashMap<>();
        values.forEach(v -> byCode.put(v.get("unit_code").asText(), v));
        Map<String, String> bezirke = new HashMap<>();
        json(get(T + "/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012")).forEach(v -> bezirke.put(v.get("unit_code").asText(), v.get("formatted").asText()));
        Map<String, BigDecimal> previous = new HashMap<>();
        before.forEach(v -> previous.put(v.get("unit_code").asText(), v.get("value").isNull() ? null : v.get("value").decimalValue()));
        long classed = 0;
        long withheld = 0;
        for (JsonNode r : rows) {
            String code = r.get("unit_code").asText();
            assertThat(r.get("formatted").asText()).isEqualTo(byCode.get(code).get("formatted").asText());
            assertThat(r.get("parent_name").asText()).isNotBlank();
            assertThat(r.get("parent_formatted").asText()).isEqualTo(bezirke.get(r.get("parent_code").asText()));
            classed++;
            if (r.get("value").isNull()) {
                // withheld by disclosure control: no rank, no change, the map's "not published" class
                withheld++;
                assertThat(r.get("rank").isNull() && r.get("change").isNull()).as(code).isTrue();
                assertThat(r.get("klasse").asInt()).as(code).isIn(-1, 0);
                continue;
            }
            BigDecimal v = r.get("value").decimalValue();
            if (previous.get(code) != null) {
                assertThat(r.get("change").decimalValue()).as(code).isEqualByComparingTo(v.subtract(previous.get(code)));
                assertThat(r.get("change_formatted").asText()).matches("[+−]?\\d+(,\\d+)?");
            } else {
                assertThat(r.get("change").isNull()).as(code).isTrue();
            }
            // a unit's rank is one more than the number of units with a higher value
            long higher = 0;
            for (JsonNode o : rows) {
                higher += !o.get("value").isNull() && o.get("value").decimalValue().compareTo(v) > 0 ? 1 : 0;
            }
            assertThat(r.get("rank").asLong()).as(code).isEqualTo(higher + 1);
            assertThat(r.get("klasse").asInt()).isBetween(1, 5);
        }
        assertThat(withheld).as("most Stadtteile have a published value").isLessThan(43);
        long counted = 0;
        for (JsonNode c : table.get("classes")) {
            counted += c.get("count").asLong();
        }
        assertThat(counted).isEqualTo(classed);
        assertThat(table.get("classes").findValuesAsText("label")).contains("keine Daten", "aus Datenschutzgründen nicht veröffentlicht");
        JsonNode city = json(get(T + "/indicators/anteil_unter_6/values?level=stadt&period=2012")).get(0);
        assertThat(table.get("territory").get("formatted").asText()).isEqualTo(city.get("formatted").asText());
        // the first period has no change
        JsonNode first = json(get(T + "/indicators/anteil_unter_6/table?level=stadtbezirk&period=2005"));
        assertThat(first.get("previous_period").isNull()).isTrue();
        assertThat(first.get("rows").get(0).get("change").isNull()).isTrue();
    }

    @Test
    void theTableSharesTheMapsClassesAndHidesInternalIndicators() throws Exception {
        JsonNode table = json(get(T + "/indicators/anteil_unter_6/table?level=stadtteil&period=2012"));
        String xml = get(T + "/indicators/anteil_unter_6/sld?level=stadtteil").body();
        for (JsonNode c : table.get("classes")) {
            if (c.get("klasse").asInt() > 0) {
                assertThat(xml).as("the SLD of the map's default style has the colour").containsIgnoringCase(c.get("colour").asText());
            }
        }
        assertThat(get(T + "/indicators/anteil_migrationshintergrund/table?level=stadtteil").statusCode()).isEqualTo(404);
        assertThat(get(T + "/indicators/anteil_migrationshintergrund/table?level=stadtteil", "Authorization", ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> r = get(T + "/indicators/anteil_unter_6/table?level=stadtteil&period=1999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("title").asText()).contains("2012");
        assertThat(get(T + "/indicators/anteil_unter_6/table?level=atlantis").statusCode()).isEqualTo(404);
        assertThat(get(T + "/indicators/anteil_unter_6/table").statusCode()).isEqualTo(400);
        assertThat(get(T + "/indicators/anteil_unter_6/table?level=stadtteil&period=x").statusCode()).isEqualTo(400);
    }

    @Test
    void anAreaProfileHasEveryIndicatorAgainstParentAndTerritoryWithItsEinordnung() throws Exception {
        JsonNode p = json(get(T + "/units/101/profile"));
        assertThat(p.get("unit").get("name").asText()).isEqualTo("Altstadt/Süd");
        assertThat(p.get("parent").get("code").asText()).isEqualTo("001");
        assertThat(p.get("total").get("code").asText()).isEqualTo("000");
        int indicators = 0;
        for (JsonNode th : p.get("themes")) {
            for (JsonNode e : th.get("indicators")) {
                indicators++;
                assertThat(e.get("title").asText()).doesNotContain("Migrationshintergrund");
                assertThat(e.get("series")).isNotEmpty();
                if (e.get("einordnung").isNull()) {
                    continue;
                }
                double rel = e.get("relative_deviation").asDouble();
                String pos = e.get("einordnung").get("position").asText();
                String expected = Math.abs(rel) <= 0.10 ? "im_mittel" : rel > 0.20 ? "deutlich_ueber" : rel > 0 ? "ueber"
                        : rel < -0.20 ? "deutlich_unter" : "unter";
                assertThat(pos).as(e.get("indicator").asText()).isEqualTo(expected);
                JsonNode api = json(get(T + "/indicators/" + e.get("indicator").asText() + "/values?level=stadtteil&period=" + e.get("period").asText()));
                for (JsonNode v : api) {
                    if (v.get("unit_code").asText().equals("101")) {
                        assertThat(e.get("formatted").asText()).isEqualTo(v.get("formatted").asText());
                    }
                }
            }
        }
        assertThat(indicators).isEqualTo(json(get(T + "/indicators")).size());
        JsonNode staff = json(get(T + "/units/101/profile", "Authorization", ADMIN));
        assertThat(staff.toString()).contains("Migrationshintergrund");
        assertThat(get(T + "/units/nirgendwo/profile").statusCode()).isEqualTo(404);
        assertThat(get(T + "/units/101/profile?threshold=7").statusCode()).isEqualTo(400);
    }

    @Test
    void valuesOfAFewUnitsMakeATimeSeries() throws Exception {
        JsonNode v = json(get(T + "/indicators/anteil_unter_6/values?units=101,001,000"));
        assertThat(v.findValuesAsText("unit_code")).containsOnly("101", "001", "000");
        assertThat(v).hasSize(3 * 8);
        assertThat(get(T + "/indicators/anteil_unter_6/values?units=101&period=2012").statusCode()).isEqualTo(400);
        assertThat(get(T + "/indicators/anteil_unter_6/values?units=,").statusCode()).isEqualTo(400);
        HttpResponse<String> csv = get(T + "/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012&format=csv");
        assertThat(csv.body()).isEqualTo(get(T + "/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012", "Accept", "text/csv").body());
    }

    @Test
    void pagesArePermalinksWithACspAndTheLoginNeedsItsCsrfToken() throws Exception {
        HttpResponse<String> page = get("/koeln/indikator/anteil_unter_6?ebene=stadtteil&zeitraum=2012");
        assertThat(page.statusCode()).isIn(200, 503);   // 503 says the web atlas is not built (plain mvn without the launcher)
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        HttpResponse<String> reading = get("/api/v1/session");
        assertThat(json(reading).get("authenticated").asBoolean()).isFalse();
        assertThat(json(reading).has("csrf")).as("reading starts no session").isFalse();
        assertThat(reading.headers().firstValue("Set-Cookie")).isEmpty();
        JsonNode session = json(get("/api/v1/session?csrf=1"));
        assertThat(session.get("csrf").get("token").asText()).isNotBlank();
        assertThat(send("POST", "/login", "username=admin&password=test-secret", "application/x-www-form-urlencoded", null).statusCode())
                .as("a login without the form's CSRF token").isEqualTo(403);
        JsonNode staff = json(get("/api/v1/session", "Authorization", ADMIN));
        assertThat(staff.get("authenticated").asBoolean()).isTrue();
        assertThat(staff.get("login").asText()).isEqualTo("admin");
        assertThat(staff.get("global_admin").asBoolean()).as("the admin console's sections follow the grants").isTrue();
        assertThat(staff.get("grants").isArray()).isTrue();
        JsonNode levels = json(get(T + "/levels"));
        assertThat(levels.get(2).get("extent").get(0).asDouble()).isBetween(6.7, 7.2);   // Köln's west edge, longitude
        assertThat(levels.get(2).get("extent").get(1).asDouble()).isBetween(50.8, 51.0);
    }
}
