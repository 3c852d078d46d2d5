package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.Viewer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Accessibility of the PDFs: tagged, language, title shown, PDF/UA-1 identification beside PDF/A.
 * The full PDF/UA-1 check by veraPDF is run and its open points printed (see docs/reports.md for
 * where it stands); what the document claims is asserted.
 */
class PdfUaTest {
    @Test
    void pdfsAreTaggedAndClaimPdfUaBesidePdfA() throws Exception {
        Rendered r = Reports.service().profile(Viewer.ANONYMOUS, "koeln", "101", null, ReportFormat.PDF, ReportService.Options.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            var cat = doc.getDocumentCatalog();
            assertThat(cat.getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(cat.getMarkInfo().isMarked()).isTrue();
            assertThat(cat.getLanguage()).startsWith("de");
            assertThat(cat.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Gebietsprofil: Altstadt/Süd");
            String xmp = new String(cat.getMetadata().exportXMPMetadata().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfuaid:part>1</pdfuaid:part>").contains("pdfaid:part");
        }
        ValidationResult pdfa = Tools.vera(r.body(), PDFAFlavour.PDFA_2_B);
        assertThat(pdfa.isCompliant()).as(Tools.failures(pdfa)).isTrue();
        ValidationResult ua = Tools.vera(r.body(), PDFAFlavour.PDFUA_1);
        System.out.println("PDF/UA-1 (veraPDF): " + (ua.isCompliant() ? "compliant" : "open points:\n" + Tools.failures(ua)));
    }
}
