package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.core.style.Classification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every report type for Köln, as the public sees it, against the read path: the numbers in the
 * documents are the read API's German-formatted values, fonts are embedded, PDF/A holds, pages are
 * not blank and the map shows the classes' colours.
 */
class KoelnReportsTest {
    private static final String KEY = "anteil_unter_6";
    private static final ReportService.Options OPTIONS = ReportService.Options.DEFAULT;

    private static ReportService service() {
        return Reports.service();
    }

    private static AtlasReader reader() {
        return Reports.reader();
    }

    /** The read API's values of an indicator on a level in a period, by unit code. */
    private static Map<String, AtlasReader.Value> values(String key, String level, Object period) throws Exception {
        return reader().values(Viewer.ANONYMOUS, "koeln", key, level, String.valueOf(period)).orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, v -> v));
    }

    private static String formatted(AtlasReader.Value v) {
        return v == null ? "x" : v.formatted();
    }

    /** The line of a pdftotext -layout table that starts with a unit's code and name. */
    private static String line(String text, String code, String name) {
        return Arrays.stream(text.split("\n")).filter(l -> l.trim().startsWith(code + " ") && l.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table line for " + code + " " + name));
    }

    @Test
    void indicatorReportPdfHasTheReadApiNumbersEmbeddedFontsAndIsPdfA() throws Exception {
        Rendered r = service().indicator(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil", "2012", ReportFormat.PDF, OPTIONS);
        assertThat(r.contentType()).isEqualTo("application/pdf");
        Path pdf = Tools.write(r.fileName(), r.body());
        String text = Tools.text(pdf);
        AtlasReader.Indicator ind = reader().indicator(Viewer.ANONYMOUS, "koeln", KEY).orElseThrow();
        assertThat(text).contains("Stadt Köln").contains("Indikatorbericht").contains("Datenstand: 31.12.2012").contains(ind.definition());
        // the title may wrap in the header; its words are all there
        assertThat(text.replaceAll("\\s+", " ")).contains(ind.title());
        Map<String, AtlasReader.Value> now = values(KEY, "stadtteil", 2012);
        assertThat(now).hasSize(86);
        for (AtlasReader.Unit u : reader().units(Viewer.ANONYMOUS, "koeln", "stadtteil", 2012)) {
            AtlasReader.Value v = now.get(u.code());
            assertThat(line(text, u.code(), u.name())).as(u.name()).contains(" " + v.formatted() + " ")
                    .contains(ValueText.count(v.numerator())).contains(ValueText.count(v.denominator()));
        }
        // the city total, aggregated by the database, as the API gives it
        AtlasReader.Value total = values(KEY, "stadt", 2012).values().iterator().next();
        assertThat(text).containsPattern("Köln\\s+" + total.formatted().replace(".", "\\.") + "\\s");

        List<String[]> fonts = Tools.fonts(pdf);
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f[f.length - 4]).as("embedded: " + String.join(" ", f)).isEqualTo("yes"));

        ValidationResult pdfa = Tools.vera(r.body(), PDFAFlavour.PDFA_2_B);
        assertThat(pdfa.isCompliant()).as(Tools.failures(pdfa)).isTrue();
    }

    @Test
    void mapPageShowsTheClassColoursOfTheMapLayer() throws Exception {
        Rendered r = service().indicator(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil", "2012", ReportFormat.PDF, OPTIONS);
        Path png = Tools.page(Tools.write("map-" + r.fileName(), r.body()), 1, 100);
        BufferedImage page = ImageIO.read(png.toFile());
        assertThat(nonWhiteShare(page)).as("page 1 is not blank").isGreaterThan(0.05);
        Classification classes = service().maps.classification(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil").orElseThrow();
        assertThat(classes.classes()).isGreaterThanOrEqualTo(3);
        for (String colour : classes.colours()) {
            assertThat(count(page, java.awt.Color.decode(colour), 6)).as("pixels of class colour " + colour).isGreaterThan(200);
        }
    }

    @Test
    void profileAndComparisonPdfsHaveTheReadApiNumbers() throws Exception {
        Rendered profile = service().profile(Viewer.ANONYMOUS, "koeln", "101", "2012", ReportFormat.PDF, OPTIONS);
        String text = Tools.text(Tools.write(profile.fileName(), profile.body())).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("Stadt Köln").contains("Gebietsprofil: Altstadt/Süd").contains("Lage");
        String parent = reader().units(Viewer.ANONYMOUS, "koeln", "stadtteil", null).stream().filter(u -> u.code().equals("101"))
                .findFirst().orElseThrow().parentCode();
        for (AtlasReader.Indicator ind : reader().indicators(Viewer.ANONYMOUS, "koeln")) {
            assertThat(text.replaceAll("\\s+", " ")).contains(ind.title().substring(0, Math.min(25, ind.title().length())));
            // a level the indicator is not published on reads "x" (no data), as in the public API
            String unit = formatted(values(ind.key(), "stadtteil", 2012).get("101"));
            String city = formatted(values(ind.key(), "stadt", 2012).values().stream().findFirst().orElse(null));
            String district = formatted(values(ind.key(), "stadtbezirk", 2012).get(parent));
            assertThat(text).as(ind.key()).containsPattern("\\s" + unit.replace(".", "\\.") + " " + city.replace(".", "\\.") + " "
                    + district.replace(".", "\\.") + "\\s");
        }
        ValidationResult pdfa = Tools.vera(profile.body(), PDFAFlavour.PDFA_2_B);
        assertThat(pdfa.isCompliant()).as(Tools.failures(pdfa)).isTrue();
        assertThat(Tools.fonts(Tools.write(profile.fileName(), profile.body())))
                .allSatisfy(f -> assertThat(f[f.length - 4]).isEqualTo("yes"));
        BufferedImage page = ImageIO.read(Tools.page(Tools.write(profile.fileName(), profile.body()), 1, 60).toFile());
        assertThat(nonWhiteShare(page)).isGreaterThan(0.03);

        Rendered comparison = service().comparison(Viewer.ANONYMOUS, "koeln", List.of("101", "905"), List.of("einwohner", KEY), "2012",
                ReportFormat.PDF, OPTIONS);
        String ctext = Tools.text(Tools.write(comparison.fileName(), comparison.body())).replaceAll("[ \\t]+", " ");
        assertThat(ctext).contains("Vergleich: Altstadt/Süd, Dellbrück").contains("Stadt Köln");
        for (String key : List.of("einwohner", KEY)) {
            Map<String, AtlasReader.Value> v = values(key, "stadtteil", 2012);
            String city = values(key, "stadt", 2012).values().iterator().next().formatted();
            assertThat(ctext).containsPattern("\\s" + String.join(" ", v.get("101").formatted(), v.get("905").formatted(), city)
                    .replace(".", "\\.") + "\\s");
        }
        assertThat(ctext).doesNotContain("Anteil der Kinder unter 3 Jahren");
        ValidationResult cpdfa = Tools.vera(comparison.body(), PDFAFlavour.PDFA_2_B);
        assertThat(cpdfa.isCompliant()).as(Tools.failures(cpdfa)).isTrue();
    }

    @Test
    void docxAndXlsxHoldTheValues() throws Exception {
        Map<String, AtlasReader.Value> now = values(KEY, "stadtteil", 2012);
        Rendered docx = service().indicator(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil", "2012", ReportFormat.DOCX, OPTIONS);
        Tools.write(docx.fileName(), docx.body());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            String text = words.getText();
            assertThat(text).contains("Stadt Köln").contains("Werte aller Gebiete").contains("Altstadt/Süd").contains(now.get("101").formatted())
                    .contains(now.get("909").formatted());
        }
        Rendered xlsx = service().indicator(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil", "2012", ReportFormat.XLSX, OPTIONS);
        Tools.write(xlsx.fileName(), xlsx.body());
        DataFormatter german = new DataFormatter(java.util.Locale.GERMANY);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Map<String, String> byCode = new java.util.HashMap<>();
            for (Row row : wb.getSheetAt(0)) {
                String code = german.formatCellValue(row.getCell(0));
                if (now.containsKey(code)) {
                    byCode.put(code, german.formatCellValue(row.getCell(2)));
                    assertThat(row.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                }
            }
            assertThat(byCode).hasSize(86);
            now.forEach((code, v) -> assertThat(byCode.get(code)).as(code).isEqualTo(v.formatted()));
        }
        Rendered pxlsx = service().profile(Viewer.ANONYMOUS, "koeln", "905", "2012", ReportFormat.XLSX, OPTIONS);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(pxlsx.body()))) {
            StringBuilder all = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> all.append(german.formatCellValue(c)).append('|')));
            assertThat(all.toString()).contains("Dellbrück").contains("|" + values("einwohner", "stadtteil", 2012).get("905").formatted() + "|");
        }
    }

    @Test
    void imageExtractsHaveTheRequestedResolution() throws Exception {
        for (ReportFormat f : List.of(ReportFormat.PNG, ReportFormat.JPG)) {
            for (String part : List.of("map", "ranking", "timeseries", "table")) {
                Rendered r = service().indicator(Viewer.ANONYMOUS, "koeln", KEY, "stadtteil", "2012", f,
                        new ReportService.Options("de", part, 1, 150, 0.1));
                Tools.write(r.fileName(), r.body());
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
                assertThat(img).as(part + " " + f).isNotNull();
                int expectedWidth = switch (part) {
                    case "map" -> Images.pixels(16, 150);
                    case "table" -> Math.round(595 * 150 / 72f);
                    default -> (int) Math.round(453 * 150 / 72.0);
                };
                assertThat(img.getWidth()).as(part).isEqualTo(expectedWidth);
                assertThat(nonWhiteShare(img)).as(part + " not blank").isGreaterThan(0.01);
            }
        }
        Rendered locator = service().profile(Viewer.ANONYMOUS, "koeln", "101", null, ReportFormat.PNG, new ReportService.Options("de", "map", 1, 300, 0.1));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(locator.body()));
        assertThat(img.getWidth()).isEqualTo(Images.pixels(12, 300));
        assertThat(count(img, service().branding(reader().territory(Viewer.ANONYMOUS, "koeln").orElseThrow()).colour(), 40))
                .as("the unit is highlighted").isGreaterThan(100);
    }

    @Test
    void kreisDuerenRendersToo() throws Exception {
        Rendered r = service().indicator(Viewer.ANONYMOUS, "kreis-dueren", reader().indicators(Viewer.ANONYMOUS, "kreis-dueren").get(0).key(),
                null, null, ReportFormat.PDF, OPTIONS);
        String text = Tools.text(Tools.write(r.fileName(), r.body()));
        assertThat(text).contains("Kreis Düren");
        ValidationResult pdfa = Tools.vera(r.body(), PDFAFlavour.PDFA_2_B);
        assertThat(pdfa.isCompliant()).as(Tools.failures(pdfa)).isTrue();
    }

    static double nonWhiteShare(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    n++;
                }
            }
        }
        return n / ((img.getWidth() / 2.0) * (img.getHeight() / 2.0));
    }

    static long count(BufferedImage img, java.awt.Color c, int tolerance) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - c.getRed()) <= tolerance && Math.abs(((p >> 8) & 0xff) - c.getGreen()) <= tolerance
                        && Math.abs((p & 0xff) - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
