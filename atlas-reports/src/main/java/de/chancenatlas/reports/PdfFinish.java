package de.chancenatlas.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * The finishing touches JasperReports (OpenPDF) leaves out, done with PDFBox:
 * <ul>
 * <li>PDF/A: OpenPDF writes a CIDSet for subset fonts that lists only the glyphs used, which PDF/A-2
 *     forbids (6.2.11.4.2); PDF/A-2 does not need a CIDSet, so it is removed.</li>
 * <li>PDF/UA-1 table headers: every TH gets Scope Column (JasperReports writes TH without it).</li>
 * <li>PDF/UA-1 artifacts: untagged drawing is marked as such ({@link PdfArtifacts}).</li>
 * <li>PDF/UA-1 identification: {@code pdfuaid:part} in the XMP metadata (next to the PDF/A
 *     identification, which stays, with the extension schema PDF/A requires for it), dc:title,
 *     MarkInfo/Marked, the document language and DisplayDocTitle. Whether the content itself meets
 *     PDF/UA is the templates' part (headings, table headers, alternative texts).</li>
 * </ul>
 */
final class PdfFinish {
    private PdfFinish() {
    }

    static byte[] finish(byte[] pdf, String title, String language) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                    org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
                    if (font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font t0 && t0.getDescendantFont() != null
                            && t0.getDescendantFont().getFontDescriptor() != null) {
                        t0.getDescendantFont().getFontDescriptor().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.CID_SET);
                    }
                }
            }
            PDDocumentCatalog cat = doc.getDocumentCatalog();
            PDMetadata meta = cat.getMetadata();
            if (meta != null) {
                String xmp;
                try (InputStream in = meta.exportXMPMetadata()) {
                    xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                meta = new PDMetadata(doc);
                meta.importXMPMetadata(withPdfUaId(xmp, title).getBytes(StandardCharsets.UTF_8));
                cat.setMetadata(meta);
            }
            if (cat.getStructureTreeRoot() != null) {
                scopeTableHeaders(cat.getStructureTreeRoot().getKids());
                PdfArtifacts.mark(doc);
            }
            PDMarkInfo mark = cat.getMarkInfo() == null ? new PDMarkInfo() : cat.getMarkInfo();
            mark.setMarked(true);
            cat.setMarkInfo(mark);
            if (cat.getLanguage() == null) {
                cat.setLanguage(language);
            }
            PDViewerPreferences prefs = cat.getViewerPreferences() == null
                    ? new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary()) : cat.getViewerPreferences();
            prefs.setDisplayDocTitle(true);
            cat.setViewerPreferences(prefs);
            doc.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDF/UA 7.5: a table header cell says what it heads; the report tables have their headers on top, so each heads a column. */
    private static void scopeTableHeaders(java.util.List<Object> kids) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("TH".equals(e.getStandardStructureType())) {
                    var table = new org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject();
                    table.setScope(org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject.SCOPE_COLUMN);
                    e.addAttribute(table);
                }
                scopeTableHeaders(e.getKids());
            }
        }
    }

    /** Adds the PDF/UA schema's part number as its own rdf:Description (XMP allows several). */
    static String withPdfUaId(String xmp, String title) {
        if (xmp.contains("pdfuaid:part")) {
            return xmp;
        }
        String desc = "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part>"
                + "</rdf:Description>";
        if (!xmp.contains("pdfaExtension:schemas")) {
            // PDF/A allows properties outside its predefined schemas only when described in an extension schema
            desc += EXTENSION;
        }
        if (!xmp.contains("<dc:title>")) {
            desc += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt>"
                    + "<rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title></rdf:Description>";
        }
        int end = xmp.lastIndexOf("</rdf:RDF>");
        return end < 0 ? xmp : xmp.substring(0, end) + desc + xmp.substring(end);
    }

    private static final String EXTENSION = """
            <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
            <pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
            <pdfaProperty:category>internal</pdfaProperty:category>\
            <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>\
            </rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>""";

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
