package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.core.text.Periodicity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reporting dates as they come: half-year, monthly, school-year and fixed-date indicators imported
 * in every accepted notation, read back with their keys, Stichtage and German labels, aggregated
 * per period; and a rate-only indicator aggregating as a weighted mean.
 */
class PeriodsTest {
    private static final Viewer STAFF = Viewer.internal("test");
    private static String t;
    private final ValueImporter importer = new ValueImporter(TestAtlas.dataSource());
    private final AtlasReader reader = new AtlasReader(TestAtlas.database());

    @BeforeAll
    static void catalogue() throws Exception {
        t = TestAtlas.territory("periods");
        String yaml = """
                indicators:
                  - {key: sgb2_quote, theme: test, title: SGB-II-Quote, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                     kind: ratio, numerator_label: Leistungsberechtigte, denominator_label: Einwohner unter 65, source: BA,
                     periodicity: halbjahr}
                  - {key: arbeitslose, theme: test, title: Arbeitslose, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: BA, periodicity: monat}
                  - {key: schueler, theme: test, title: Schülerinnen und Schüler, definition: d, unit_label: Anzahl, decimals: 0,
                     kind: count, source: IT.NRW, periodicity: schuljahr}
                  - {key: kita_kinder, theme: test, title: Kinder in Kitas, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: IT.NRW, periodicity: '01.03.'}
                  - {key: einwohner, theme: test, title: Einwohner, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: Melderegister}
                  - {key: amtliche_quote, theme: test, title: Amtliche Quote, definition: d, unit_label: '%', decimals: 1, kind: value,
                     source: Land, aggregation: weighted_mean, weight_indicator: einwohner}
                  - {key: index_ohne, theme: test, title: Index ohne Zusammenfassung, definition: d, unit_label: Punkte, decimals: 1,
                     kind: value, source: Land}
                  - {key: hj_anteil, theme: test, title: Halbjahresanteil, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                     kind: ratio, numerator_label: Z, denominator_label: N, source: Test, visibility: public, periodicity: halbjahr}
                """;
        new CatalogueImporter(TestAtlas.dataSource()).importFile(t, source("katalog.yaml", yaml));
    }

    private static ImportSource source(String name, String text) {
        return new ImportSource(name, text.getBytes(StandardCharsets.UTF_8), "test");
    }

    private ImportResult load(String name, String csv) throws Exception {
        return importer.importFile(t, source(name, csv), ValueImporter.Options.NONE, Progress.NONE);
    }

    private Map<String, AtlasReader.Value> values(String indicator, String level, String period) throws Exception {
        return reader.values(STAFF, t, indicator, level, period).orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, v -> v));
    }

    @Test
    void periodicityReadsEveryGermanNotationAndRefusesWhatDoesNotFit() {
        Periodicity half = Periodicity.parse("halbjahr");
        for (String s : List.of("2015-H1", "2015 H1", "H1 2015", "1. Hj. 2015", "1. Halbjahr 2015", "1.Hj.2015", "30.06.2015", "2015-06-30",
                "06/2015", "2015-06", "6/2015")) {
            assertThat(half.stichtag(s)).as(s).isEqualTo(LocalDate.of(2015, 6, 30));
        }
        assertThat(half.stichtag("2. Hj. 2015")).isEqualTo(LocalDate.of(2015, 12, 31));
        for (String s : List.of("2015", "15.06.2015", "2015-Q2", "2015-H3", "2015/16", "")) {
            assertThatThrownBy(() -> half.stichtag(s)).as(s).isInstanceOf(Periodicity.NotAPeriod.class).hasMessageContaining("2015-H1");
        }
        Periodicity month = Periodicity.parse("monatlich");
        for (String s : List.of("2015-06", "06/2015", "Juni 2015", "Jun. 2015", "30.06.2015", "2015-06-30")) {
            assertThat(month.stichtag(s)).as(s).isEqualTo(LocalDate.of(2015, 6, 30));
        }
        assertThat(month.stichtag("Februar 2016")).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThatThrownBy(() -> month.stichtag("01.06.2015")).isInstanceOf(Periodicity.NotAPeriod.class);
        Periodicity quarter = Periodicity.parse("quartal");
        for (String s : List.of("2015-Q2", "Q2 2015", "2. Quartal 2015", "2. Qu. 2015", "30.06.2015", "06/2015")) {
            assertThat(quarter.stichtag(s)).as(s).isEqualTo(LocalDate.of(2015, 6, 30));
        }
        Periodicity school = Periodicity.parse("schuljahr");
        assertThat(school.code()).isEqualTo("school_year:10-15");
        for (String s : List.of("2023/24", "2023/2024", "Schuljahr 2023/24", "SJ 2023/24", "15.10.2023", "2023-10-15")) {
            assertThat(school.stichtag(s)).as(s).isEqualTo(LocalDate.of(2023, 10, 15));
        }
        assertThat(Periodicity.parse("schuljahr 01.03.").stichtag("2023/24")).as("a spring Stichtag lies in the second year")
                .isEqualTo(LocalDate.of(2024, 3, 1));
        assertThatThrownBy(() -> school.stichtag("2023/25")).isInstanceOf(Periodicity.NotAPeriod.class);
        assertThatThrownBy(() -> school.stichtag("2023")).isInstanceOf(Periodicity.NotAPeriod.class);
        Periodicity kita = Periodicity.parse("01.03.");
        assertThat(kita.code()).isEqualTo("yearly:03-01");
        for (String s : List.of("2023", "01.03.2023", "1.3.2023", "2023-03-01")) {
            assertThat(kita.stichtag(s)).as(s).isEqualTo(LocalDate.of(2023, 3, 1));
        }
        assertThatThrownBy(() -> kita.stichtag("31.12.2023")).isInstanceOf(Periodicity.NotAPeriod.class);
        Periodicity year = Periodicity.parse(null);
        for (String s : List.of("2015", "31.12.2015", "2015-12-31", "2015.0")) {
            assertThat(year.stichtag(s)).as(s).isEqualTo(LocalDate.of(2015, 12, 31));
        }
        assertThatThrownBy(() -> year.stichtag("1850")).isInstanceOf(Periodicity.NotAPeriod.class);
        assertThatThrownBy(() -> Periodicity.parse("wöchentlich")).isInstanceOf(Periodicity.NotAPeriod.class);
        assertThatThrownBy(() -> Periodicity.parse("29.02.")).isInstanceOf(Periodicity.NotAPeriod.class);
    }

    @Test
    void halfYearsInEveryNotationAggregatePerPeriodWithGermanLabels() throws Exception {
        // one file, every notation; each half-year's counts differ so a mix-up would show
        String csv = """
                Gebiet;Indikator;Zeitraum;Zähler;Nenner
                01;sgb2_quote;2015-H1;10;100
                02;sgb2_quote;1. Hj. 2015;30;200
                03;sgb2_quote;30.06.2015;5;100
                04;sgb2_quote;2015-06-30;15;100
                01;sgb2_quote;2. Halbjahr 2015;20;100
                02;sgb2_quote;06/2015;1;1
                """;
        // 02 appears twice for the first half-year (1. Hj. 2015 and 06/2015): refused as a duplicate, nothing written
        assertThatThrownBy(() -> load("sgb2.csv", csv)).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.DUPLICATE_ROW));
        String fixed = csv.replace("02;sgb2_quote;06/2015;1;1\n", "02;sgb2_quote;12/2015;40;200\n03;sgb2_quote;2015-12-31;5;100\n"
                + "04;sgb2_quote;H2 2015;15;100\n");
        assertThat(load("sgb2.csv", fixed).written()).isEqualTo(8);

        Map<String, AtlasReader.Value> h1 = values("sgb2_quote", "bezirk", "2015-H1");
        assertThat(h1).hasSize(4);
        assertThat(h1.get("02").value()).isEqualByComparingTo("15.0");
        assertThat(h1.get("02").period()).isEqualTo("2015-H1");
        assertThat(h1.get("02").stichtag()).isEqualTo("2015-06-30");
        assertThat(h1.get("02").periodLabel()).isEqualTo("1. Halbjahr 2015");
        // exact per period: (10 + 30 + 5 + 15) / 500 = 12 %, (20 + 40 + 5 + 15) / 500 = 16 %
        AtlasReader.Value total1 = values("sgb2_quote", "gesamt", "2015-H1").get("T");
        assertThat(total1.numerator()).isEqualByComparingTo("60");
        assertThat(total1.value()).isEqualByComparingTo("12.0");
        AtlasReader.Value total2 = values("sgb2_quote", "gesamt", "2. Hj. 2015").get("T");
        assertThat(total2.numerator()).isEqualByComparingTo("80");
        assertThat(total2.value()).isEqualByComparingTo("16.0");
        assertThat(total2.periodLabel()).isEqualTo("2. Halbjahr 2015");
        // the query reads the key, the Stichtag or any German form; a bare year is the year's latest period
        assertThat(values("sgb2_quote", "gesamt", "30.06.2015").get("T").value()).isEqualByComparingTo("12.0");
        assertThat(values("sgb2_quote", "gesamt", "2015-06-30").get("T").value()).isEqualByComparingTo("12.0");
        assertThat(values("sgb2_quote", "gesamt", "2015").get("T").period()).isEqualTo("2015-H2");
        assertThatThrownBy(() -> values("sgb2_quote", "gesamt", "15.06.2015")).isInstanceOf(Periodicity.NotAPeriod.class);

        AtlasReader.Indicator ind = reader.indicator(STAFF, t, "sgb2_quote").orElseThrow();
        assertThat(ind.periodicity()).isEqualTo("half_year");
        assertThat(ind.periods()).containsExactly(new AtlasReader.Period("2015-H1", "2015-06-30", "1. Halbjahr 2015"),
                new AtlasReader.Period("2015-H2", "2015-12-31", "2. Halbjahr 2015"));
        // the same rows in Stichtag order
        assertThat(reader.values(STAFF, t, "sgb2_quote", "gesamt", null).orElseThrow()).extracting(AtlasReader.Value::period)
                .containsExactly("2015-H1", "2015-H2");
    }

    @Test
    void aFormThatDoesNotFitThePeriodicityNamesItsLine() throws Exception {
        String csv = """
                unit,indicator,period,value
                01,arbeitslose,2015-06,12
                02,arbeitslose,15.06.2015,7
                03,arbeitslose,2015,9
                04,schueler,2023,300
                """;
        List<AtlasReader.Period> before = reader.indicator(STAFF, t, "arbeitslose").orElseThrow().periods();
        assertThatThrownBy(() -> load("falsch.csv", csv)).isInstanceOfSatisfying(ImportRejected.class, e -> {
            assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 4, 5);
            assertThat(e.problems()).allMatch(p -> p.kind() == Problem.Kind.BAD_PERIOD);
            assertThat(e.problems().get(0).de()).contains("15.06.2015").contains("monatlich").contains("Juni 2015");
            assertThat(e.problems().get(2).de()).contains("Schuljahr").contains("2023/24");
        });
        assertThat(reader.indicator(STAFF, t, "arbeitslose").orElseThrow().periods()).as("nothing written").isEqualTo(before);
    }

    @Test
    void monthsSchoolYearsAndKitaDatesInEveryNotationWideAndLong() throws Exception {
        // wide by period: one column per month, in three notations
        String wide = "Gebiet;2015-05;06/2015;Juli 2015\n01;3;4;5\n02;10;20;30\n03;1;1;1\n04;0;0;0\n";
        importer.importFile(t, source("alo.csv", wide), new ValueImporter.Options(null, null, "arbeitslose"), Progress.NONE);
        List<AtlasReader.Period> alo = reader.indicator(STAFF, t, "arbeitslose").orElseThrow().periods().stream()
                .filter(p -> p.stichtag().startsWith("2015")).toList();
        assertThat(alo).extracting(AtlasReader.Period::periodLabel).containsExactly("Mai 2015", "Juni 2015", "Juli 2015");
        assertThat(alo).extracting(AtlasReader.Period::period).containsExactly("2015-05", "2015-06", "2015-07");
        assertThat(values("arbeitslose", "gesamt", "Juni 2015").get("T").value()).isEqualByComparingTo("25");
        assertThat(values("arbeitslose", "gesamt", "2015-07").get("T").value()).isEqualByComparingTo("36");

        String school = """
                Gebiet;Indikator;Schuljahr;Wert
                01;schueler;2023/24;100
                02;schueler;Schuljahr 2023/24;200
                03;schueler;2023/2024;300
                04;schueler;15.10.2023;400
                01;schueler;2024/25;110
                """;
        load("schueler.csv", school);
        AtlasReader.Value s = values("schueler", "gesamt", "2023/24").get("T");
        assertThat(s.value()).isEqualByComparingTo("1000");
        assertThat(s.periodLabel()).isEqualTo("Schuljahr 2023/24");
        assertThat(s.stichtag()).isEqualTo("2023-10-15");
        // 2024/25: only one of four units delivered, the total says so
        AtlasReader.Value next = values("schueler", "gesamt", "2024/25").get("T");
        assertThat(next.value()).isEqualByComparingTo("110");
        assertThat(next.status()).isEqualTo("incomplete");

        load("kita.csv", "unit,indicator,period,value\n01,kita_kinder,2023,40\n02,kita_kinder,01.03.2023,50\n03,kita_kinder,2023-03-01,60\n"
                + "04,kita_kinder,1.3.2023,70\n");
        AtlasReader.Value kita = values("kita_kinder", "gesamt", "2023").get("T");
        assertThat(kita.value()).isEqualByComparingTo("220");
        assertThat(kita.period()).isEqualTo("2023-03-01");
        assertThat(kita.periodLabel()).isEqualTo("01.03.2023");
    }

    @Test
    void aRateOnlyIndicatorAggregatesAsTheMeanWeightedByItsNamedIndicator() throws Exception {
        load("einwohner.csv", "unit,indicator,period,value\n01,einwohner,2020,1000\n02,einwohner,2020,3000\n03,einwohner,2020,500\n"
                + "04,einwohner,2020,500\n");
        load("quote.csv", "unit,indicator,period,value\n01,amtliche_quote,2020,10\n02,amtliche_quote,2020,20\n03,amtliche_quote,2020,4\n"
                + "04,amtliche_quote,2020,8\n01,index_ohne,2020,1\n02,index_ohne,2020,2\n");
        // (10 * 1000 + 20 * 3000 + 4 * 500 + 8 * 500) / 5000 = 76000 / 5000 = 15.2, not the plain mean 10.5
        AtlasReader.Value total = values("amtliche_quote", "gesamt", "2020").get("T");
        assertThat(total.value()).isEqualByComparingTo("15.2");
        assertThat(total.aggregated()).isTrue();
        assertThat(total.status()).isEqualTo("ok");

        // a level that can have no values says why, in the API and when publishing
        AtlasReader.Indicator none = reader.indicator(STAFF, t, "index_ohne").orElseThrow();
        assertThat(none.coverage("gesamt").hasValues()).isFalse();
        assertThat(none.coverage("gesamt").reason()).isEqualTo("not_aggregated");
        assertThat(none.coverage("gesamt").reasonDe()).contains("nicht zusammengefasst").contains("bezirk");
        assertThat(none.coverage("bezirk").hasValues()).isTrue();
        assertThat(values("index_ohne", "gesamt", null)).isEmpty();
        AtlasReader.Indicator weighted = reader.indicator(STAFF, t, "amtliche_quote").orElseThrow();
        assertThat(weighted.coverage("gesamt").hasValues()).isTrue();
        assertThat(weighted.weightIndicator()).isEqualTo("einwohner");
        assertThat(reader.indicator(STAFF, t, "kita_kinder").orElseThrow().levels()).isNotEmpty();

        Publication publication = new Publication(TestAtlas.dataSource());
        publication.publish(t, "index_ohne", null, "test");
        List<Map<String, String>> warnings = publication.warnings(t, "index_ohne", null);
        assertThat(warnings).extracting(w -> w.get("level")).containsExactly("gesamt");
        assertThat(warnings.get(0).get("reason")).isEqualTo("not_aggregated");
        assertThat(publication.warnings(t, "amtliche_quote", List.of("gesamt", "bezirk"))).isEmpty();
        // the public is told the level is published but cannot have values, and why
        AtlasReader.Indicator pub = reader.indicator(Viewer.ANONYMOUS, t, "index_ohne").orElseThrow();
        assertThat(pub.coverage("gesamt").reason()).isEqualTo("not_aggregated");
        publication.withdraw(t, "index_ohne", null, "test");
    }

    @Test
    void aWeightedMeanNeedsAWeightOfTheTerritoryAndAChangedPeriodicityMustFitTheStoredValues() throws Exception {
        CatalogueImporter catalogue = new CatalogueImporter(TestAtlas.dataSource());
        String noWeight = """
                indicators:
                  - {key: ohne_gewicht, theme: test, title: X, definition: d, unit_label: '%', kind: value, source: S, aggregation: weighted_mean}
                  - {key: falsches_gewicht, theme: test, title: X, definition: d, unit_label: '%', kind: value, source: S,
                     aggregation: weighted_mean, weight_indicator: sgb2_quote}
                  - {key: falsche_periode, theme: test, title: X, definition: d, unit_label: '%', kind: value, source: S, periodicity: woche}
                """;
        assertThatThrownBy(() -> catalogue.importFile(t, source("k.yaml", noWeight))).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.problems()).extracting(Problem::column).containsExactlyInAnyOrder("indicators[0].weight_indicator",
                        "indicators[1].weight_indicator", "indicators[2].periodicity"));
        load("kita-extra.csv", "unit,indicator,period,value\n01,kita_kinder,2022,40\n");
        String toYear = """
                indicators:
                  - {key: kita_kinder, theme: test, title: Kinder in Kitas, definition: d, unit_label: Anzahl, decimals: 0, kind: count,
                     source: IT.NRW, periodicity: jahr}
                """;
        assertThatThrownBy(() -> catalogue.importFile(t, source("k2.yaml", toYear))).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.problems().get(0).de()).contains("01.03.2022"));
        assertThat(reader.indicator(STAFF, t, "kita_kinder").orElseThrow().periodicity()).isEqualTo("yearly:03-01");
    }

    @Test
    void historyAndRevertWorkPerPeriod() throws Exception {
        load("h1.csv", "unit,indicator,period,value\n01,arbeitslose,2016-01,5\n01,arbeitslose,2016-02,6\n");
        ImportResult fix = load("h1-fix.csv", "unit,indicator,period,value\n01,arbeitslose,Februar 2016,7\n");
        assertThat(fix.written()).isEqualTo(1);
        assertThat(values("arbeitslose", "bezirk", "2016-02").get("01").value()).isEqualByComparingTo("7");
        assertThat(values("arbeitslose", "bezirk", "2016-01").get("01").value()).isEqualByComparingTo("5");
        new Batches(TestAtlas.dataSource()).revert(t, fix.batchId(), "test");
        assertThat(values("arbeitslose", "bezirk", "2016-02").get("01").value()).isEqualByComparingTo("6");
        assertThat(values("arbeitslose", "bezirk", "2016-01").get("01").value()).isEqualByComparingTo("5");
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value_history h join atlas.indicator i using (indicator_id) "
                + "join atlas.territory x on x.territory_id = i.territory_id where x.key = ? and i.key = 'arbeitslose'", t)).isZero();
    }

    @Test
    void disclosureControlJudgesEachHalfYearOnItsOwn() throws Exception {
        // one case in Bezirk 1 in the first half-year only: withheld there with the next-smallest sibling, not in the second
        load("hj.csv", "unit,indicator,period,numerator,denominator\n01,hj_anteil,2016-H1,1,1000\n02,hj_anteil,2016-H1,50,1000\n"
                + "03,hj_anteil,2016-H1,60,1000\n04,hj_anteil,2016-H1,70,1000\n01,hj_anteil,2016-H2,40,1000\n02,hj_anteil,2016-H2,50,1000\n"
                + "03,hj_anteil,2016-H2,60,1000\n04,hj_anteil,2016-H2,70,1000\n");
        Map<String, String> h1 = reader.values(Viewer.ANONYMOUS, t, "hj_anteil", "bezirk", "2016-H1").orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, AtlasReader.Value::status));
        Map<String, String> h2 = reader.values(Viewer.ANONYMOUS, t, "hj_anteil", "bezirk", "2016-H2").orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, AtlasReader.Value::status));
        assertThat(h1).containsEntry("01", "suppressed").containsEntry("02", "suppressed").containsEntry("03", "ok").containsEntry("04", "ok");
        assertThat(h2).containsOnly(Map.entry("01", "ok"), Map.entry("02", "ok"), Map.entry("03", "ok"), Map.entry("04", "ok"));
        // staff see the true first half-year
        assertThat(values("hj_anteil", "bezirk", "1. Hj. 2016").get("01").value()).isEqualByComparingTo("0.1");
    }

    @Test
    void theMinimumPopulationOfAHalfYearIsThePopulationOfTheLastThirtyFirstOfDecember() throws Exception {
        String p = TestAtlas.territory("periods-pop");
        String yaml = """
                indicators:
                  - {key: quote, theme: test, title: Quote, definition: d, unit_label: '%', scale_factor: 100, decimals: 1, kind: ratio,
                     numerator_label: Z, denominator_label: N, source: Test, visibility: public, periodicity: halbjahr, counts_public: true}
                """;
        new CatalogueImporter(TestAtlas.dataSource()).importFile(p, source("k.yaml", yaml));
        new Publication(TestAtlas.dataSource()).saveSettings(p, Map.of("min_population", 300, "population_indicator", "anzahl"), null, "test");
        String csv = "unit,indicator,period,value,numerator,denominator\n"
                + "01,anzahl,2015,200,,\n02,anzahl,2015,500,,\n03,anzahl,2015,600,,\n04,anzahl,2015,700,,\n"
                + "01,quote,2016-H1,,50,1000\n02,quote,2016-H1,,50,1000\n03,quote,2016-H1,,50,1000\n04,quote,2016-H1,,50,1000\n"
                + "03,quote,2017-H1,,50,1000\n";
        importer.importFile(p, source("pop.csv", csv), ValueImporter.Options.NONE, Progress.NONE);
        Map<String, String> h1 = reader.values(Viewer.ANONYMOUS, p, "quote", "bezirk", "2016-H1").orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, AtlasReader.Value::status));
        // 30.06.2016 is judged by the population of 31.12.2015: Bezirk 1 (200) is too small, Bezirk 3 (600) is not
        assertThat(h1).containsEntry("01", "suppressed").containsEntry("03", "ok");
        // a year and a half later that population no longer counts: unknown counts as too small
        assertThat(reader.values(Viewer.ANONYMOUS, p, "quote", "bezirk", "2017-H1").orElseThrow()).extracting(AtlasReader.Value::status)
                .containsOnly("suppressed");
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
