package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.ImportSource;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin console's sections "Indikatoren und Ebenen" and "Datenschutz": their API over HTTP (catalogue
 * entry, draft classification preview, disclosure preview and save, with the rights of administrators and
 * department editors), then the screens in Chromium (atlas-web/test/admin-catalogue.mjs) on throwaway territories.
 */
class AdminConsoleCatalogueTest extends ServerTest {

    /** Skewed values of "index" on the four units over three years: quantiles and Jenks break them differently. */
    private static final String VALUES = """
            gebiet;indikator;jahr;wert
            01;index;2019;1
            02;index;2019;2
            03;index;2019;3
            04;index;2019;40
            01;index;2020;2
            02;index;2020;3
            03;index;2020;5
            04;index;2020;60
            01;index;2021;3
            02;index;2021;4
            03;index;2021;9
            04;index;2021;100
            01;anzahl;2020;2
            02;anzahl;2020;5
            03;anzahl;2020;8
            04;anzahl;2020;20
            """;

    private void values(String t) throws Exception {
        var r = upload("/api/v1/territories/" + t + "/imports/values", "werte.csv", VALUES.getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<String> put(String path, String json, String auth) throws Exception {
        return send("PUT", path, json, "application/json", auth);
    }

    private JsonNode entry(String t, String key) throws Exception {
        var r = get("/api/v1/territories/" + t + "/catalogue/indicators/" + key, "Authorization", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("entry");
    }

    private static List<String> errorFields(HttpResponse<String> r) throws Exception {
        List<String> out = new ArrayList<>();
        json(r).get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    /** The class bounds of an SLD: the literals of its PropertyIsGreaterThanOrEqualTo/LessThan filters, in order. */
    private static List<Double> sldBounds(String sld) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:ogc:)?Literal>([-0-9.E]+)</(?:ogc:)?Literal>").matcher(sld);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void anEntryIsReadAndReplacedWithTheImportersChecksAndNothingHalfSaved() throws Exception {
        String t = TestAtlas.territory("kat-api");
        values(t);
        String path = "/api/v1/territories/" + t + "/catalogue/indicators/index";
        assertThat(get(path).statusCode()).isIn(401, 403);
        JsonNode before = entry(t, "index");
        assertThat(before.get("title").asText()).isEqualTo("Index");
        assertThat(before.get("decimals").asInt()).isEqualTo(2);
        assertThat(before.get("classification").get("method").asText()).isEqualTo("quantile");
        assertThat(entry(t, "quote").get("scale_factor").toString()).isEqualTo("100");

        // decimals 12 and an unknown theme: both named per field, nothing saved
        ObjectNode bad = before.deepCopy();
        bad.put("decimals", 12);
        bad.put("theme", "gibtsnicht");
        bad.put("title", "Geändert");
        var refused = put(path, bad.toString(), ADMIN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errorFields(refused)).contains("decimals", "theme");
        assertThat(refused.body()).contains("Nachkommastellen 0–6").contains("unbekanntes Thema");
        assertThat(entry(t, "index").get("title").asText()).isEqualTo("Index");

        // wrong types and unknown fields: also per field, never a 500
        ObjectNode typed = before.deepCopy();
        typed.put("decimals", "zwei");
        assertThat(errorFields(put(path, typed.toString(), ADMIN))).containsExactly("decimals");
        ObjectNode unknown = before.deepCopy();
        unknown.put("farbe", "rot");
        assertThat(errorFields(put(path, unknown.toString(), ADMIN))).containsExactly("farbe");
        ObjectNode renamed = before.deepCopy();
        renamed.put("key", "anders");
        assertThat(errorFields(put(path, renamed.toString(), ADMIN))).containsExactly("key");
        ObjectNode nested = before.deepCopy();
        nested.putObject("title").put("de", "Index");
        assertThat(errorFields(put(path, nested.toString(), ADMIN))).containsExactly("title");
        assertThat(put(path, "[1, 2]", ADMIN).statusCode()).isEqualTo(400);
        assertThat(put(path, "{\"title\": ", ADMIN).statusCode()).isEqualTo(400);
        assertThat(put("/api/v1/territories/" + t + "/catalogue/indicators/gibtsnicht", before.toString(), ADMIN).statusCode()).isEqualTo(404);
        ObjectNode badClasses = before.deepCopy();
        badClasses.putObject("classification").put("method", "manual");
        assertThat(errorFields(put(path, badClasses.toString(), ADMIN))).containsExactly("classification");

        // a valid change: saved as a catalogue batch of its own; the same entry again changes nothing
        ObjectNode good = before.deepCopy();
        good.put("title", "Index der Lage");
        var saved = put(path, good.toString(), ADMIN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("unchanged").asBoolean()).isFalse();
        assertThat(json(saved).get("entry").get("title").asText()).isEqualTo("Index der Lage");
        assertThat(json(put(path, good.toString(), ADMIN)).get("unchanged").asBoolean()).isTrue();
        var read = json(get("/api/v1/territories/" + t + "/indicators/index", "Authorization", ADMIN));
        assertThat(read.get("title").asText()).isEqualTo("Index der Lage");
        assertThat(TestAtlas.count("select count(*) from atlas.import_batch b join atlas.territory t using (territory_id) "
                + "where t.key = ? and b.kind = 'catalogue' and b.file_name = 'verwaltung-index.json'", t)).isEqualTo(1);
        // its place in the theme stays
        assertThat(TestAtlas.count("select sort_order from atlas.indicator i join atlas.territory t using (territory_id) "
                + "where t.key = ? and i.key = 'index'", t)).isEqualTo(3);

        // a field left out keeps its value: the form without the disclosure overrides does not overwrite them
        assertThat(send("PUT", "/api/v1/territories/" + t + "/disclosure/settings", "{\"overrides\": {\"index\": {\"threshold\": 7}}}",
                "application/json", ADMIN).statusCode()).isEqualTo(200);
        ObjectNode without = entry(t, "index").deepCopy();
        without.remove("disclosure");
        without.put("formula", "Summe der Punkte");
        without.putNull("interpretation");
        assertThat(put(path, without.toString(), ADMIN).statusCode()).isEqualTo(200);
        JsonNode after = entry(t, "index");
        assertThat(after.get("disclosure").get("threshold").asInt()).isEqualTo(7);
        assertThat(after.get("formula").asText()).isEqualTo("Summe der Punkte");
        assertThat(after.get("interpretation").isNull()).isTrue();
    }

    @Test
    void departmentEditorsChangeTheirIndicatorsDescriptionsOnly() throws Exception {
        String t = TestAtlas.territory("kat-rechte");
        assertThat(postJson("/api/v1/territories/" + t + "/departments",
                "{\"key\": \"statistik\", \"name\": \"Statistikstelle\", \"indicators\": [\"index\"]}", ADMIN).statusCode()).isEqualTo(201);
        String editor = user("kat-redaktion", "Statistik-Redaktion-2026");
        assertThat(postJson("/api/v1/territories/" + t + "/grants",
                "{\"login\": \"kat-redaktion\", \"role\": \"editor\", \"department\": \"statistik\"}", ADMIN).statusCode())
                .isIn(201, 409);
        String path = "/api/v1/territories/" + t + "/catalogue/indicators/";
        var mine = get(path + "index", "Authorization", editor);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get("admin").asBoolean()).isFalse();
        assertThat(get(path + "anzahl", "Authorization", editor).statusCode()).isEqualTo(403);

        ObjectNode entry = (ObjectNode) json(mine).get("entry");
        entry.put("definition", "Neu beschrieben");
        entry.put("kind", "count");
        entry.put("visibility", "public");
        var refused = put(path + "index", entry.toString(), editor);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("kind", "visibility");
        entry.put("kind", "value");
        entry.put("visibility", "internal");
        var ok = put(path + "index", entry.toString(), editor);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(entry(t, "index").get("definition").asText()).isEqualTo("Neu beschrieben");
        // an entry without the administrators' fields keeps them
        ObjectNode partial = JSON.createObjectNode().put("title", "Index").put("definition", "d").put("unit_label", "Punkte").put("source", "Test");
        assertThat(put(path + "index", partial.toString(), editor).statusCode()).isEqualTo(200);
        assertThat(entry(t, "index").get("kind").asText()).isEqualTo("value");
        assertThat(entry(t, "index").get("numerator_may_be_negative").asBoolean()).isTrue();
        assertThat(put(path + "anzahl", "{}", editor).statusCode()).isEqualTo(403);
        // the preview is for those who may edit the indicator
        assertThat(get("/api/v1/territories/" + t + "/indicators/anzahl/preview/classes?level=bezirk", "Authorization", editor).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDraftPreviewDiffersAndAfterSavingTheWmsLegendAndTheSldAgreeWithIt() throws Exception {
        String t = TestAtlas.territory("kat-klassen");
        values(t);
        assertThat(postJson("/api/v1/territories/" + t + "/indicators/index/publication", "{\"levels\": [\"bezirk\"]}", ADMIN).statusCode())
                .isEqualTo(200);
        String preview = "/api/v1/territories/" + t + "/indicators/index/preview/";
        String jenks = URLEncoder.encode("{\"method\":\"jenks\",\"classes\":5}", StandardCharsets.UTF_8);
        JsonNode stored = json(get(preview + "classes?level=bezirk", "Authorization", ADMIN));
        JsonNode draft = json(get(preview + "classes?level=bezirk&classification=" + jenks, "Authorization", ADMIN));
        assertThat(stored.get("method").asText()).isEqualTo("quantile");
        assertThat(draft.get("method").asText()).isEqualTo("jenks");
        assertThat(draft.get("classes").toString()).isNotEqualTo(stored.get("classes").toString());
        String invalid = URLEncoder.encode("{\"method\":\"manual\"}", StandardCharsets.UTF_8);
        assertThat(get(preview + "classes?level=gibtsnicht", "Authorization", ADMIN).statusCode()).isEqualTo(404);
        assertThat(get(preview + "classes?level=bezirk&classification=%7Bkaputt", "Authorization", ADMIN).statusCode()).isEqualTo(400);
        assertThat(get(preview + "classes?level=bezirk&classification=" + URLEncoder.encode("{\"classes\":\"viele\"}", StandardCharsets.UTF_8),
                "Authorization", ADMIN).statusCode()).isEqualTo(400);
        var refused = get(preview + "classes?level=bezirk&classification=" + invalid, "Authorization", ADMIN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("classification");

        // the draft drawn by the WMS: a PNG, its legend with the draft's classes; nothing stored
        String wms = preview + "wms?SERVICE=WMS&VERSION=1.3.0&LAYERS=" + t + ".index.bezirk&STYLES=&FORMAT=image/png&classification=" + jenks;
        var map = bytes("GET", wms + "&REQUEST=GetMap&CRS=EPSG:25832&BBOX=350000,5639000,354000,5642000&WIDTH=400&HEIGHT=300", "Authorization", ADMIN);
        assertThat(map.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(map.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(map.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        var draftLegend = bytes("GET", wms + "&REQUEST=GetLegendGraphic&LAYER=" + t + ".index.bezirk&SLD_VERSION=1.1.0", "Authorization", ADMIN);
        assertThat(draftLegend.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(bytes("GET", wms + "&REQUEST=GetMap&CRS=EPSG:25832&BBOX=350000,5639000,354000,5642000&WIDTH=400&HEIGHT=300").statusCode())
                .isIn(401, 403);
        assertThat(entry(t, "index").get("classification").get("method").asText()).isEqualTo("quantile");
        // only this indicator's layers, only maps and legends, no client styles
        assertThat(get(preview + "wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + t + ".anzahl.bezirk", "Authorization", ADMIN)
                .statusCode()).isEqualTo(400);
        assertThat(get(preview + "wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + t + ".index.bezirk", "Authorization", ADMIN)
                .body()).contains("OperationNotSupported");
        assertThat(get(wms + "&REQUEST=GetMap&SLD_BODY=x&CRS=EPSG:25832&BBOX=350000,5639000,354000,5642000&WIDTH=40&HEIGHT=30",
                "Authorization", ADMIN).body()).contains("SLD_BODY");

        // saved: the public SLD has the draft's bounds, the public legend is the draft's legend
        ObjectNode e = entry(t, "index").deepCopy();
        e.putObject("classification").put("method", "jenks").put("classes", 5);
        var views = new de.chancenatlas.core.read.PublishedViews(TestAtlas.dataSource());
        long generation = views.generation();
        assertThat(put("/api/v1/territories/" + t + "/catalogue/indicators/index", e.toString(), ADMIN).statusCode()).isEqualTo(200);
        assertThat(views.generation()).as("the data generation (map files, tile cache key) moves").isNotEqualTo(generation);
        String sld = get("/api/v1/territories/" + t + "/indicators/index/sld?level=bezirk").body();
        List<Double> inner = new ArrayList<>();   // the SLD's filters name the breaks between classes
        for (int i = 0; i < draft.get("classes").size() - 1; i++) {
            inner.add(draft.get("classes").get(i).get("upper").asDouble());
        }
        assertThat(sldBounds(sld)).containsExactlyElementsOf(inner);
        for (JsonNode c : draft.get("classes")) {
            assertThat(sld).contains(c.get("label").asText());
        }
        var publicLegend = bytes("GET", "/" + t + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + t
                + ".index.bezirk&FORMAT=image/png&SLD_VERSION=1.1.0");
        assertThat(publicLegend.body()).isEqualTo(bytes("GET", preview + "wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=" + t
                + ".index.bezirk&FORMAT=image/png&SLD_VERSION=1.1.0", "Authorization", ADMIN).body());
    }

    @Test
    void theDisclosurePreviewCountsWhatADraftWithholdsAndSavingAppliesIt() throws Exception {
        String t = TestAtlas.territory("kat-schutz-api");
        values(t);
        assertThat(postJson("/api/v1/territories/" + t + "/indicators/anzahl/publication", "{\"levels\": [\"bezirk\"]}", ADMIN).statusCode())
                .isEqualTo(200);
        String base = "/api/v1/territories/" + t + "/disclosure/";
        assertThat(postJson(base + "preview", "{\"disclosure\": {\"threshold\": 10}}", null).statusCode()).isIn(401, 403);
        long now = withheld(json(get("/api/v1/territories/" + t + "/disclosure", "Authorization", ADMIN)));
        long draft = withheld(json(postJson(base + "preview", "{\"disclosure\": {\"threshold\": 10}}", ADMIN)));
        assertThat(draft).isGreaterThan(now);
        assertThat(json(get(base + "settings", "Authorization", ADMIN)).get("disclosure").has("threshold")).isFalse();
        assertThat(withheld(json(get("/api/v1/territories/" + t + "/disclosure", "Authorization", ADMIN)))).isEqualTo(now);

        var refused = send("PUT", base + "settings", "{\"disclosure\": {\"threshold\": -1, \"secondary\": \"ja\"}, "
                + "\"overrides\": {\"anzahl\": {\"round_to\": 0}, \"gibtsnicht\": {}}}", "application/json", ADMIN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("threshold", "secondary", "anzahl.round_to", "gibtsnicht");
        assertThat(json(get(base + "settings", "Authorization", ADMIN)).get("disclosure").has("threshold")).isFalse();

        assertThat(get("/api/v1/territories/" + t + "/indicators/anzahl/values?level=bezirk&period=2020").body()).contains("\"8\"");
        var saved = send("PUT", base + "settings", "{\"disclosure\": {\"threshold\": 10}}", "application/json", ADMIN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(withheld(json(saved))).isEqualTo(draft);
        assertThat(get("/api/v1/territories/" + t + "/indicators/anzahl/values?level=bezirk&period=2020").body()).doesNotContain("\"8\"");
        assertThat(postJson(base + "preview", "{\"overrides\": {\"anzahl\": 5}}", ADMIN).statusCode()).isEqualTo(400);
        assertThat(postJson(base + "preview", "{\"disclosure\": {\"population_indicator\": \"gibtsnicht\"}}", ADMIN).statusCode()).isEqualTo(400);
        // the population indicator is a count, here as in the settings form (one rule: Publication.populationIndicatorProblem)
        var rate = postJson(base + "preview", "{\"disclosure\": {\"population_indicator\": \"quote\"}}", ADMIN);
        assertThat(rate.statusCode()).isEqualTo(400);
        assertThat(errorFields(rate)).containsExactly("population_indicator");
        // an override for one indicator: previewed and saved the same way
        long overridden = withheld(json(postJson(base + "preview", "{\"overrides\": {\"anzahl\": {\"threshold\": 3}}}", ADMIN)));
        assertThat(overridden).isLessThan(draft);

        // the same on Köln (rolled back, Köln unchanged): what an administrator waits for there
        String koeln = json(get("/api/v1/territories/koeln/disclosure/settings", "Authorization", ADMIN)).toString();
        long t0 = System.nanoTime();
        var big = postJson("/api/v1/territories/koeln/disclosure/preview", "{\"disclosure\": {\"threshold\": 5}}", ADMIN);
        System.out.printf("Disclosure preview Köln: %d ms, %d rows%n", (System.nanoTime() - t0) / 1_000_000, json(big).get("rows").size());
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/territories/koeln/disclosure/settings", "Authorization", ADMIN)).toString()).isEqualTo(koeln);
    }

    private static long withheld(JsonNode report) {
        long n = 0;
        for (JsonNode r : report.get("rows")) {
            n += r.get("cells").asLong() - r.get("published").asLong();
        }
        return n;
    }

    @Test
    void theScreensWorkInChromium() throws Exception {
        // classification and field errors: an indicator with skewed values, published on the districts
        String klassen = TestAtlas.territory("kat-web");
        values(klassen);
        assertThat(postJson("/api/v1/territories/" + klassen + "/indicators/index/publication", "{\"levels\": [\"bezirk\"]}", ADMIN)
                .statusCode()).isEqualTo(200);
        // KECK: ten indicators, nine published, at least ten required
        String keck = TestAtlas.territory("kat-keck");
        StringBuilder yaml = new StringBuilder("indicators:\n");
        for (int i = 1; i <= 7; i++) {
            yaml.append("  - {key: k").append(i).append(", theme: test, title: Kennzahl ").append(i)
                    .append(", definition: d, unit_label: Anzahl, kind: count, source: Test, visibility: public}\n");
        }
        new CatalogueImporter(TestAtlas.dataSource()).importFile(keck, new ImportSource("mehr.yaml",
                yaml.toString().getBytes(StandardCharsets.UTF_8), "test"));
        assertThat(postJson("/api/v1/territories/" + keck + "/indicators/index/publication", null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/territories/" + keck + "/settings", "{\"min_published\": 10}", ADMIN).statusCode()).isEqualTo(200);
        // disclosure: a count with small values, published on the districts
        String schutz = TestAtlas.territory("kat-schutz");
        values(schutz);
        assertThat(postJson("/api/v1/territories/" + schutz + "/indicators/anzahl/publication", "{\"levels\": [\"bezirk\"]}", ADMIN)
                .statusCode()).isEqualTo(200);
        BrowserScripts.run("test/admin-catalogue.mjs", port, Map.of("KAT_KLASSEN", klassen, "KAT_KECK", keck, "KAT_SCHUTZ", schutz));
    }
}
