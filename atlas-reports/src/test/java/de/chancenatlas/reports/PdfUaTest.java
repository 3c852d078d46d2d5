package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.Viewer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** Accessibility of the PDFs: tagged, language, title shown, PDF/UA-1 identification beside PDF/A, and veraPDF's PDF/UA-1 check. */
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
        assertThat(ua.isCompliant()).as(Tools.failures(ua)).isTrue();
    }

    @Test
    void everyReportTypePassesPdfUaAndPdfA() throws Exception {
        for (Rendered r : java.util.List.of(
                Reports.service().indicator(Viewer.ANONYMOUS, "koeln", "anteil_unter_6", "stadtteil", "2012", ReportFormat.PDF, ReportService.Options.DEFAULT),
                Reports.service().comparison(Viewer.ANONYMOUS, "koeln", java.util.List.of("101", "102"), null, null, ReportFormat.PDF,
                        ReportService.Options.DEFAULT))) {
            Tools.write("ua-" + r.fileName(), r.body());
            ValidationResult ua = Tools.vera(r.body(), PDFAFlavour.PDFUA_1);
            assertThat(ua.isCompliant()).as(r.fileName() + "\n" + Tools.failures(ua)).isTrue();
            ValidationResult pdfa = Tools.vera(r.body(), PDFAFlavour.PDFA_2_B);
            assertThat(pdfa.isCompliant()).as(r.fileName() + "\n" + Tools.failures(pdfa)).isTrue();
        }
    }
}
