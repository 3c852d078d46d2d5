package de.chancenatlas.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analyst's attack on constructed small counts (sql/V8): rates times public denominators, and
 * sums and differences of public figures across the hierarchy and across declared relations. The
 * linear attack is solved exactly ({@link LinearAudit}), not tried on a few combinations; and it is
 * shown to find the leak where the relations are not declared, so it is no test that cannot fail.
 *
 * <p>Territory: total T over Bezirke 01–04 (TestAtlas), threshold 5 (above the default 3), with
 * Einwohner, Kinder unter 6, Kinder 6 bis unter 18 and Kinder unter 18 as public counts, and the
 * share of children under 6 whose counts are not public.
 */
class SecrecyAgainstArithmeticTest {
    private static final int YEAR = 2020;
    private static final List<String> UNITS = List.of("T", "01", "02", "03", "04");
    private final AtlasReader reader = new AtlasReader(TestAtlas.database());
    private final Publication publication = new Publication(TestAtlas.dataSource());

    private static final String INDICATORS = """
            indicators:
              - {key: einwohner, theme: test, title: Einwohner, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                 visibility: public, counts_public: true}
              - {key: unter6, theme: test, title: Kinder unter 6, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                 visibility: public, counts_public: true}
              - {key: ab6, theme: test, title: Kinder 6 bis unter 18, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                 visibility: public, counts_public: true}
              - {key: kinder, theme: test, title: Kinder unter 18, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                 visibility: public, counts_public: true}
              - {key: anteil_unter6, theme: test, title: Anteil unter 6, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                 kind: ratio, numerator_label: Kinder unter 6, denominator_label: Einwohner, source: Test, visibility: public}
            """;
    private static final String RELATIONS = """
            relations:
              - {sum: kinder, of: [unter6, ab6]}
              - {sum: unter6, of: [anteil_unter6]}
              - {denominator: einwohner, of: [anteil_unter6, quote]}
            """;

    private void load(String t, String csv) throws Exception {
        new ValueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("werte.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
    }

    private void catalogue(String t, String yaml) throws Exception {
        new CatalogueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("katalog.yaml", yaml.getBytes(StandardCharsets.UTF_8), "test"));
    }

    /** The linked fixture: unter6 in 01 is 3 (below 5); kinder = unter6 + ab6 everywhere. */
    private String linked(String key, boolean declareRelations) throws Exception {
        String t = TestAtlas.territory(key);
        catalogue(t, INDICATORS + (declareRelations ? RELATIONS : ""));
        load(t, "gebiet;indikator;jahr;wert\n"
                + "01;einwohner;2020;4000\n02;einwohner;2020;5000\n03;einwohner;2020;6000\n04;einwohner;2020;7000\n"
                + "01;unter6;2020;3\n02;unter6;2020;250\n03;unter6;2020;300\n04;unter6;2020;400\n"
                + "01;ab6;2020;500\n02;ab6;2020;600\n03;ab6;2020;700\n04;ab6;2020;800\n"
                + "01;kinder;2020;503\n02;kinder;2020;850\n03;kinder;2020;1000\n04;kinder;2020;1200\n");
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;anteil_unter6;2020;3;4000\n02;anteil_unter6;2020;250;5000\n"
                + "03;anteil_unter6;2020;300;6000\n04;anteil_unter6;2020;400;7000\n");
        publication.saveSettings(t, Map.of("threshold", 5), null, "test");
        return t;
    }

    private Map<String, AtlasReader.Value> pub(String t, String indicator) throws Exception {
        Map<String, AtlasReader.Value> out = new LinkedHashMap<>();
        for (var v : reader.values(Viewer.ANONYMOUS, t, indicator, null, String.valueOf(YEAR)).orElseThrow()) {
            out.put(v.unitCode(), v);
        }
        return out;
    }

    /**
     * The linear attack: unknowns are the true counts of every indicator and unit (a ratio's count is
     * its numerator); known are the relations (hierarchy sums, declared sums) and every exactly
     * published count. Returns the withheld counts that are nevertheless determined.
     */
    private List<String> recoverable(String t, boolean withRelations) throws Exception {
        List<String> indicators = List.of("einwohner", "unter6", "ab6", "kinder", "anteil_unter6");
        LinearAudit audit = new LinearAudit();
        for (String i : indicators) {
            // hierarchy: T = 01 + 02 + 03 + 04
            audit.relation(Map.of(i + "@T", 1, i + "@01", -1, i + "@02", -1, i + "@03", -1, i + "@04", -1));
        }
        if (withRelations) {
            for (String u : UNITS) {
                audit.relation(Map.of("kinder@" + u, 1, "unter6@" + u, -1, "ab6@" + u, -1));
                audit.relation(Map.of("unter6@" + u, 1, "anteil_unter6@" + u, -1));
            }
        }
        List<String> withheld = new ArrayList<>();
        for (String i : indicators) {
            for (var e : pub(t, i).entrySet()) {
                String cell = i + "@" + e.getKey();
                AtlasReader.Value v = e.getValue();
                boolean count = !i.startsWith("anteil");
                if (count && v.value() != null) {
                    audit.known(cell);
                } else if (v.numerator() != null) {
                    audit.known(cell);
                } else if ("suppressed".equals(v.status())) {
                    withheld.add(cell);
                }
            }
        }
        assertThat(withheld).as("the fixture withholds something").isNotEmpty();
        return withheld.stream().filter(audit::determined).toList();
    }

    @Test
    void noWithheldCountIsASumOrDifferenceOfPublicFiguresAcrossDeclaredRelations() throws Exception {
        String t = linked("sdc-linked", true);
        Map<String, AtlasReader.Value> unter6 = pub(t, "unter6");
        Map<String, AtlasReader.Value> ab6 = pub(t, "ab6");
        Map<String, AtlasReader.Value> kinder = pub(t, "kinder");
        assertThat(unter6.get("01").status()).as("primary: 3 < 5").isEqualTo("suppressed");
        assertThat(unter6.get("02").status()).as("secondary in the hierarchy").isEqualTo("suppressed");
        // kinder - ab6 would give unter6 back: the relation withholds ab6 where unter6 is withheld
        assertThat(ab6.get("01").status()).isEqualTo("suppressed");
        assertThat(ab6.get("02").status()).isEqualTo("suppressed");
        assertThat(kinder.get("01").value()).isEqualByComparingTo("503");
        // the share counts unter6: withheld with it, and its figure times the public Einwohner gives nothing
        assertThat(pub(t, "anteil_unter6").get("02").status()).isEqualTo("suppressed");
        assertThat(recoverable(t, true)).as("withheld counts determined by the public figures").isEmpty();

        // the administrator's report names the rules
        Map<String, Object> report = publication.disclosureReport(t);
        @SuppressWarnings("unchecked")
        Map<String, Long> totals = (Map<String, Long>) report.get("totals");
        assertThat(totals.get("primary")).isPositive();
        assertThat(totals.get("secondary")).isPositive();
        assertThat(totals.get("relation")).isPositive();
        assertThat(report.get("rules").toString()).contains("Primäre Geheimhaltung", "verknüpfte Indikatoren");
    }

    @Test
    void withoutTheDeclaredRelationsTheSameFiguresWouldGiveTheSmallCountAway() throws Exception {
        // the audit is no formality: relations that exist in the data but are not declared leak
        String t = linked("sdc-undeclared", false);
        assertThat(pub(t, "ab6").get("01").status()).isEqualTo("ok");
        assertThat(recoverable(t, true)).contains("unter6@01");
    }

    @Test
    void aRateLeavesAtLeastMinCandidatesNumeratorsOrGoesOutCoarserOrNotAtAll() throws Exception {
        String t = TestAtlas.territory("sdc-rates");
        publication.saveSettings(t, Map.of("threshold", 5), null, "test");
        // 40/400: no precision leaves 5 numerators of a denominator under 500; 300/1200 = 25.0 % at one decimal
        // would leave 300 alone (steps of 1.2 people), as a whole percent 294..305; 123/6000 = 2.05 %;
        // 04 has the smallest count and is withheld with 01, so that the total does not give 01 away
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;40;400\n02;quote;2020;300;1200\n03;quote;2020;123;6000\n"
                + "04;quote;2020;50;6000\n");
        Map<String, AtlasReader.Value> q = pub(t, "quote");
        assertThat(q.get("01").status()).isEqualTo("suppressed");
        assertThat(q.get("04").status()).isEqualTo("suppressed");
        assertThat(q.get("02").value()).isEqualTo(new BigDecimal("25"));
        assertThat(q.get("02").formatted()).isEqualTo("25");
        assertThat(q.get("03").formatted()).isEqualTo("2,1");
        Map<String, BigDecimal> denominators = Map.of("01", bd(400), "02", bd(1200), "03", bd(6000), "04", bd(6000), "T", bd(13600));
        for (var e : q.entrySet()) {
            AtlasReader.Value v = e.getValue();
            if (v.value() != null) {
                assertThat(v.value().scale()).as("at most the declared decimals").isLessThanOrEqualTo(1);
                assertThat(Candidates.count(v.value(), denominators.get(e.getKey()), bd(100), false, 5, false))
                        .as("numerators possible for %s in %s", v.value(), e.getKey()).isGreaterThanOrEqualTo(5);
                assertThat(v.numerator()).isNull();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> totals = (Map<String, Long>) publication.disclosureReport(t).get("totals");
        assertThat(totals.get("ambiguity")).isEqualTo(1);
        assertThat(totals.get("coarser")).isPositive();
        // the rule follows the threshold: at the default 3 the same 40/400 goes out as a whole percent
        publication.saveSettings(t, Map.of("threshold", 3), null, "test");
        assertThat(pub(t, "quote").get("01").formatted()).isEqualTo("10");
    }

    @Test
    void ratesJoinedByAPublicTotalGoOutCoarserWhereTheirRangesWouldIntersectInOneCount() throws Exception {
        String t = TestAtlas.territory("sdc-ranges");
        catalogue(t, """
                indicators:
                  - {key: kinder, theme: test, title: Kinder, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test,
                     visibility: public, counts_public: true}
                  - {key: a_u6, theme: test, title: Anteil unter 6, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                     kind: ratio, numerator_label: Z, denominator_label: Einwohner, source: Test, visibility: public}
                  - {key: a_6_18, theme: test, title: Anteil 6 bis 18, definition: d, unit_label: '%', scale_factor: 100, decimals: 1,
                     kind: ratio, numerator_label: Z, denominator_label: Einwohner, source: Test, visibility: public}
                relations:
                  - {sum: kinder, of: [a_u6, a_6_18]}
                """);
        publication.saveSettings(t, Map.of("threshold", 5), null, "test");
        // 01: 1234 of 10000 = 12.3 % (1225..1234), 2344 = 23.4 % (2335..2344), 3578 minors: 3578 - 2344 = 1234 exactly
        load(t, "gebiet;indikator;jahr;wert\n01;kinder;2020;3578\n02;kinder;2020;4000\n03;kinder;2020;4000\n04;kinder;2020;4000\n");
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;a_u6;2020;1234;10000\n02;a_u6;2020;1500;10000\n03;a_u6;2020;1500;10000\n"
                + "04;a_u6;2020;1500;10000\n01;a_6_18;2020;2344;10000\n02;a_6_18;2020;2500;10000\n03;a_6_18;2020;2500;10000\n"
                + "04;a_6_18;2020;2500;10000\n");
        Map<String, AtlasReader.Value> u6 = pub(t, "a_u6");
        Map<String, AtlasReader.Value> from6 = pub(t, "a_6_18");
        Map<String, AtlasReader.Value> kinder = pub(t, "kinder");
        assertThat(u6.get("01").formatted()).as("one decimal would give 1234 away").isEqualTo("12");
        assertThat(from6.get("01").formatted()).isEqualTo("23");
        assertThat(u6.get("02").formatted()).isEqualTo("15,0");
        Map<String, BigDecimal> denominators = Map.of("01", bd(10000), "02", bd(10000), "03", bd(10000), "04", bd(10000), "T", bd(40000));
        for (String unit : UNITS) {
            long[] a = Candidates.range(u6.get(unit).value(), denominators.get(unit), bd(100));
            long[] b = Candidates.range(from6.get(unit).value(), denominators.get(unit), bd(100));
            long total = kinder.get(unit).value().longValueExact();
            assertThat(Math.min(a[1], total - b[0]) - Math.max(a[0], total - b[1]) + 1).as("under 6 in %s", unit).isGreaterThanOrEqualTo(5);
            assertThat(Math.min(b[1], total - a[0]) - Math.max(b[0], total - a[1]) + 1).as("6 to 18 in %s", unit).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void anUnpublishedLevelThatThePublishedOnesGiveAwayIsNamedWhenItIsWithheld() throws Exception {
        String t = TestAtlas.territory("sdc-levels");
        assertThat(publication.derivable(t, "quote")).as("published everywhere").isEmpty();
        publication.withdraw(t, "quote", List.of("gesamt"), "test");
        assertThat(publication.derivable(t, "quote")).singleElement().asString()
                .contains("Gesamt", "nicht veröffentlicht", "näherungsweise");
        publication.publish(t, "anzahl", List.of("bezirk"), "test");
        assertThat(publication.derivable(t, "anzahl")).singleElement().asString().contains("genau");
        publication.publish(t, "index", List.of("bezirk"), "test");
        assertThat(publication.derivable(t, "index")).as("a plain value does not add up").isEmpty();
    }

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v);
    }
}
