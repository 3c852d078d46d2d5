package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Every accepted value format lands as the same numbers, read back through the read path. */
class ValueImportFormatsTest {
    private final ValueImporter importer = new ValueImporter(TestAtlas.dataSource());
    private final AtlasReader reader = new AtlasReader(TestAtlas.database());

    private ImportResult load(String territory, String name, byte[] content, ValueImporter.Options o) throws Exception {
        return importer.importFile(territory, new ImportSource(name, content, "test"), o, Progress.NONE);
    }

    /** unit code -> value of one indicator, level and period, as an internal viewer reads it. */
    private Map<String, BigDecimal> values(String territory, String indicator, String level, Object year) throws Exception {
        return reader.values(Viewer.internal("test"), territory, indicator, level, String.valueOf(year)).orElseThrow().stream()
                .filter(v -> v.value() != null)
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, AtlasReader.Value::value));
    }

    @Test
    void plainCsvInLongFormatWithCounts() throws Exception {
        String t = TestAtlas.territory("fmt-plain");
        String csv = "unit,indicator,period,numerator,denominator\n01,quote,2020,25,200\n02,quote,2020,10,400\n"
                + "03,quote,2020,0,50\n04,quote,2020,5,10\n";
        ImportResult r = load(t, "quote.csv", csv.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        assertThat(r.written()).isEqualTo(4);
        assertThat(values(t, "quote", "bezirk", "2020")).containsEntry("01", new BigDecimal("12.5")).containsEntry("02", new BigDecimal("2.5"))
                .containsEntry("03", new BigDecimal("0.0")).containsEntry("04", new BigDecimal("50.0"));
        // the total is the ratio of sums: 40 / 660 = 6.06 %, not the mean of the shares
        assertThat(values(t, "quote", "gesamt", 2020)).containsEntry("T", new BigDecimal("6.1"));
    }

    @Test
    void germanExcelDialectWithBomDecimalCommaAndThousands() throws Exception {
        String t = TestAtlas.territory("fmt-german");
        String csv = "\uFEFFGebiet;Indikator;Jahr;Wert\r\n01;index;2021;1.234,5\r\n02;index;2021;-0,25\r\n03;anzahl;2021;1.200\r\n"
                + "04;anzahl;2021;7\r\n";
        load(t, "werte.csv", csv.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        assertThat(values(t, "index", "bezirk", "2021")).containsEntry("01", new BigDecimal("1234.50")).containsEntry("02", new BigDecimal("-0.25"));
        assertThat(values(t, "anzahl", "bezirk", "2021")).containsEntry("03", new BigDecimal("1200")).containsEntry("04", new BigDecimal("7"));
        assertThat(values(t, "anzahl", "gesamt", 2021)).as("count indicators sum up").containsEntry("T", new BigDecimal("1207"));
    }

    @Test
    void windows1252WithUmlautsAndQuotedSeparators() throws Exception {
        String t = TestAtlas.territory("fmt-cp1252");
        String csv = "Gebiet;Name;Indikator;Jahr;Wert\r\n01;\"Süd; Altstadt\";index;2019;3,5\r\n02;Nörvenich;index;2019;4\r\n";
        load(t, "alt.csv", csv.getBytes(Charset.forName("windows-1252")), ValueImporter.Options.NONE);
        assertThat(values(t, "index", "bezirk", "2019")).containsEntry("01", new BigDecimal("3.50")).containsEntry("02", new BigDecimal("4.00"));
    }

    @Test
    void wideFormatOneColumnPerIndicatorWithCountColumns() throws Exception {
        String t = TestAtlas.territory("fmt-wide-ind");
        String csv = "gebiet;jahr;anzahl;quote.zaehler;quote.nenner\n01;2018;10;1;4\n02;2018;20;3;4\n";
        ImportResult r = load(t, "wide.csv", csv.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        assertThat(r.written()).isEqualTo(4);
        assertThat(values(t, "quote", "bezirk", "2018")).containsEntry("01", new BigDecimal("25.0")).containsEntry("02", new BigDecimal("75.0"));
        assertThat(values(t, "anzahl", "bezirk", "2018")).containsEntry("02", new BigDecimal("20"));
    }

    @Test
    void wideFormatOneColumnPerYearWithIndicatorGivenAsOption() throws Exception {
        String t = TestAtlas.territory("fmt-wide-year");
        String csv = "Gebiet\t2015\t2016\t2017\n01\t1,5\t2,5\t\n02\t3\t4\t5\n";
        ImportResult r = load(t, "jahre.tsv", csv.getBytes(StandardCharsets.UTF_8), new ValueImporter.Options(null, null, "index"));
        assertThat(r.written()).as("the empty cell is no value, and no error either").isEqualTo(5);
        assertThat(values(t, "index", "bezirk", "2016")).containsEntry("01", new BigDecimal("2.50")).containsEntry("02", new BigDecimal("4.00"));
    }

    @Test
    void xlsxWorkbookWithNumericAndTextCells() throws Exception {
        String t = TestAtlas.territory("fmt-xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Werte");
            Object[][] rows = {{"Gebiet", "Indikator", "Jahr", "Zähler", "Nenner"}, {"01", "quote", 2022, 3, 12}, {"02", "quote", 2022.0, "1,5", 6}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    Object v = rows[i][j];
                    if (v instanceof Number n) {
                        row.createCell(j).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(j).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
        load(t, "werte.xlsx", out.toByteArray(), ValueImporter.Options.NONE);
        assertThat(values(t, "quote", "bezirk", "2022")).containsEntry("01", new BigDecimal("25.0")).containsEntry("02", new BigDecimal("25.0"));
    }

    @Test
    void statusMarkersOfOfficialStatistics() throws Exception {
        String t = TestAtlas.territory("fmt-status");
        String csv = "gebiet;indikator;jahr;wert;status\n01;anzahl;2020;5;vorläufig\n02;anzahl;2020;.;\n03;anzahl;2020;x;\n04;anzahl;2020;9;geschätzt\n";
        load(t, "status.csv", csv.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        Map<String, String> status = reader.values(Viewer.internal("test"), t, "anzahl", "bezirk", "2020").orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, AtlasReader.Value::status));
        assertThat(status).containsEntry("01", "provisional").containsEntry("02", "secret").containsEntry("03", "no_data")
                .containsEntry("04", "estimated");
        // two of four units lack a figure: the total is marked incomplete, not passed off as complete
        List<AtlasReader.Value> total = reader.values(Viewer.internal("test"), t, "anzahl", "gesamt", "2020").orElseThrow();
        assertThat(total).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("incomplete");
            assertThat(v.value()).isEqualByComparingTo("14");
        });
    }

    @Test
    void deliveredTotalsThatContradictTheirPartsAreImportedWithWarnings() throws Exception {
        String t = TestAtlas.territory("fmt-summen");
        String parts = "unit,indicator,period,value,numerator,denominator\n01,anzahl,2020,1,,\n02,anzahl,2020,2,,\n03,anzahl,2020,3,,\n"
                + "04,anzahl,2020,4,,\n01,quote,2020,,1,10\n02,quote,2020,,2,10\n03,quote,2020,,3,10\n04,quote,2020,,4,10\n";
        assertThat(load(t, "teile.csv", parts.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE).warnings()).isEmpty();
        // totals: the count agrees, the ratio's numerator is 2 too high, its denominator agrees
        String totals = "unit,indicator,period,value,numerator,denominator\nT,anzahl,2020,10,,\nT,quote,2020,,12,40\n";
        ImportResult r = load(t, "summen.csv", totals.getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        assertThat(r.written()).isEqualTo(2);
        assertThat(r.warnings()).extracting(Problem::de)
                .containsExactly("Zähler quote von „T“ (Gesamt) im Zeitraum 2020: geliefert 12, Summe der 4 untergeordneten Gebiete 10, Differenz 2");
        // a part delivered later is checked against the total delivered before
        r = load(t, "teil-neu.csv", "unit,indicator,period,value\n04,anzahl,2020,5\n".getBytes(StandardCharsets.UTF_8), ValueImporter.Options.NONE);
        assertThat(r.warnings()).extracting(Problem::en).containsExactly("count anzahl of 'T' (Gesamt) in 2020: delivered 10, "
                + "sum of its 4 sub-units 11, difference -1");
    }
}
