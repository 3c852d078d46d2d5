package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.Viewer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports of half-year and school-year indicators name their periods in German and state the Stichtag. */
class PeriodReportsTest {
    private static final String T = "berichtszeitraum";
    private static final ReportService.Options OPTIONS = new ReportService.Options("de", null, 1, 150, 0.10);

    @BeforeAll
    static void data() throws Exception {
        Reports.service();
        TestAtlas.territory(T);
        String yaml = """
                indicators:
                  - {key: quote, theme: test, title: Halbjahresquote, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                     kind: ratio, numerator_label: Z, denominator_label: N, source: Test, visibility: public, periodicity: halbjahr,
                     counts_public: true}
                  - {key: schueler, theme: test, title: Schülerzahl, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: Test, visibility: public, periodicity: schuljahr}
                """;
        new CatalogueImporter(TestAtlas.dataSource()).importFile(T, new ImportSource("k.yaml", yaml.getBytes(StandardCharsets.UTF_8), "test"));
        String csv = """
                Gebiet;Indikator;Zeitraum;Zähler;Nenner;Wert
                01;quote;1. Hj. 2015;10;100;
                02;quote;2015-H1;20;100;
                03;quote;30.06.2015;30;100;
                04;quote;2015-06-30;40;100;
                01;quote;2. Hj. 2015;40;100;
                02;quote;12/2015;30;100;
                03;quote;31.12.2015;20;100;
                04;quote;2015-H2;10;100;
                01;schueler;2023/24;;;100
                02;schueler;2023/24;;;200
                03;schueler;2023/24;;;300
                04;schueler;2023/24;;;400
                """;
        new ValueImporter(TestAtlas.dataSource()).importFile(T, new ImportSource("w.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
    }

    @Test
    void indicatorReportOfAHalfYearNamesItAndItsStichtag() throws Exception {
        Rendered pdf = Reports.service().indicator(Viewer.ANONYMOUS, T, "quote", "bezirk", "1. Hj. 2015", ReportFormat.PDF, OPTIONS);
        assertThat(pdf.fileName()).contains("2015-H1");
        String text = Tools.text(Tools.write(pdf.fileName(), pdf.body())).replaceAll("\\s+", " ");
        assertThat(text).contains("1. Halbjahr 2015").contains("30.06.2015");
        // the table of the first half-year: 10 % in Bezirk 1, the total 25 % = (10 + 20 + 30 + 40) / 400
        Rendered xlsx = Reports.service().indicator(Viewer.ANONYMOUS, T, "quote", "bezirk", "2015-H1", ReportFormat.XLSX, OPTIONS);
        String sheet = cells(xlsx.body());
        assertThat(sheet).contains("1. Halbjahr 2015").contains("Bezirk 1|10.0").contains("25.0");
        // the second half-year by its Stichtag
        String second = cells(Reports.service().indicator(Viewer.ANONYMOUS, T, "quote", "bezirk", "31.12.2015", ReportFormat.XLSX, OPTIONS).body());
        assertThat(second).contains("2. Halbjahr 2015").contains("Bezirk 1|40.0");
        assertThatThrownBy(() -> Reports.service().indicator(Viewer.ANONYMOUS, T, "quote", "bezirk", "2015-Q3", ReportFormat.PDF, OPTIONS))
                .isInstanceOf(ReportProblem.BadRequest.class).hasMessageContaining("2015-H1");
    }

    @Test
    void profileAndComparisonLabelEachIndicatorsOwnPeriod() throws Exception {
        String profile = cells(Reports.service().profile(Viewer.ANONYMOUS, T, "01", null, ReportFormat.XLSX, OPTIONS).body());
        assertThat(profile).contains("2. Halbjahr 2015").contains("Schuljahr 2023/24");
        // a year asks each indicator for its latest period in that year
        String comparison = cells(Reports.service().comparison(Viewer.ANONYMOUS, T, List.of("01", "02"), null, "2015", ReportFormat.XLSX,
                OPTIONS).body());
        assertThat(comparison).contains("2. Halbjahr 2015").doesNotContain("Schuljahr");
        // in English the periods speak English too
        String english = cells(Reports.service().profile(Viewer.ANONYMOUS, T, "01", null, ReportFormat.XLSX,
                new ReportService.Options("en", null, 1, 150, 0.10)).body());
        assertThat(english).contains("H2 2015").contains("School year 2023/24").doesNotContain("Halbjahr 2015");
        Rendered pdf = Reports.service().profile(Viewer.ANONYMOUS, T, "01", null, ReportFormat.PDF, OPTIONS);
        String text = Tools.text(Tools.write(pdf.fileName(), pdf.body())).replaceAll("\\s+", " ");
        assertThat(text).contains("Schuljahr 2023/24").contains("15.10.2023");
    }

    /** Every cell of the first sheet, rows joined by newlines, cells by '|'. */
    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder b = new StringBuilder();
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getSheetAt(0)) {
                for (Cell c : r) {
                    b.append(switch (c.getCellType()) {
                        case NUMERIC -> String.valueOf(c.getNumericCellValue());
                        case STRING -> c.getStringCellValue();
                        default -> "";
                    }).append('|');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
