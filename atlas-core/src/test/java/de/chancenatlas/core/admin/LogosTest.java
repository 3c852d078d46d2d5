package de.chancenatlas.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What passes as a logo: real PNG, JPEG and plain SVG drawings; nothing that scripts, loads or explodes. */
class LogosTest {
    private static byte[] image(String format, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static String refusal(byte[] content) {
        try {
            Logos.check(content);
            return null;
        } catch (FieldErrors e) {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("logo");
            return e.errors().get(0).message();
        }
    }

    @Test
    void imagesAreRecognisedByTheirContentNotTheirName() throws Exception {
        assertThat(Logos.check(image("png", 40, 20))).isEqualTo("image/png");
        assertThat(Logos.check(image("jpeg", 40, 20))).isEqualTo("image/jpeg");
        assertThat(Logos.check("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle r=\"4\" cx=\"5\" cy=\"5\"/></svg>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("image/svg+xml");
        assertThat(refusal("GIF89a....".getBytes(StandardCharsets.UTF_8))).contains("PNG, JPEG oder SVG");
        assertThat(refusal(new byte[0])).contains("leer");
    }

    @Test
    void aSmallFileDeclaringAHugeImageIsRefusedBeforeDecoding() throws Exception {
        byte[] png = image("png", 16, 16);
        // IHDR follows the 8-byte signature and the chunk's length and type: width and height at 16 and 20
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertThat(refusal(png)).contains("100000 × 100000");
        assertThat(refusal(image("png", 4, 4))).contains("8–4000");
    }

    @Test
    void svgThatScriptsOrLoadsIsRefused() {
        String ns = "xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        for (String svg : new String[] {
            "<svg " + ns + "><script>alert(1)</script></svg>",
            "<svg " + ns + " onload=\"alert(1)\"/>",
            "<svg " + ns + "><a xlink:href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a></svg>",
            "<svg " + ns + "><image href=\"https://example.org/x.png\" width=\"1\" height=\"1\"/></svg>",
            "<svg " + ns + "><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
            "<svg " + ns + "><style>@import url(https://example.org/x.css);</style></svg>",
            "<svg " + ns + "><rect style=\"fill: url(https://example.org/p.svg#x)\" width=\"1\" height=\"1\"/></svg>",
            "<svg " + ns + "><rect fill=\"url('https://example.org/p.svg#x')\" width=\"1\" height=\"1\"/></svg>",
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg " + ns + ">&x;</svg>",
            "<html><svg " + ns + "/></html>",
        }) {
            assertThat(refusal(svg.getBytes(StandardCharsets.UTF_8))).as(svg).isNotNull();
        }
        // references inside the drawing are fine
        assertThat(refusal(("<svg " + ns + "><defs><linearGradient id=\"g\"/></defs><rect fill=\"url(#g)\" width=\"1\" height=\"1\"/>"
                + "<rect style=\"fill: url( '#g')\" width=\"1\" height=\"1\"/>"
                + "<use xlink:href=\"#g\"/></svg>").getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
