package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report endpoints of the real server over HTTP: files, errors, the book job. */
class ReportHttpTest extends ServerTest {
    private static final String BASE = "/api/v1/territories/";


    private static JsonNode jsonOf(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void reportsAsFiles() throws Exception {
        HttpResponse<byte[]> pdf = bytes("GET", BASE + "koeln/reports/indicator/anteil_unter_6?level=stadtteil&period=2012");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        HttpResponse<byte[]> docx = bytes("GET", BASE + "kreis-dueren/reports/profile/05358008?format=docx");
        assertThat(docx.statusCode()).as(new String(docx.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(docx.body()[0]).isEqualTo((byte) 'P');   // a zip (OOXML)

        HttpResponse<byte[]> png = bytes("GET", BASE + "koeln/reports/indicator/einwohner?format=png&part=map&dpi=96");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isEqualTo(Math.round(16 / 2.54 * 96));

        HttpResponse<byte[]> xlsx = bytes("GET", BASE + "koeln/reports/comparison?units=101,102&indicators=einwohner&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    }

    @Test
    void errorsAreClear() throws Exception {
        HttpResponse<byte[]> r = bytes("GET", BASE + "nirgendwo/reports/indicator/einwohner");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(jsonOf(r).get("title").asText()).contains("Nicht gefunden / not found");
        assertThat(bytes("GET", BASE + "koeln/reports/indicator/gibtsnicht").statusCode()).isEqualTo(404);
        assertThat(bytes("GET", BASE + "koeln/reports/profile/0000").statusCode()).isEqualTo(404);
        // an internal indicator does not exist for the public
        assertThat(bytes("GET", BASE + "koeln/reports/indicator/anteil_migrationshintergrund").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> bad = bytes("GET", BASE + "koeln/reports/indicator/einwohner?format=exe");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(jsonOf(bad).get("title").asText()).contains("Format");
        assertThat(bytes("GET", BASE + "koeln/reports/indicator/einwohner?dpi=abc").statusCode()).isEqualTo(400);
        assertThat(bytes("GET", BASE + "koeln/reports/indicator/einwohner?format=png&dpi=9000").statusCode()).isEqualTo(400);
        assertThat(bytes("GET", BASE + "koeln/reports/comparison?units=101").statusCode()).isEqualTo(400);
        assertThat(bytes("GET", BASE + "koeln/reports/comparison").statusCode()).isEqualTo(400);
    }

    @Test
    void staffSeeInternalIndicatorsAndMakeBooks() throws Exception {
        assertThat(bytes("GET", BASE + "koeln/reports/indicator/anteil_migrationshintergrund?format=xlsx", "Authorization", ADMIN).statusCode())
                .isEqualTo(200);
        assertThat(bytes("POST", BASE + "kreis-dueren/reports/book").statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<byte[]> started = bytes("POST", BASE + "kreis-dueren/reports/book", "Authorization", ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode job = jsonOf(started);
        for (int i = 0; i < 240 && !"done".equals(job.get("state").asText()) && !"failed".equals(job.get("state").asText()); i++) {
            Thread.sleep(500);
            job = jsonOf(bytes("GET", location, "Authorization", ADMIN));
        }
        assertThat(job.get("state").asText()).isEqualTo("done");
        assertThat(job.get("done").asInt()).isEqualTo(job.get("total").asInt()).isPositive();
        assertThat(bytes("GET", location).statusCode()).as("someone else's job").isEqualTo(404);
        HttpResponse<byte[]> file = bytes("GET", location + "/file", "Authorization", ADMIN);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }
}
