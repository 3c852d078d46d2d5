package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The period contract of the read API over HTTP: every value and period carries its key, Stichtag
 * and German label; period= reads every form; a level without values says why; publishing warns;
 * a year keeps working as before; the OpenAPI document describes it.
 */
class PeriodsHttpTest extends ServerTest {
    private static final String T = "http-zeitraum";
    private static boolean loaded;

    @BeforeAll
    static void territory() {
        TestAtlas.territory(T);
    }

    private synchronized void load() throws Exception {
        if (loaded) {
            return;
        }
        String yaml = """
                indicators:
                  - {key: quote, theme: test, title: Quote, definition: d, unit_label: '%', scale_factor: 100, decimals: 1, kind: ratio,
                     numerator_label: Z, denominator_label: N, source: Test, visibility: public, periodicity: halbjahr,
                     counts_public: true}
                  - {key: einwohner, theme: test, title: Einwohner, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test}
                  - {key: landesquote, theme: test, title: Landesquote, definition: d, unit_label: '%', decimals: 1, kind: value, source: Land,
                     aggregation: weighted_mean, weight_indicator: einwohner}
                  - {key: index, theme: test, title: Index, definition: d, unit_label: Punkte, decimals: 2, kind: value, source: Test}
                """;
        assertThat(upload("/api/v1/territories/" + T + "/imports/catalogue", "k.yaml", yaml.getBytes(StandardCharsets.UTF_8), ADMIN)
                .statusCode()).isIn(200, 201);
        String csv = """
                Gebiet;Indikator;Zeitraum;Zähler;Nenner;Wert
                01;quote;1. Hj. 2015;10;100;
                02;quote;2015-H1;20;100;
                03;quote;30.06.2015;30;100;
                04;quote;2015-06-30;40;100;
                01;quote;2. Hj. 2015;40;100;
                02;quote;12/2015;30;100;
                03;quote;31.12.2015;20;100;
                04;quote;2015-H2;10;100;
                01;einwohner;2015;;;1000
                02;einwohner;2015;;;3000
                01;landesquote;31.12.2015;;;10
                02;landesquote;2015;;;20
                01;index;2015;;;1
                """;
        HttpResponse<String> r = upload("/api/v1/territories/" + T + "/imports/values", "werte.csv", csv.getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        loaded = true;
    }

    private JsonNode values(String query) throws Exception {
        HttpResponse<String> r = get("/api/v1/territories/" + T + "/indicators/quote/values?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Test
    void valuesAndPeriodsCarryKeyStichtagAndGermanLabel() throws Exception {
        load();
        JsonNode ind = json(get("/api/v1/territories/" + T + "/indicators/quote"));
        assertThat(ind.get("periodicity").asText()).isEqualTo("half_year");
        assertThat(ind.get("periods")).hasSize(2);
        assertThat(ind.get("periods").get(0).get("period").asText()).isEqualTo("2015-H1");
        assertThat(ind.get("periods").get(0).get("stichtag").asText()).isEqualTo("2015-06-30");
        assertThat(ind.get("periods").get(0).get("period_label").asText()).isEqualTo("1. Halbjahr 2015");
        assertThat(ind.get("periods").get(1).get("period_label").asText()).isEqualTo("2. Halbjahr 2015");

        // every form of the first half-year asks for the same values
        String expected = null;
        for (String form : new String[] {"2015-H1", "2015-06-30", "30.06.2015", "1. Hj. 2015", "1. Halbjahr 2015", "06/2015"}) {
            JsonNode v = values("level=gesamt&period=" + URLEncoder.encode(form, StandardCharsets.UTF_8));
            assertThat(v).as(form).hasSize(1);
            assertThat(v.get(0).get("period").asText()).isEqualTo("2015-H1");
            assertThat(v.get(0).get("stichtag").asText()).isEqualTo("2015-06-30");
            assertThat(v.get(0).get("period_label").asText()).isEqualTo("1. Halbjahr 2015");
            assertThat(v.get(0).get("formatted").asText()).isEqualTo("25,0");
            expected = expected == null ? v.toString() : expected;
            assertThat(v.toString()).isEqualTo(expected);
        }
        // a year of half-year data is its latest half-year; all periods come in Stichtag order
        assertThat(values("level=gesamt&period=2015").get(0).get("period").asText()).isEqualTo("2015-H2");
        assertThat(values("level=gesamt").findValuesAsText("period")).containsExactly("2015-H1", "2015-H2");

        HttpResponse<String> bad = get("/api/v1/territories/" + T + "/indicators/quote/values?period=2015-Q3");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("title").asText()).contains("2015-Q3").contains("2015-H1").doesNotContain("Exception");

        HttpResponse<String> csv = get("/api/v1/territories/" + T + "/indicators/quote/values?level=bezirk&period=2015-H1", "Accept", "text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).endsWith(";stichtag;zeitraum");
        assertThat(lines[1]).startsWith("01;Bezirk 1;quote;2015-H1;10,0;").endsWith(";2015-06-30;1. Halbjahr 2015");
    }

    @Test
    void aLevelWithoutValuesSaysWhyAndPublishingWarns() throws Exception {
        load();
        // the weighted mean: (10 * 1000 + 20 * 3000) / 4000 = 17.5 (bezirk 03 and 04 have no value: incomplete)
        JsonNode total = json(get("/api/v1/territories/" + T + "/indicators/landesquote/values?level=gesamt&period=2015", "Authorization", ADMIN));
        assertThat(total.get(0).get("value").decimalValue()).isEqualByComparingTo("17.5");
        assertThat(total.get(0).get("status").asText()).isEqualTo("incomplete");

        HttpResponse<String> published = postJson("/api/v1/territories/" + T + "/indicators/index/publication", null, ADMIN);
        assertThat(published.statusCode()).isEqualTo(200);
        JsonNode warnings = json(published).get("no_values");
        assertThat(json(published).get("warnings").toString()).contains("gesamt: ").contains("nicht zusammengefasst");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("level").asText()).isEqualTo("gesamt");
        assertThat(warnings.get(0).get("reason").asText()).isEqualTo("not_aggregated");
        assertThat(warnings.get(0).get("de").asText()).contains("nicht zusammengefasst");

        HttpResponse<String> empty = get("/api/v1/territories/" + T + "/indicators/index/values?level=gesamt");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(json(empty)).isEmpty();
        assertThat(empty.headers().firstValue("Atlas-No-Values").orElse("")).startsWith("not_aggregated; ");
        JsonNode levels = json(get("/api/v1/territories/" + T + "/indicators/index")).get("levels");
        assertThat(levels.get(0).get("level").asText()).isEqualTo("gesamt");
        assertThat(levels.get(0).get("has_values").asBoolean()).isFalse();
        assertThat(levels.get(0).get("reason_de").asText()).contains("aggregation: none");
        assertThat(levels.get(1).get("has_values").asBoolean()).isTrue();
        assertThat(send("DELETE", "/api/v1/territories/" + T + "/indicators/index/publication", null, null, ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void existingYearUrlsKeepWorkingAndTheContractIsDocumented() throws Exception {
        JsonNode v = json(get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012"));
        assertThat(v).hasSize(9);
        assertThat(v.get(0).get("period").asText()).isEqualTo("2012");
        assertThat(v.get(0).get("stichtag").asText()).isEqualTo("2012-12-31");
        assertThat(v.get(0).get("period_label").asText()).isEqualTo("2012");
        assertThat(json(get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtbezirk&period=31.12.2012")))
                .hasSize(9);
        var png = bytes("GET", "/koeln/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=koeln.anteil_unter_6.stadtteil&STYLES="
                + "&CRS=EPSG:25832&BBOX=343900,5632700,370700,5661500&WIDTH=64&HEIGHT=64&FORMAT=image/png&TIME=2008");
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        String doc = get("/api/v1/openapi.json").body();
        assertThat(doc).contains("1. Halbjahr 2015").contains("Stichtag").contains("school_year");
    }
}
