package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.TestAtlas;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The read and import API and the OGC endpoints over HTTP. */
class HttpApiTest extends ServerTest {

    @Test
    void territoriesLevelsAndIndicatorsWithTheirDescriptionsAndPeriods() throws Exception {
        JsonNode territories = json(get("/api/v1/territories"));
        assertThat(territories.findValuesAsText("key")).contains("koeln", "kreis-dueren");
        JsonNode levels = json(get("/api/v1/territories/koeln/levels"));
        assertThat(levels.findValuesAsText("key")).containsExactly("stadt", "stadtbezirk", "stadtteil");
        assertThat(levels.get(2).get("units").asInt()).isEqualTo(86);
        JsonNode units = json(get("/api/v1/territories/kreis-dueren/units?level=kommune"));
        assertThat(units).hasSize(15);
        assertThat(units.get(0).get("code").asText()).isEqualTo("05358004");
        JsonNode ind = json(get("/api/v1/territories/koeln/indicators/anteil_unter_6"));
        assertThat(ind.get("definition").asText()).contains("0 bis unter 6");
        assertThat(ind.get("numerator_label").asText()).isEqualTo("Einwohner unter 6 Jahren");
        assertThat(ind.get("periods")).hasSize(8);
    }

    @Test
    void valuesAsJsonAndAsGermanCsvAgree() throws Exception {
        JsonNode values = json(get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012"));
        assertThat(values).hasSize(9);
        JsonNode innenstadt = values.get(0);
        assertThat(innenstadt.get("unit_code").asText()).isEqualTo("001");
        assertThat(innenstadt.get("aggregated").asBoolean()).isTrue();
        HttpResponse<String> csv = get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtbezirk&period=2012",
                "Accept", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFgebiet;name;indikator;jahr;wert");
        assertThat(lines).hasSize(10);
        assertThat(lines[1]).startsWith("001;Innenstadt;anteil_unter_6;2012;" + innenstadt.get("formatted").asText() + ";");
        assertThat(innenstadt.get("formatted").asText()).matches("\\d+,\\d");
    }

    @Test
    void internalIndicatorsExistOnlyForStaff() throws Exception {
        assertThat(get("/api/v1/territories/koeln/indicators/anteil_migrationshintergrund").statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/territories/koeln/indicators")).findValuesAsText("key")).doesNotContain("anteil_migrationshintergrund");
        assertThat(get("/api/v1/territories/koeln/indicators/anteil_migrationshintergrund", "Authorization", ADMIN).statusCode()).isEqualTo(200);
        // counts of an indicator whose counts are not public are withheld from the public
        JsonNode anon = json(get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtteil&period=2012"));
        assertThat(anon.get(0).get("numerator").isNull()).isTrue();
        JsonNode staff = json(get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?level=stadtteil&period=2012",
                "Authorization", ADMIN));
        assertThat(staff.get(0).get("numerator").asInt()).isPositive();
    }

    @Test
    void unknownThingsAnswer404AndBadParameters400AsJson() throws Exception {
        HttpResponse<String> r = get("/api/v1/territories/atlantis/levels");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("title").asText()).contains("atlantis");
        r = get("/api/v1/territories/koeln/indicators/anteil_unter_6/values?period=zwanzig");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at de.");
    }

    @Test
    void importsNeedAnAdministratorAndReportProblemsOrTheirBatch() throws Exception {
        String t = TestAtlas.territory("http-import");
        byte[] csv = "gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n".getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/territories/" + t + "/imports/values";
        assertThat(upload(path, "a.csv", csv, null).statusCode()).isEqualTo(401);
        assertThat(upload(path, "a.csv", csv, basic("admin", "falsch")).statusCode())
                .isEqualTo(401);

        HttpResponse<String> created = upload(path, "a.csv", csv, ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        long batch = json(created).get("result").get("batch_id").asLong();
        HttpResponse<String> again = upload(path, "a.csv", csv, ADMIN);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("result").get("unchanged").asBoolean()).isTrue();

        HttpResponse<String> bad = upload(path, "b.csv", "gebiet;indikator;jahr;wert\n42;anzahl;2020;5\n".getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode problem = json(bad).get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("value").asText()).isEqualTo("42");
        assertThat(problem.get("de").asText()).contains("42");
        assertThat(problem.get("en").asText()).contains("Unknown unit code");

        assertThat(get("/api/v1/territories/" + t + "/batches").statusCode()).isEqualTo(401);
        JsonNode batches = json(get("/api/v1/territories/" + t + "/batches", "Authorization", ADMIN));
        assertThat(batches.findValuesAsText("file_name")).contains("a.csv");

        var revert = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/territories/" + t + "/batches/"
                + batch + "/revert")).header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revert.statusCode()).isEqualTo(200);
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value where batch_id = ?", batch)).isZero();
    }

    @Test
    void longImportsRunAsJobsWithProgress() throws Exception {
        String t = TestAtlas.territory("http-async");
        StringBuilder csv = new StringBuilder("gebiet;indikator;jahr;wert\n");
        for (int year = 2000; year < 2100; year++) {
            for (int u = 1; u <= 4; u++) {
                csv.append("0").append(u).append(";anzahl;").append(year).append(';').append(year + u).append('\n');
            }
        }
        HttpResponse<String> accepted = upload("/api/v1/territories/" + t + "/imports/values?async=true", "gross.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job = json(accepted);
        for (int i = 0; i < 100 && !job.get("state").asText().matches("done|rejected|failed"); i++) {
            Thread.sleep(100);
            job = json(get(location, "Authorization", ADMIN));
        }
        assertThat(job.get("state").asText()).isEqualTo("done");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("result").get("written").asInt()).isEqualTo(400);
    }

    @Test
    void owsEndpointsServeCapabilitiesMapsAndExceptionReports() throws Exception {
        HttpResponse<String> caps = get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities");
        assertThat(caps.statusCode()).isEqualTo(200);
        assertThat(caps.body()).contains("<Name>koeln.anteil_unter_6.stadtteil</Name>")
                .contains("http://127.0.0.1:" + port + "/ows?").doesNotContain("anteil_migrationshintergrund");
        HttpResponse<String> wfs = get("/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities");
        assertThat(wfs.body()).contains("koeln.einwohner.stadtteil").doesNotContain("kreis-dueren.");
        var png = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
                + "&LAYERS=koeln.einwohner.stadtbezirk&STYLES=&CRS=EPSG:3857&BBOX=760000,6570000,790000,6600000&WIDTH=256&HEIGHT=256"
                + "&FORMAT=image/png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(256);
        HttpResponse<String> bad = get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&SLD_BODY=%3CStyledLayerDescriptor/%3E");
        assertThat(bad.body()).contains("ServiceExceptionReport").contains("InvalidParameterValue").doesNotContain("at de.");
    }

    /** Facilities imported over HTTP appear as a point layer on the territory's OGC endpoint, with their name in WFS. */
    @Test
    void importedFacilitiesBecomeAPointLayer() throws Exception {
        String t = TestAtlas.territory("http-fac");
        byte[] csv = "Kennung;Bezeichnung;Art;Rechtswert;Hochwert\nK1;Kita Am Bach;Kita;350500;5640500\n".getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/territories/" + t + "/imports/facilities";
        assertThat(upload(path, "kitas.csv", csv, null).statusCode()).isEqualTo(401);
        HttpResponse<String> created = upload(path, "kitas.csv", csv, ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("result").get("kind").asText()).isEqualTo("facilities");
        HttpResponse<String> bad = upload(path, "falsch.csv", "Kennung;Bezeichnung;Art;Rechtswert;Hochwert\nK2;Bücherei;Bibliothek;350500;5640500\n"
                .getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("problems").get(0).get("line").asInt()).isEqualTo(2);
        HttpResponse<String> wfs = get("/" + t + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + t
                + ".einrichtung.kita&OUTPUTFORMAT=geojson");
        assertThat(wfs.statusCode()).isEqualTo(200);
        assertThat(json(wfs).get("features").findValuesAsText("name")).containsExactly("Kita Am Bach");
    }

    /** What QGIS sends besides the standard (found with QGIS 3.22, docs/qgis/check_qgis.py), and WFS 1.1.0's GML type. */
    @Test
    void qgisRequestsAndWfs11Answer() throws Exception {
        // every QGIS GetMap carries its DPI hints, MAP_RESOLUTION among them; the time slider sends an interval
        var png = bytes("GET", "/koeln/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=koeln.anteil_unter_6.stadtteil&STYLES="
                + "&CRS=EPSG:25832&BBOX=343900,5632700,370700,5661500&WIDTH=256&HEIGHT=256&FORMAT=image/png&DPI=100&MAP_RESOLUTION=100"
                + "&FORMAT_OPTIONS=dpi:100&TIME=2005-01-01T00:00:00Z/2006-01-01T00:00:00Z");
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        // MapServer types GML 3.1.1 as "text/xml; subtype=gml/3.1.1", which is no valid media type unquoted
        for (String request : List.of("DescribeFeatureType", "GetFeature")) {
            HttpResponse<String> gml = get("/koeln/ows?SERVICE=WFS&VERSION=1.1.0&REQUEST=" + request
                    + "&TYPENAME=atlas:koeln.anteil_unter_6.stadtteil&MAXFEATURES=2");
            assertThat(gml.statusCode()).as(request).isEqualTo(200);
            assertThat(gml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml").contains("gml/3.1.1");
            assertThat(gml.body()).as(request).doesNotContain("ExceptionReport").contains("anteil_unter_6");
        }
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        JsonNode doc = json(get("/api/v1/openapi.json"));
        assertThat(doc.get("paths").has("/api/v1/territories/{territory}/indicators/{key}/values")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/territories/{territory}/imports/values")).isTrue();
    }
}
