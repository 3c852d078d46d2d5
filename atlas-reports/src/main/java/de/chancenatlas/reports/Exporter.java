package de.chancenatlas.reports;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRGraphics2DExporter;
import net.sf.jasperreports.engine.export.ooxml.JRDocxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleGraphics2DExporterOutput;
import net.sf.jasperreports.export.SimpleGraphics2DReportConfiguration;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Writes filled reports: PDF/A (archival, tagged for accessibility, then marked PDF/UA by
 * {@link PdfFinish}), DOCX, and single pages as images (XLSX: {@link Spreadsheet}).
 */
final class Exporter {
    /**
     * PDF/A-2b: JasperReports 7 writes the PDF/A-2 identification and OpenPDF's output passes
     * veraPDF's 2b profile (see ReportPdfTest); 2b rather than 1b because 1b forbids transparency.
     */
    static final PdfaConformanceEnum CONFORMANCE = PdfaConformanceEnum.PDFA_2B;
    private static final Path ICC = sRgbProfile();

    private Exporter() {
    }

    /** The JDK's sRGB profile as the PDF/A output intent, written once to a temporary file (the exporter reads a path). */
    private static Path sRgbProfile() {
        try {
            Path p = Files.createTempFile("atlas-srgb-", ".icc");
            Files.write(p, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(JasperPrint print, String title, String author, String subject, String language) {
        return pdf(java.util.List.of(print), title, author, subject, language);
    }

    /** Several filled reports as one document (the report book). */
    static byte[] pdf(java.util.List<JasperPrint> prints, String title, String author, String subject, String language) {
        try {
            JRPdfExporter e = new JRPdfExporter();
            e.setExporterInput(SimpleExporterInput.getInstance(prints));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            e.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration c = new SimplePdfExporterConfiguration();
            c.setPdfaConformance(CONFORMANCE);
            c.setIccProfilePath(ICC.toString());
            c.setTagged(true);
            c.setTagLanguage(language);
            c.setMetadataTitle(title);
            c.setMetadataAuthor(author);
            c.setMetadataSubject(subject);
            c.setMetadataCreator("Chancenatlas");
            c.setDisplayMetadataTitle(true);
            e.setConfiguration(c);
            e.exportReport();
            return PdfFinish.finish(out.toByteArray(), title, language);
        } catch (JRException ex) {
            throw new IllegalStateException("PDF-Ausgabe fehlgeschlagen / PDF export failed", ex);
        }
    }

    static byte[] docx(JasperPrint print) {
        try {
            JRDocxExporter e = new JRDocxExporter();
            e.setExporterInput(new SimpleExporterInput(print));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            e.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            e.exportReport();
            return out.toByteArray();
        } catch (JRException ex) {
            throw new IllegalStateException("DOCX-Ausgabe fehlgeschlagen / DOCX export failed", ex);
        }
    }

    /** One page as an image at a resolution (the page is 72 units per inch). */
    static BufferedImage page(JasperPrint print, int pageIndex, int dpi) {
        try {
            float zoom = dpi / 72f;
            BufferedImage img = new BufferedImage(Math.round(print.getPageWidth() * zoom), Math.round(print.getPageHeight() * zoom),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            JRGraphics2DExporter e = new JRGraphics2DExporter();
            e.setExporterInput(new SimpleExporterInput(print));
            SimpleGraphics2DExporterOutput o = new SimpleGraphics2DExporterOutput();
            o.setGraphics2D(g);
            e.setExporterOutput(o);
            SimpleGraphics2DReportConfiguration c = new SimpleGraphics2DReportConfiguration();
            c.setPageIndex(pageIndex);
            c.setZoomRatio(zoom);
            e.setConfiguration(c);
            e.exportReport();
            g.dispose();
            return img;
        } catch (JRException ex) {
            throw new IllegalStateException("Bildausgabe fehlgeschlagen / image export failed", ex);
        }
    }
}
