package de.chancenatlas.core.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationTest {
    private static final double[] VALUES = {1, 2, 2, 3, 4, 10, 11, 12, 30, 31, 32, 33};

    @Test
    void quantileGivesClassesOfEqualCount() {
        Classification c = Classification.of(VALUES, Map.of("method", "quantile", "classes", 4), "neutral", 1, "%");
        assertThat(c.breaks()).containsExactly(1.0, 3.0, 11.0, 31.0, 33.0);
        int[] counts = new int[5];
        for (double v : VALUES) {
            counts[c.classOf(v)]++;
        }
        assertThat(counts).containsExactly(0, 3, 3, 3, 3);
    }

    @Test
    void categoriesGiveOneClassPerValueWithItsLabel() {
        double[] index = {1, 2, 2, 3, 4, 4, 4, 1};
        Classification c = Classification.of(index, Map.of("method", "categories",
                "categories", Map.of("1", "hoch", "2", "mittel", "3", "niedrig", "4", "sehr niedrig")), "higher_is_worse", 0, "Index");
        assertThat(c.classes()).isEqualTo(4);
        assertThat(c.labels()).containsExactly("1 – hoch", "2 – mittel", "3 – niedrig", "4 – sehr niedrig");
        for (int v = 1; v <= 4; v++) {
            assertThat(c.classOf(v)).isEqualTo(v);
        }
        assertThat(new java.util.HashSet<>(c.colours())).hasSize(4);
        // without declared categories: each value present; a qualitative palette in its own order
        Classification q = Classification.of(new double[] {7, 3, 3, 9}, Map.of("method", "categories", "palette", "Set2"), "neutral", 0, "Typ");
        assertThat(q.labels()).containsExactly("3", "7", "9");
        assertThat(q.colours()).containsExactly("#66c2a5", "#fc8d62", "#8da0cb");
        assertThat(q.classOf(7)).isEqualTo(2);
        // more values than colours and none declared: not categorical, classed by quantiles
        double[] many = java.util.stream.IntStream.range(0, 40).asDoubleStream().toArray();
        assertThat(Classification.of(many, Map.of("method", "categories"), "neutral", 0, "n").method()).isEqualTo(Classification.Method.QUANTILE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Classification.of(many, Map.of("method", "categories",
                "categories", List.of("a")), "neutral", 0, "n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalIntervalSplitsTheRange() {
        Classification c = Classification.of(VALUES, Map.of("method", "equal_interval", "classes", 4), "neutral", 0, "n");
        assertThat(c.breaks()).containsExactly(1.0, 9.0, 17.0, 25.0, 33.0);
        assertThat(c.classOf(33)).isEqualTo(4);
        assertThat(c.classOf(1)).isEqualTo(1);
    }

    @Test
    void jenksKeepsAnOutlierAsItsOwnClass() {
        double[] v = {1, 2, 2, 3, 3, 3, 4, 5, 9, 40, 60, 100};
        Classification c = Classification.of(v, Map.of("method", "jenks", "classes", 3), "neutral", 0, "n");
        // three classes as asked: 1-9, 40-60 and the outlier 100 on its own (it used to vanish into the class below)
        assertThat(c.breaks()).containsExactly(1.0, 40.0, 100.0, 100.0);
        assertThat(c.classes()).isEqualTo(3);
        assertThat(c.classOf(9)).isEqualTo(1);
        assertThat(c.classOf(60)).isEqualTo(2);
        assertThat(c.classOf(100)).isEqualTo(3);
        assertThat(c.labels()).containsExactly("1 bis unter 40", "40 bis unter 100", "100");
    }

    @Test
    void jenksFindsTheNaturalGroups() {
        Classification c = Classification.of(VALUES, Map.of("method", "jenks", "classes", 3), "neutral", 0, "n");
        // three visible groups: 1-4, 10-12, 30-33
        assertThat(c.breaks()).containsExactly(1.0, 10.0, 30.0, 33.0);
        assertThat(c.classOf(4)).isEqualTo(1);
        assertThat(c.classOf(12)).isEqualTo(2);
        assertThat(c.classOf(30)).isEqualTo(3);
    }

    @Test
    void manualBreaksAndGermanLabels() {
        Classification c = Classification.of(VALUES, Map.of("method", "manual", "breaks", List.of(0, 2.5, 1000.25)), "neutral", 1, "%");
        assertThat(c.classes()).isEqualTo(2);
        assertThat(c.labels()).containsExactly("0,0 bis unter 2,5", "2,5 – 1.000,3");
    }

    @Test
    void polarityChoosesTheScheme() {
        assertThat(Classification.of(VALUES, Map.of("classes", 5), "higher_is_worse", 1, "%").colours())
                .as("five of the nine colours, evenly spaced, without the near-white one")
                .containsExactly("#ffeda0", "#feb24c", "#fc4e2a", "#e31a1c", "#800026");
        assertThat(Classification.of(VALUES, Map.of("classes", 3), "higher_is_better", 1, "%").colours().get(2)).isEqualTo("#081d58");
        List<String> diverging = Classification.of(VALUES, Map.of("classes", 3, "palette", "RdBu"), "higher_is_better", 1, "%").colours();
        assertThat(diverging).as("favourable high values in blue, at the end").containsExactly("#2166ac", "#f7f7f7", "#b2182b");
    }

    @Test
    void tiesAndEmptyInputsNeverGiveEmptyOrInvertedClasses() {
        Classification c = Classification.of(new double[] {5, 5, 5, 5}, Map.of("classes", 5), "neutral", 1, "%");
        assertThat(c.classes()).isEqualTo(1);
        assertThat(c.classOf(5)).isEqualTo(1);
        assertThat(Classification.of(new double[0], Map.of(), "neutral", 1, "%").classes()).isEqualTo(1);
    }
}
