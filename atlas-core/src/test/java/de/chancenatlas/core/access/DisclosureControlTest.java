package de.chancenatlas.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Statistical secrecy on constructed small counts: the test territory has Bezirke 01–04 under the
 * total T. What the public reads must not reveal a withheld value, directly or by differencing the
 * total and the siblings; staff read the true values.
 */
class DisclosureControlTest {
    private final AtlasReader reader = new AtlasReader(TestAtlas.database());
    private final Publication publication = new Publication(TestAtlas.dataSource());

    private void load(String t, String csv) throws Exception {
        new ValueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("werte.csv", csv.getBytes(StandardCharsets.UTF_8), "test"),
                ValueImporter.Options.NONE, Progress.NONE);
    }

    private Map<String, AtlasReader.Value> values(Viewer v, String t, String indicator, int year) throws Exception {
        return reader.values(v, t, indicator, null, String.valueOf(year)).orElseThrow().stream()
                .collect(Collectors.toMap(AtlasReader.Value::unitCode, x -> x));
    }

    @Test
    void smallCountIsWithheldWithTheNextSmallestSiblingSoTheTotalRevealsNothing() throws Exception {
        String t = TestAtlas.territory("sdc-primary");
        // denominators large enough that a rate at one decimal leaves many numerators possible (V8, rule 2)
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;2;10000\n02;quote;2020;10;10000\n03;quote;2020;20;10000\n04;quote;2020;30;10000\n");

        Map<String, AtlasReader.Value> pub = values(Viewer.ANONYMOUS, t, "quote", 2020);
        assertThat(pub.get("01").status()).isEqualTo("suppressed");
        assertThat(pub.get("02").status()).as("secondary: next-smallest case count").isEqualTo("suppressed");
        for (String code : List.of("01", "02")) {
            assertThat(pub.get(code).value()).isNull();
            assertThat(pub.get(code).numerator()).isNull();
            assertThat(pub.get(code).denominator()).isNull();
            assertThat(pub.get(code).formatted()).isEqualTo("–");
        }
        assertThat(pub.get("03").value()).isEqualByComparingTo("0.2");
        assertThat(pub.get("04").value()).isEqualByComparingTo("0.3");
        assertThat(pub.get("T").value()).as("62 / 40000 = 0.155 %, published rounded").isEqualTo(new BigDecimal("0.2"));
        // differencing: the total and the published siblings leave only the sum of the two withheld ones
        assertThat(pub.values()).extracting(AtlasReader.Value::formatted).doesNotContain("0,0", "0,1");
        assertThat(pub.values()).allSatisfy(v -> assertThat(v.numerator()).as("counts are not public for quote").isNull());

        Map<String, AtlasReader.Value> staff = values(Viewer.internal("staff"), t, "quote", 2020);
        assertThat(staff.get("01").numerator()).isEqualByComparingTo("2");
        assertThat(staff.get("T").value()).as("staff: declared decimals of the exact value").isEqualTo(new BigDecimal("0.2"));
        assertThat(staff.get("02").status()).isEqualTo("ok");
    }

    @Test
    void zeroIsPublishedLikeTheBundesagenturDoesUnlessConfiguredAndTheThresholdIsConfigurable() throws Exception {
        String t = TestAtlas.territory("sdc-zero");
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;0;10000\n02;quote;2020;4;10000\n03;quote;2020;20;10000\n04;quote;2020;30;10000\n");
        assertThat(values(Viewer.ANONYMOUS, t, "quote", 2020)).extractingFromEntries(e -> e.getValue().status())
                .containsOnly("ok");

        publication.saveSettings(t, Map.of("threshold", 5, "suppress_zero", true), null, "test");
        Map<String, AtlasReader.Value> pub = values(Viewer.ANONYMOUS, t, "quote", 2020);
        assertThat(pub.get("01").status()).isEqualTo("suppressed");
        assertThat(pub.get("02").status()).isEqualTo("suppressed");
        assertThat(pub.get("03").status()).as("two withheld among the siblings: no secondary needed").isEqualTo("ok");
    }

    @Test
    void aParentWhoseOnlyChildIsWithheldIsWithheldToo() throws Exception {
        String t = TestAtlas.territory("sdc-lonely");
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2021;1;50\n");
        Map<String, AtlasReader.Value> pub = values(Viewer.ANONYMOUS, t, "quote", 2021);
        assertThat(pub.get("01").status()).isEqualTo("suppressed");
        assertThat(pub.get("T").status()).as("the total would equal the withheld value").isEqualTo("suppressed");
        assertThat(pub.get("T").value()).isNull();
    }

    @Test
    void noRatesForAreasBelowTheMinimumPopulationAndCountsRoundedToFive() throws Exception {
        String t = TestAtlas.territory("sdc-population");
        load(t, "gebiet;indikator;jahr;wert\n01;anzahl;2020;40\n02;anzahl;2020;260\n03;anzahl;2020;512\n04;anzahl;2020;1003\n");
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;8;40\n02;quote;2020;26;260\n03;quote;2020;51;512\n04;quote;2020;100;1003\n");
        publication.saveSettings(t, Map.of("min_population", 300, "population_indicator", "anzahl", "round_to", 5), null, "test");
        publication.publish(t, "anzahl", List.of("bezirk"), "test");

        Map<String, AtlasReader.Value> rates = values(Viewer.ANONYMOUS, t, "quote", 2020);
        assertThat(rates.get("01").status()).isEqualTo("suppressed");
        assertThat(rates.get("02").status()).isEqualTo("suppressed");
        assertThat(rates.get("03").value()).isEqualByComparingTo("10.0");
        // 185 / 1815 = 10.19 %: a denominator under 3000 leaves fewer than 3 numerators per tenth of a percent,
        // so the rate goes out as a whole percent (rule 2 of V8), like 03 (51 / 512)
        assertThat(rates.get("T").value()).as("published on level gesamt, from exact counts, coarser").isEqualTo(new BigDecimal("10"));
        assertThat(rates.get("T").formatted()).isEqualTo("10");

        Map<String, AtlasReader.Value> counts = values(Viewer.ANONYMOUS, t, "anzahl", 2020);
        assertThat(counts).as("anzahl is published on bezirk only").doesNotContainKey("T");
        assertThat(counts.get("01").value()).isEqualByComparingTo("40");
        assertThat(counts.get("03").value()).as("rounded to a multiple of 5").isEqualByComparingTo("510");
        assertThat(counts.get("04").value()).isEqualByComparingTo("1005");
        assertThat(values(Viewer.internal("staff"), t, "anzahl", 2020).get("03").value()).isEqualByComparingTo("512");
    }

    @Test
    void anIndicatorOverridesTheTerritorysThreshold() throws Exception {
        String t = TestAtlas.territory("sdc-override");
        TestAtlas.count("with u as (update atlas.indicator set disclosure = '{\"threshold\": 25, \"min_candidates\": 2}' where key = 'quote' "
                + "and territory_id = (select territory_id from atlas.territory where key = ?) returning 1) select count(*) from u", t);
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;20;1000\n02;quote;2020;24;1000\n03;quote;2020;30;1000\n04;quote;2020;40;1000\n");
        Map<String, AtlasReader.Value> pub = values(Viewer.ANONYMOUS, t, "quote", 2020);
        assertThat(pub.get("01").status()).isEqualTo("suppressed");
        assertThat(pub.get("02").status()).isEqualTo("suppressed");
        // 30 / 1000 = 3.0 %: at one decimal only 30 would fit, at none 25..34 (a whole percent)
        assertThat(pub.get("03").value()).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void aDifferenceIsNoCaseCountAndIsNotWithheldForBeingSmall() throws Exception {
        String t = TestAtlas.territory("sdc-change");
        TestAtlas.count("with u as (update atlas.indicator set numerator_may_be_negative = true where key = 'quote' "
                + "and territory_id = (select territory_id from atlas.territory where key = ?) returning 1) select count(*) from u", t);
        load(t, "gebiet;indikator;jahr;zaehler;nenner\n01;quote;2020;-12;1000\n02;quote;2020;1;900\n03;quote;2020;40;800\n04;quote;2020;7;700\n");
        assertThat(values(Viewer.ANONYMOUS, t, "quote", 2020)).extractingFromEntries(e -> e.getValue().status()).containsOnly("ok");
    }
}
