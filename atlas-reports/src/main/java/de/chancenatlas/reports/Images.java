package de.chancenatlas.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/** Image helpers: opaque RGB (PDF/A-1 forbids transparency), and PNG/JPEG files that carry their resolution. */
public final class Images {
    private Images() {
    }

    /** The image on white, without alpha channel. */
    public static BufferedImage opaque(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Pixels for a length in centimetres at a resolution. */
    public static int pixels(double cm, int dpi) {
        return (int) Math.round(cm / 2.54 * dpi);
    }

    /** PNG or JPEG bytes with the resolution written into the file (pHYs / JFIF density). */
    public static byte[] encode(BufferedImage img, boolean jpeg, int dpi) {
        try {
            Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png");
            ImageWriter w = it.next();
            ImageWriteParam param = w.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
            }
            BufferedImage rgb = opaque(img);
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
            try {
                if (jpeg) {
                    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_jpeg_image_1.0");
                    IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                    jfif.setAttribute("resUnits", "1");
                    jfif.setAttribute("Xdensity", String.valueOf(dpi));
                    jfif.setAttribute("Ydensity", String.valueOf(dpi));
                    meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
                } else {
                    IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                    String perMetre = String.valueOf(Math.round(dpi / 0.0254));
                    phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                    phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                    phys.setAttribute("unitSpecifier", "meter");
                    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                    root.appendChild(phys);
                    meta.mergeTree("javax_imageio_png_1.0", root);
                }
            } catch (javax.imageio.metadata.IIOInvalidTreeException | RuntimeException e) {
                // a writer without these nodes: the image is still right, only without its resolution
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(rgb, null, meta), param);
            } finally {
                w.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
