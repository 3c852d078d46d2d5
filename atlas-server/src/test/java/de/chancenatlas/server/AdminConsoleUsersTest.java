package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * The console's "Benutzer und Rechte", "Einstellungen" and "Neues Gebiet" in Chromium
 * (atlas-web/test/admin-users.mjs) on a throwaway territory; afterwards the logo uploaded in the
 * browser is checked in a generated PDF report.
 */
class AdminConsoleUsersTest extends ServerTest {
    private static final String T = "konsole-benutzer";

    @Test
    void usersRightsSettingsAndANewTerritoryInTheBrowser() throws Exception {
        TestAtlas.territory(T);
        assertThat(upload("/api/v1/territories/" + T + "/imports/values", "w.csv", ("gebiet;indikator;jahr;zaehler;nenner\n"
                + "01;quote;2020;120;1000\n02;quote;2020;90;1000\n03;quote;2020;220;1000\n04;quote;2020;300;1000\n")
                .getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isIn(200, 201, 202);
        assertThat(postJson("/api/v1/territories/" + T + "/departments", "{\"key\": \"jugend\", \"name\": \"Jugendamt\", \"themes\": [\"test\"]}",
                ADMIN).statusCode()).isEqualTo(201);
        user("konsole-gebietsadmin", "Gebiets-Verwalt-2026");
        grant("konsole-gebietsadmin", "admin", null);
        user("konsole-redakteurin", "Jugend-Redaktion-2026");
        grant("konsole-redakteurin", "editor", "jugend");
        user("konsole-gesperrt", "Gesperrt-Kennwort-2026");
        grant("konsole-gesperrt", "reader", null);
        user("konsole-skript", "Skript-Kennwort-2026");
        grant("konsole-skript", "reader", null);

        List<Integer> before = logoImages();
        assertThat(before).as("no 240 × 80 logo before the upload").isEmpty();
        Path logo = Files.createTempFile("wappen", ".png");
        BufferedImage img = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(0x12, 0x60, 0x2a));
        g.fillRect(0, 0, 240, 80);
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, 40, 40);
        g.dispose();
        ImageIO.write(img, "png", logo.toFile());
        try {
            BrowserScripts.run("test/admin-users.mjs", port, Map.of("ATLAS_T", T,
                    "ATLAS_TADMIN", "konsole-gebietsadmin:Gebiets-Verwalt-2026",
                    "ATLAS_EDITOR", "konsole-redakteurin:Jugend-Redaktion-2026",
                    "ATLAS_LOCKED", "konsole-gesperrt:Gesperrt-Kennwort-2026",
                    "ATLAS_SCRIPT_USER", "konsole-skript:Skript-Kennwort-2026",
                    "ATLAS_LOGO_FILE", logo.toString()));
        } finally {
            Files.deleteIfExists(logo);
        }
        List<Integer> after = logoImages();
        assertThat(after).as("the uploaded logo is drawn in the report's header").isNotEmpty();
        // the PDF may compress the image lossily: its colour within a few steps per channel
        Color drawn = new Color(after.get(0));
        assertThat(Math.abs(drawn.getRed() - 0x12) + Math.abs(drawn.getGreen() - 0x60) + Math.abs(drawn.getBlue() - 0x2a)).as("its colour")
                .isLessThan(12);
    }

    private void grant(String login, String role, String department) throws Exception {
        HttpResponse<String> r = postJson("/api/v1/territories/" + T + "/grants", "{\"login\": \"" + login + "\", \"role\": \"" + role + "\""
                + (department == null ? "" : ", \"department\": \"" + department + "\"") + "}", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The colour at (5, 5) of each 240 × 80 image on the first page of the territory's indicator report. */
    private List<Integer> logoImages() throws Exception {
        HttpResponse<byte[]> pdf = bytes("GET", "/api/v1/territories/" + T + "/reports/indicator/quote?level=bezirk&period=2020",
                "Authorization", ADMIN);
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<Integer> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                collect(resources.getXObject(name), out);
            }
        }
        return out;
    }

    private static void collect(Object x, List<Integer> out) throws Exception {
        if (x instanceof PDImageXObject image) {
            if (image.getWidth() == 240 && image.getHeight() == 80) {
                out.add(image.getImage().getRGB(5, 5));
            }
        } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form && form.getResources() != null) {
            for (var name : form.getResources().getXObjectNames()) {
                collect(form.getResources().getXObject(name), out);
            }
        }
    }
}
