package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.AtlasReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A territory's report look from settings.report: name, colour, logo (data URI or a file in its folder). */
class BrandingTest {
    @TempDir
    Path dir;

    private static AtlasReader.Territory territory(Map<String, Object> report) {
        return new AtlasReader.Territory("testort", "Gemeinde Testort", "gemeinde", null, 25832, null, Map.of("report", report), true, 10, 10);
    }

    private static byte[] png(Color c) throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 40, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void settingsGiveNameColourAndLogo() throws Exception {
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(Color.GREEN));
        Branding b = Branding.of(territory(Map.of("name", "Jugendamt Testort", "colour", "#123456", "logo", uri)), null);
        assertThat(b.name()).isEqualTo("Jugendamt Testort");
        assertThat(b.colourHex()).isEqualTo("#123456");
        assertThat(b.logo()).isNotNull();
        assertThat(b.logo().getRGB(5, 5) & 0xffffff).isEqualTo(0x00ff00);

        Files.createDirectories(dir.resolve("testort"));
        Files.write(dir.resolve("testort/wappen.png"), png(Color.BLUE));
        assertThat(Branding.of(territory(Map.of("logo", "wappen.png")), dir).logo()).isNotNull();
    }

    @Test
    void badSettingsFallBackInsteadOfFailing() {
        Branding b = Branding.of(territory(Map.of("colour", "red", "logo", "../../etc/passwd")), dir);
        assertThat(b.name()).isEqualTo("Gemeinde Testort");
        assertThat(b.colourHex()).isEqualTo(Branding.DEFAULT_COLOUR);
        assertThat(b.logo()).isNull();
        assertThat(Branding.of(territory(Map.of("logo", "data:image/png;base64,kaputt")), null).logo()).isNull();
    }

    @Test
    void anSvgLogoIsDrawnWithoutLoadingAnything() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"40\"><rect width=\"80\" height=\"40\" fill=\"#a6192e\"/></svg>";
        BufferedImage img = Branding.svg(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(img.getHeight()).isEqualTo(300);
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getRGB(300, 150) & 0xffffff).isEqualTo(0xa6192e);
        // an SVG that wants another file is not drawn from it
        String external = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
                + "<image xlink:href=\"file:///etc/hostname\" width=\"10\" height=\"10\"/></svg>";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Branding.svg(external.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUploadedLogoWithoutItsStoreIsLeftOut() {
        assertThat(Branding.of(territory(Map.of("logo", "upload:0123456789ab")), null, null).logo()).isNull();
    }
}
