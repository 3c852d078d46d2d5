package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input: every problem is reported with line, column, the offending value and a German and
 * English message, and nothing at all is written, not even a batch.
 */
class ValueImportProblemsTest {
    private static String t;

    @BeforeAll
    static void territory() {
        t = TestAtlas.territory("bad-input");
    }

    private static ImportRejected reject(String csv, ValueImporter.Limits limits) {
        long values = TestAtlas.count("select count(*) from atlas.indicator_value");
        long batches = TestAtlas.count("select count(*) from atlas.import_batch");
        var importer = new ValueImporter(TestAtlas.dataSource(), limits);
        var thrown = assertThatThrownBy(() -> importer.importFile(t, new ImportSource("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE)).isInstanceOf(ImportRejected.class);
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value")).as("values written").isEqualTo(values);
        assertThat(TestAtlas.count("select count(*) from atlas.import_batch")).as("batches written").isEqualTo(batches);
        ImportRejected[] out = new ImportRejected[1];
        thrown.satisfies(e -> out[0] = (ImportRejected) e);
        for (Problem p : out[0].problems()) {
            assertThat(p.de()).isNotBlank();
            assertThat(p.en()).isNotBlank().isNotEqualTo(p.de());
        }
        return out[0];
    }

    private static ImportRejected reject(String csv) {
        return reject(csv, ValueImporter.Limits.DEFAULT);
    }

    @Test
    void unknownUnitCodeNamesLineAndCodeAndAllOtherProblemsToo() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n99;anzahl;2020;6\n02;unbekannt;2020;7\n03;anzahl;2020;sieben\n");
        assertThat(e.problems()).extracting(Problem::line, Problem::column, Problem::value, Problem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "unit", "99", Problem.Kind.UNKNOWN_UNIT),
                org.assertj.core.groups.Tuple.tuple(4, "indicator", "unbekannt", Problem.Kind.UNKNOWN_INDICATOR),
                org.assertj.core.groups.Tuple.tuple(5, "wert", "sieben", Problem.Kind.BAD_NUMBER));
        assertThat(e.problems().get(0).de()).contains("99");
        assertThat(e.problems().get(0).en()).contains("Unknown unit code '99'");
    }

    @Test
    void codeThatLostItsLeadingZeroIsExplained() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert\n1;anzahl;2020;5\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_UNIT_ZEROS);
            assertThat(p.de()).contains("„01“");
        });
    }

    @Test
    void periodOutsideTheUnitsValidity() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert\n01;anzahl;1999;5\n");
        assertThat(e.problems()).singleElement().extracting(Problem::kind, Problem::line, Problem::value)
                .containsExactly(Problem.Kind.PERIOD_OUTSIDE_VALIDITY, 2, "1999");
    }

    @Test
    void numeratorAboveDenominatorZeroDenominatorAndHalfCounts() {
        ImportRejected e = reject("gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;11;10\n02;quote;2020;1;0\n03;quote;2020;1;\n"
                + "04;anzahl;2020;1;2\n");
        assertThat(e.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.NUMERATOR_EXCEEDS_DENOMINATOR,
                Problem.Kind.ZERO_DENOMINATOR, Problem.Kind.COUNTS_INCOMPLETE, Problem.Kind.COUNTS_NOT_FOR_INDICATOR);
    }

    @Test
    void duplicateRowsNameTheFirstLine() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n02;anzahl;2020;6\n01;anzahl;2020;5\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.DUPLICATE_ROW);
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.de()).contains("Zeile 2");
        });
    }

    @Test
    void valueThatContradictsItsCountsAndBadPeriodAndStatus() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert;zaehler;nenner;status\n01;quote;2020;30,0;1;4;\n02;quote;20x0;;1;4;\n"
                + "03;quote;2020;;1;4;fraglich\n");
        assertThat(e.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.VALUE_MISMATCH, Problem.Kind.BAD_PERIOD,
                Problem.Kind.BAD_STATUS);
    }

    @Test
    void plainDecimalPointInGermanFileAndTooManyFieldsAreNotGuessed() {
        ImportRejected e = reject("gebiet;indikator;jahr;wert\n01;index;2020;12.5\n");
        assertThat(e.problems()).singleElement().extracting(Problem::kind).isEqualTo(Problem.Kind.BAD_NUMBER);
        e = reject("unit,indicator,period,value\n01,index,2020,2,5\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_COLUMN_COUNT);
            assertThat(p.line()).isEqualTo(2);
        });
    }

    @Test
    void missingAndUnknownColumns() {
        assertThat(reject("indikator;jahr;wert\nanzahl;2020;5\n").problems()).extracting(Problem::kind).containsExactly(Problem.Kind.MISSING_COLUMN);
        assertThat(reject("gebiet;indikator;jahr;wert;bemerkung\n01;anzahl;2020;5;x\n").problems()).extracting(Problem::kind, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Kind.UNKNOWN_COLUMN, "bemerkung"));
    }

    @Test
    void sizeAndRowLimitsAndEmptyFiles() {
        String three = "gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n02;anzahl;2020;5\n03;anzahl;2020;5\n";
        assertThat(reject(three, new ValueImporter.Limits(1_000_000, 2)).problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.TOO_MANY_ROWS);
        assertThat(reject(three, new ValueImporter.Limits(20, 100)).problems()).extracting(Problem::kind).containsExactly(Problem.Kind.TOO_LARGE);
        assertThat(reject("gebiet;indikator;jahr;wert\n").problems()).extracting(Problem::kind).containsExactly(Problem.Kind.EMPTY_FILE);
        assertThat(reject("PK\u0003\u0004garbage").problems()).extracting(Problem::kind).containsExactly(Problem.Kind.UNREADABLE);
    }

    @Test
    void manyProblemsAreCountedButTheListIsBounded() {
        StringBuilder csv = new StringBuilder("gebiet;indikator;jahr;wert\n");
        for (int i = 0; i < 1500; i++) {
            csv.append("X").append(i).append(";anzahl;2020;1\n");
        }
        ImportRejected e = reject(csv.toString());
        assertThat(e.total()).isEqualTo(1500);
        assertThat(e.problems()).hasSize(ImportRejected.MAX_LISTED);
    }

    @Test
    void aRateAgreesWithItsCountsAsPrintedAtFullPrecisionOrToTheIndicatorsDecimals() {
        java.math.BigDecimal computed = new java.math.BigDecimal(727).multiply(java.math.BigDecimal.valueOf(100))
                .divide(new java.math.BigDecimal(3090), java.math.MathContext.DECIMAL128);
        // 23.5286 prints more than the indicator's one decimal and agrees there: the counts are stored, not the value
        for (String ok : new String[] {"23.527508090614887", "23.52750809061489", "23.5275", "23.53", "23.5", "24", "23.5286"}) {
            assertThat(ValueImporter.agrees(new java.math.BigDecimal(ok), computed, 1)).as(ok).isTrue();
        }
        for (String bad : new String[] {"23.7", "23.3", "26", "23.58", "23.627508090614887"}) {
            assertThat(ValueImporter.agrees(new java.math.BigDecimal(bad), computed, 1)).as(bad).isFalse();
        }
    }
}
