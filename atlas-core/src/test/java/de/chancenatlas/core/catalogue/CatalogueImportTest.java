package de.chancenatlas.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CatalogueImportTest {
    private final CatalogueImporter importer = new CatalogueImporter(TestAtlas.dataSource());

    private ImportResult load(String territory, String yaml) throws Exception {
        return importer.importFile(territory, new ImportSource("katalog.yaml", yaml.getBytes(StandardCharsets.UTF_8), "test"));
    }

    private static Problem.Kind[] kinds(Throwable e) {
        return ((ImportRejected) e).problems().stream().map(Problem::kind).toArray(Problem.Kind[]::new);
    }

    @Test
    void updatesByKeyAndTheSameFileTwiceChangesNothing() throws Exception {
        String t = TestAtlas.territory("cat-update");
        String yaml = """
                themes: [{key: bildung, title: Bildung}]
                indicators:
                  - {key: uebergang_gym, theme: bildung, title: Übergangsquote Gymnasium, definition: Anteil der Übergänge,
                     unit_label: '%', scale_factor: 100, kind: ratio, numerator_label: Übergänge Gymnasium,
                     denominator_label: Übergänge insgesamt, source: Schulamt, polarity: neutral}
                """;
        assertThat(load(t, yaml).written()).isEqualTo(2);
        assertThat(load(t, yaml).unchanged()).isTrue();
        ImportResult changed = load(t, yaml.replace("source: Schulamt", "source: Schulamt (IT.NRW)") + " ");
        assertThat(changed.written()).isEqualTo(1);
        assertThat(TestAtlas.count("select count(*) from atlas.indicator i join atlas.territory t using (territory_id) "
                + "where t.key = ? and i.source = 'Schulamt (IT.NRW)'", t)).isEqualTo(1);
    }

    @Test
    void jsonCataloguesAreReadToo() throws Exception {
        String json = """
                {"territory": {"key": "cat-json", "name": "Gemeinde Json", "kind": "gemeinde", "ags": "05358004", "srid": 25832},
                 "levels": [{"key": "gemeinde", "name": "Gemeinde", "rank": 0}],
                 "themes": [{"key": "kita", "title": "Kindertagesbetreuung"}],
                 "indicators": [{"key": "betreuungsquote_u3", "theme": "kita", "title": "Betreuungsquote unter 3",
                   "definition": "Betreute Kinder unter 3 je 100 Kinder unter 3", "unit_label": "%", "scale_factor": 100,
                   "kind": "ratio", "numerator_label": "betreute Kinder", "denominator_label": "Kinder unter 3",
                   "source": "Jugendamt", "polarity": "higher_is_better", "visibility": "public"}]}
                """;
        ImportResult r = load(null, json);
        assertThat(r.written()).isEqualTo(4);
        assertThat(TestAtlas.count("select count(*) from atlas.indicator i join atlas.territory t using (territory_id) "
                + "where t.key = 'cat-json' and t.ags = '05358004' and i.polarity = 'higher_is_better'")).isEqualTo(1);
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String yaml = """
                indicators:
                  - {key: Gross, theme: fehlt, title: T, definition: D, unit_label: '%', kind: ratio, source: S, polarity: hoch}
                  - {key: zahl, theme: test, title: T, definition: D, unit_label: n, kind: count, aggregation: ratio_of_sums, source: S}
                """;
        String t = TestAtlas.territory("cat-problems");
        assertThatThrownBy(() -> load(t, yaml)).isInstanceOf(ImportRejected.class).satisfies(e -> {
            assertThat(kinds(e)).containsExactlyInAnyOrder(Problem.Kind.INVALID, Problem.Kind.INVALID, Problem.Kind.INVALID,
                    Problem.Kind.MISSING_COLUMN, Problem.Kind.MISSING_COLUMN, Problem.Kind.INVALID);
            assertThat(((ImportRejected) e).problems()).extracting(Problem::column).contains("indicators[0].key", "indicators[0].theme",
                    "indicators[0].polarity", "indicators[0].numerator_label", "indicators[1].aggregation");
        });
    }

    @Test
    void unknownFieldsAndForeignTerritoriesAreRefused() {
        String t = TestAtlas.territory("cat-foreign");
        assertThatThrownBy(() -> load(t, "themes: [{key: a, title: A, farbe: rot}]\n")).isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_COLUMN);
                    assertThat(p.column()).isEqualTo("themes[0].farbe");
                }));
        assertThatThrownBy(() -> load(t, "territory: {key: kreis-dueren, name: X, kind: kreis, srid: 25832}\n"))
                .isInstanceOf(ImportRejected.class).satisfies(e -> assertThat(kinds(e)).containsExactly(Problem.Kind.TERRITORY_MISMATCH));
        assertThatThrownBy(() -> load("gibt-es-nicht", "themes: [{key: a, title: A}]\n")).isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(kinds(e)).containsExactly(Problem.Kind.UNKNOWN_TERRITORY));
    }

    @Test
    void aRankThatClashesWithAStoredLevelIsAReadableConflict() throws Exception {
        String t = TestAtlas.territory("cat-rank");
        assertThatThrownBy(() -> load(t, "levels: [{key: block, name: Block, rank: 1}]\n")).isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(kinds(e)).containsExactly(Problem.Kind.CONFLICT));
    }
}
