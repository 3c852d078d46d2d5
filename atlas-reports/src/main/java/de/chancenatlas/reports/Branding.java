package de.chancenatlas.reports;

import de.chancenatlas.core.admin.Logos;
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
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.ParsedURL;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

/**
 * A territory's look in its reports, from {@code settings.report} of the territory (docs/reports.md):
 * {@code name} (who publishes, default the territory's name), {@code colour} (primary colour, hex),
 * {@code logo} ({@code upload:…}, the logo uploaded in the admin console; a {@code data:image/png;base64,...}
 * URI; or a file name in the territory's folder under the branding directory), and {@code footnote}/{@code sources}
 * free texts. PNG, JPEG and SVG logos are drawn; SVG is rasterised here (Batik), without loading anything.
 */
public record Branding(String name, Color colour, BufferedImage logo, String colourHex) {
    static final String DEFAULT_COLOUR = "#1f4e79";

    static Branding of(AtlasReader.Territory t, Path brandingDir) {
        return of(t, brandingDir, null);
    }

    /** @param logos the uploaded logos (may be null: then an {@code upload:} logo is left out) */
    static Branding of(AtlasReader.Territory t, Path brandingDir, Logos logos) {
        Map<String, Object> r = settings(t);
        String name = r.get("name") instanceof String s && !s.isBlank() ? s : t.name();
        String hex = r.get("colour") instanceof String s && s.matches("#[0-9a-fA-F]{6}") ? s : DEFAULT_COLOUR;
        BufferedImage logo;
        if (r.get("logo") instanceof String s && s.startsWith(Logos.PREFIX)) {
            logo = uploaded(t.key(), logos);
        } else {
            logo = logo(r.get("logo"), brandingDir == null ? null : brandingDir.resolve(t.key()));
        }
        return new Branding(name, Color.decode(hex), logo, hex);
    }

    private static BufferedImage uploaded(String territory, Logos logos) {
        if (logos == null) {
            return null;
        }
        try {
            var l = logos.find(territory);
            if (l.isEmpty()) {
                return null;
            }
            BufferedImage img = "image/svg+xml".equals(l.get().mediaType()) ? svg(l.get().content())
                    : ImageIO.read(new ByteArrayInputStream(l.get().content()));
            return img == null ? null : Images.opaque(img);
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            return null;   // as below: a report without logo rather than no report
        }
    }

    /** An SVG drawn at a height of 300 pixels (2,5 cm at 300 dpi in the header); external resources and scripts are refused. */
    static BufferedImage svg(byte[] content) throws IOException {
        UserAgentAdapter agent = new UserAgentAdapter() {
            @Override
            public void checkLoadExternalResource(ParsedURL resource, ParsedURL doc) {
                if (resource == null || !"data".equals(resource.getProtocol())) {
                    throw new SecurityException("external resource");
                }
            }

            @Override
            public void checkLoadScript(String type, ParsedURL script, ParsedURL doc) {
                throw new SecurityException("script");
            }
        };
        BridgeContext ctx = new BridgeContext(agent, new DocumentLoader(agent));
        ctx.setDynamicState(BridgeContext.STATIC);
        SVGDocument doc = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                .createSVGDocument("file:/logo.svg", new ByteArrayInputStream(content));
        GraphicsNode node = new GVTBuilder().build(ctx, doc);
        java.awt.geom.Dimension2D size = ctx.getDocumentSize();
        double w = size == null || size.getWidth() <= 0 ? 400 : size.getWidth();
        double h = size == null || size.getHeight() <= 0 ? 200 : size.getHeight();
        double scale = 300 / h;
        int pw = (int) Math.max(1, Math.min(2000, Math.round(w * scale)));
        BufferedImage img = new BufferedImage(pw, 300, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(scale, scale);
        node.paint(g);
        g.dispose();
        return img;
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
