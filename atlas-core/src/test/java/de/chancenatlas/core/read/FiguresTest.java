package de.chancenatlas.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived figures without a database: Einordnung, rank, signed difference. */
class FiguresTest {

    private static Figures.Einordnung e(String v, String ref, String polarity) {
        return Figures.einordnung(v == null ? null : new BigDecimal(v), ref == null ? null : new BigDecimal(ref), polarity, 0.10);
    }

    @Test
    void einordnungByRelativeDeviationAndPolarity() {
        assertThat(e("10.5", "10", "higher_is_worse").position()).isEqualTo("im_mittel");
        assertThat(e("11", "10", "higher_is_worse").position()).as("exactly the threshold is average").isEqualTo("im_mittel");
        assertThat(e("11.5", "10", "higher_is_worse").position()).isEqualTo("ueber");
        assertThat(e("11.5", "10", "higher_is_worse").tendency()).isEqualTo("unguenstig");
        assertThat(e("11.5", "10", "higher_is_better").tendency()).isEqualTo("guenstig");
        assertThat(e("12.5", "10", "neutral").position()).isEqualTo("deutlich_ueber");
        assertThat(e("12.5", "10", "neutral").tendency()).isEqualTo("neutral");
        assertThat(e("8.5", "10", "higher_is_worse").text()).isEqualTo("unter dem Durchschnitt");
        assertThat(e("8.5", "10", "higher_is_worse").tendency()).isEqualTo("guenstig");
        assertThat(e("7", "10", "higher_is_better").position()).isEqualTo("deutlich_unter");
        assertThat(e("-3", "-2", "neutral").position()).as("negative reference (a loss)").isEqualTo("deutlich_unter");
        assertThat(e(null, "10", "neutral")).isNull();
        assertThat(e("5", "0", "neutral")).as("no relative deviation from zero").isNull();
    }

    private static AtlasReader.Value v(String code, String value) {
        return new AtlasReader.Value(code, code, "2020", "2020-12-31", "2020", value == null ? null : new BigDecimal(value), value, null, null,
                "ok", false);
    }

    @Test
    void ranksHighestFirstWithTiesSharingARank() {
        var ranks = Figures.ranks(List.of(v("a", "5.0"), v("b", "7.5"), v("c", "5.0"), v("d", null), v("e", "1.0")));
        assertThat(ranks).containsEntry("b", 1).containsEntry("a", 2).containsEntry("c", 2).containsEntry("e", 4).doesNotContainKey("d");
    }

    @Test
    void differencesAreSignedGermanNumbers() {
        assertThat(Figures.difference(new BigDecimal("1234.56"), 1)).isEqualTo("+1.234,6");
        assertThat(Figures.difference(new BigDecimal("-0.44"), 1)).isEqualTo("−0,4");
        assertThat(Figures.difference(BigDecimal.ZERO, 1)).isEqualTo("0,0");
    }
}
