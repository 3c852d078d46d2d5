package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The import API the admin console's import and batch screens use, over HTTP: import targets per role,
 * inspecting a boundary file, a new level, batch details, the revert dry run and the history of one value.
 */
class ImportConsoleApiTest extends ServerTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void targetsFollowTheGrantsAndEditorsCannotNameAnotherIndicator() throws Exception {
        assertThat(postJson("/api/v1/territories/kreis-dueren/departments",
                "{\"key\": \"import-api\", \"name\": \"Statistikstelle\", \"indicators\": [\"einwohner\"]}", ADMIN).statusCode()).isIn(201, 409);
        String editor = user("import-api-redaktion", "Statistik-Stelle-2026");
        assertThat(postJson("/api/v1/territories/kreis-dueren/grants",
                "{\"login\": \"import-api-redaktion\", \"role\": \"editor\", \"department\": \"import-api\"}", ADMIN).statusCode()).isIn(201, 409);

        JsonNode admin = json(get("/api/v1/territories/kreis-dueren/imports/targets", "Authorization", ADMIN));
        assertThat(admin.get("kinds").toString()).contains("boundaries", "catalogue", "facilities", "values");
        assertThat(admin.get("indicators").findValuesAsText("key")).contains("einwohner", "bevoelkerungsdichte");
        assertThat(admin.at("/limits/values/formatted").asText()).endsWith("MB");

        JsonNode own = json(get("/api/v1/territories/kreis-dueren/imports/targets", "Authorization", editor));
        assertThat(own.get("kinds").findValuesAsText("")).isEmpty();
        assertThat(own.get("kinds").toString()).isEqualTo("[\"values\"]");
        assertThat(own.get("indicators").findValuesAsText("key")).containsExactly("einwohner");
        assertThat(get("/api/v1/territories/kreis-dueren/imports/targets").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/territories/koeln/imports/targets", "Authorization", editor).statusCode()).isEqualTo(403);

        byte[] csv = utf8("ags;jahr;wert\n05358008;2022;1\n");
        assertThat(upload("/api/v1/territories/kreis-dueren/imports/values?indicator=bevoelkerungsdichte", "x.csv", csv, editor).statusCode())
                .as("another department's indicator as the form's target").isEqualTo(403);
        assertThat(upload("/api/v1/territories/kreis-dueren/imports/boundaries?level=kommune&code_field=ags", "x.geojson", csv, editor).statusCode())
                .isEqualTo(403);
        assertThat(upload("/api/v1/territories/kreis-dueren/imports/inspect", "x.geojson", csv, editor).statusCode()).isEqualTo(403);
        assertThat(postJson("/api/v1/territories/kreis-dueren/levels", "{\"key\": \"x\", \"name\": \"X\", \"parent\": \"kommune\"}", editor)
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/territories/kreis-dueren/batches?limit=1", "Authorization", editor).statusCode()).isEqualTo(200);
    }

    @Test
    void aBoundaryFileIsInspectedThenImportedIntoANewLevel() throws Exception {
        String t = TestAtlas.territory("imp-api-grenzen");
        String base = "/api/v1/territories/" + t;
        var inspected = upload(base + "/imports/inspect", "bloecke.geojson", TestAtlas.grid(3), ADMIN);
        assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(200);
        JsonNode layer = json(inspected).get("layers").get(0);
        assertThat(layer.get("feature_count").asLong()).isEqualTo(3);
        assertThat(layer.get("epsg").asText()).isEqualTo("EPSG:25832");
        assertThat(layer.get("crs").asText()).contains("UTM zone 32N");
        assertThat(layer.get("fields").findValuesAsText("name")).containsExactly("code", "name");
        assertThat(layer.get("fields").get(0).get("samples").toString()).isEqualTo("[\"01\",\"02\",\"03\"]");
        var unreadable = upload(base + "/imports/inspect", "kaputt.geojson", utf8("{\"type\": \"Feat"), ADMIN);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("nicht lesbar").doesNotContain("at de.");

        var bad = postJson(base + "/levels", "{\"key\": \"Block!\", \"name\": \" \", \"parent\": \"gesamt\"}", ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field")).contains("key", "name", "parent");
        var created = postJson(base + "/levels", "{\"key\": \"block\", \"name\": \"Block\", \"name_plural\": \"Blöcke\", \"parent\": \"bezirk\"}", ADMIN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("rank").asInt()).isEqualTo(2);
        assertThat(postJson(base + "/levels", "{\"key\": \"block\", \"name\": \"Block\", \"parent\": \"bezirk\"}", ADMIN).statusCode()).isEqualTo(400);

        var imported = upload(base + "/imports/boundaries?level=block&code_field=code&name_field=name&valid_from=2000-01-01",
                "bloecke.geojson", TestAtlas.grid(3), ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long batch = json(imported).at("/result/batch_id").asLong();
        JsonNode units = json(get(base + "/units?level=block", "Authorization", ADMIN));
        assertThat(units.findValuesAsText("code")).containsExactly("01", "02", "03");
        JsonNode details = json(get(base + "/batches/" + batch, "Authorization", ADMIN));
        assertThat(details.get("kind").asText()).isEqualTo("boundaries");
        assertThat(details.get("units").get(0).get("level").asText()).isEqualTo("block");
        assertThat(details.get("units").get(0).get("units").asInt()).isEqualTo(3);
        var preview = json(get(base + "/batches/" + batch + "/revert", "Authorization", ADMIN));
        assertThat(preview.get("revertible").asBoolean()).isFalse();
        assertThat(preview.at("/reason/de").asText()).contains("Nur Wertelieferungen");

        var wfs = get("/" + t + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + t + ".block&OUTPUTFORMAT=geojson");
        assertThat(wfs.statusCode()).as(wfs.body()).isEqualTo(200);
        assertThat(json(wfs).get("features").size()).isEqualTo(3);
    }

    @Test
    void batchesShowWhatTheyTouchedAndARevertIsPreviewedFirst() throws Exception {
        String t = TestAtlas.territory("imp-api-batches");
        String base = "/api/v1/territories/" + t;
        var first = upload(base + "/imports/values", "index-2023.csv", utf8("unit;indicator;period;value\n01;index;2023;1,5\n02;index;2023;2,5\n"), ADMIN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long b1 = json(first).at("/result/batch_id").asLong();
        var second = upload(base + "/imports/values", "index-2023-neu.csv", utf8("unit;indicator;period;value\n01;index;2023;1,75\n03;index;2023;4\n"), ADMIN);
        long b2 = json(second).at("/result/batch_id").asLong();

        JsonNode d = json(get(base + "/batches/" + b2, "Authorization", ADMIN));
        assertThat(d.get("file_name").asText()).isEqualTo("index-2023-neu.csv");
        assertThat(d.get("values").get(0).get("indicator").asText()).isEqualTo("index");
        assertThat(d.get("values").get(0).get("period_label").asText()).isEqualTo("2023");
        assertThat(d.get("values").get(0).get("values").asInt()).isEqualTo(2);
        assertThat(d.get("replaced").asInt()).isEqualTo(1);
        assertThat(get(base + "/batches/999999999", "Authorization", ADMIN).statusCode()).isEqualTo(404);
        assertThat(get(base + "/batches/999999999/revert", "Authorization", ADMIN).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/territories/koeln/batches/" + b2, "Authorization", ADMIN).statusCode())
                .as("another territory's batch").isEqualTo(404);

        JsonNode list = json(get(base + "/batches?kind=values&q=neu", "Authorization", ADMIN));
        assertThat(list.findValuesAsText("file_name")).containsExactly("index-2023-neu.csv");
        assertThat(json(get(base + "/batches?limit=1&offset=1&kind=values", "Authorization", ADMIN)).findValuesAsText("file_name"))
                .containsExactly("index-2023.csv");
        assertThat(get(base + "/batches?kind=alles", "Authorization", ADMIN).statusCode()).isEqualTo(400);

        JsonNode history = json(get(base + "/indicators/index/history?unit=01&period=2023", "Authorization", ADMIN));
        JsonNode entries = history.get("entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("current").asBoolean()).isTrue();
        assertThat(entries.get(0).get("formatted").asText()).isEqualTo("1,75");
        assertThat(entries.get(0).get("batch_id").asLong()).isEqualTo(b2);
        assertThat(entries.get(1).get("formatted").asText()).isEqualTo("1,50");
        assertThat(entries.get(1).get("replaced_by").asLong()).isEqualTo(b2);
        assertThat(entries.get(1).get("created_by").asText()).isEqualTo("admin");
        assertThat(get(base + "/indicators/index/history?unit=01&period=2023").statusCode()).isEqualTo(401);
        assertThat(get(base + "/indicators/index/history?unit=01&period=Sommer", "Authorization", ADMIN).statusCode()).isEqualTo(400);

        JsonNode refused = json(get(base + "/batches/" + b1 + "/revert", "Authorization", ADMIN));
        assertThat(refused.get("revertible").asBoolean()).isFalse();
        assertThat(refused.at("/reason/de").asText()).contains("von Lieferung " + b2 + " ersetzt");
        JsonNode preview = json(get(base + "/batches/" + b2 + "/revert", "Authorization", ADMIN));
        assertThat(preview.get("revertible").asBoolean()).isTrue();
        assertThat(preview.get("restore").asInt()).isEqualTo(1);
        assertThat(preview.get("remove").asInt()).isEqualTo(1);
        assertThat(preview.get("periods").toString()).isEqualTo("[\"2023\"]");
        assertThat(preview.get("indicators").findValuesAsText("indicator")).containsExactly("index");
        assertThat(json(get(base + "/indicators/index/values?period=2023", "Authorization", ADMIN)).toString()).contains("1.75");

        assertThat(send("POST", base + "/batches/" + b2 + "/revert", null, null, ADMIN).statusCode()).isEqualTo(200);
        String after = json(get(base + "/indicators/index/values?period=2023&level=bezirk", "Authorization", ADMIN)).toString();
        assertThat(after).contains("1.5").doesNotContain("1.75");
        assertThat(json(get(base + "/batches/" + b1 + "/revert", "Authorization", ADMIN)).get("revertible").asBoolean()).isTrue();
    }
}
