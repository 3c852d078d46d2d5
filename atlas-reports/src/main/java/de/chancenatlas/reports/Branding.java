package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A territory's look in its reports, from {@code settings.report} of the territory (docs/reports.md):
 * {@code name} (who publishes, default the territory's name), {@code colour} (primary colour, hex),
 * {@code logo} (a {@code data:image/png;base64,...} URI, or a file name in the territory's folder
 * under the branding directory), and {@code footnote}/{@code sources} free texts.
 */
public record Branding(String name, Color colour, BufferedImage logo, String colourHex) {
    static final String DEFAULT_COLOUR = "#1f4e79";

    static Branding of(AtlasReader.Territory t, Path brandingDir) {
        Map<String, Object> r = settings(t);
        String name = r.get("name") instanceof String s && !s.isBlank() ? s : t.name();
        String hex = r.get("colour") instanceof String s && s.matches("#[0-9a-fA-F]{6}") ? s : DEFAULT_COLOUR;
        return new Branding(name, Color.decode(hex), logo(r.get("logo"), brandingDir == null ? null : brandingDir.resolve(t.key())), hex);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> settings(AtlasReader.Territory t) {
        Object r = t.settings() == null ? null : t.settings().get("report");
        return r instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A logo that cannot be read is left out rather than failing the report; the file name must stay in the folder. */
    private static BufferedImage logo(Object spec, Path folder) {
        if (!(spec instanceof String s) || s.isBlank()) {
            return null;
        }
        try {
            byte[] bytes;
            if (s.startsWith("data:")) {
                bytes = Base64.getDecoder().decode(s.substring(s.indexOf(',') + 1));
            } else {
                if (folder == null || !s.matches("[A-Za-z0-9._-]+") ) {
                    return null;
                }
                Path p = folder.resolve(s);
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                bytes = Files.readAllBytes(p);
            }
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            return img == null ? null : Images.opaque(img);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
