package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Provenance, idempotence, history and revert. */
class BatchesTest {
    private final ValueImporter importer = new ValueImporter(TestAtlas.dataSource());
    private final Batches batches = new Batches(TestAtlas.dataSource());
    private final AtlasReader reader = new AtlasReader(TestAtlas.database());

    private ImportResult load(String t, String name, String csv, ValueImporter.Options o) throws Exception {
        return importer.importFile(t, new ImportSource(name, csv.getBytes(StandardCharsets.UTF_8), "sachbearbeiterin"), o, Progress.NONE);
    }

    private BigDecimal value(String t, String unit) throws Exception {
        return reader.values(Viewer.internal("test"), t, "anzahl", "bezirk", "2020").orElseThrow().stream()
                .filter(v -> v.unitCode().equals(unit)).findFirst().orElseThrow().value();
    }

    @Test
    void sameFileTwiceChangesNothingAndKeepsProvenance() throws Exception {
        String t = TestAtlas.territory("batch-same");
        String csv = "gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n02;anzahl;2020;6\n";
        ImportResult first = load(t, "lieferung.csv", csv, ValueImporter.Options.NONE);
        ImportResult again = load(t, "lieferung.csv", csv, ValueImporter.Options.NONE);
        assertThat(again.unchanged()).isTrue();
        assertThat(again.batchId()).isEqualTo(first.batchId());
        assertThat(TestAtlas.count("select count(*) from atlas.import_batch b join atlas.territory t using (territory_id) "
                + "where t.key = ? and b.kind = 'values'", t)).isEqualTo(1);
        var batch = batches.list(t, 10).get(0);
        assertThat(batch).containsEntry("file_name", "lieferung.csv").containsEntry("created_by", "sachbearbeiterin")
                .containsEntry("row_count", 2).containsEntry("written", 2);
        assertThat((String) batch.get("sha256")).hasSize(64);
    }

    @Test
    void sameFileWithOtherOptionsIsANewImport() throws Exception {
        String t = TestAtlas.territory("batch-options");
        String csv = "gebiet;wert\n01;5\n";
        load(t, "x.csv", csv, new ValueImporter.Options(null, "2020", "anzahl"));
        ImportResult other = load(t, "x.csv", csv, new ValueImporter.Options(null, "2021", "anzahl"));
        assertThat(other.unchanged()).isFalse();
        assertThat(other.written()).isEqualTo(1);
    }

    @Test
    void correctionMovesTheOldValueToHistoryAndRevertBringsItBack() throws Exception {
        String t = TestAtlas.territory("batch-revert");
        ImportResult first = load(t, "a.csv", "gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n02;anzahl;2020;6\n", ValueImporter.Options.NONE);
        ImportResult fix = load(t, "b.csv", "gebiet;indikator;jahr;wert\n01;anzahl;2020;7\n02;anzahl;2020;6\n03;anzahl;2020;1\n",
                ValueImporter.Options.NONE);
        assertThat(fix.written()).as("one corrected, one new").isEqualTo(2);
        assertThat(fix.unchangedRows()).isEqualTo(1);
        assertThat(value(t, "01")).isEqualByComparingTo("7");
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value_history where replaced_by = ?", fix.batchId())).isEqualTo(1);
        assertThat(TestAtlas.count("select value from atlas.indicator_value_history where replaced_by = ?", fix.batchId())).isEqualTo(5);

        // the first batch cannot be reverted while the correction still replaces one of its values
        assertThatThrownBy(() -> batches.revert(t, first.batchId(), "admin")).isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems().get(0).kind()).isEqualTo(Problem.Kind.BATCH_REPLACED_LATER));

        batches.revert(t, fix.batchId(), "admin");
        assertThat(value(t, "01")).isEqualByComparingTo("5");
        assertThat(reader.values(Viewer.internal("test"), t, "anzahl", "bezirk", "2020").orElseThrow()).extracting(AtlasReader.Value::unitCode)
                .containsExactly("01", "02");
        assertThat(batches.list(t, 10).get(0)).containsEntry("status", "reverted").containsEntry("reverted_by", "admin");
        assertThatThrownBy(() -> batches.revert(t, fix.batchId(), "admin")).isInstanceOf(ImportRejected.class);

        // after that, the first one can go too, and the territory is empty again
        batches.revert(t, first.batchId(), "admin");
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value v join atlas.territory t using (territory_id) where t.key = ?", t))
                .isZero();
        // and the same file can be imported again after its revert
        assertThat(load(t, "b.csv", "gebiet;indikator;jahr;wert\n01;anzahl;2020;7\n02;anzahl;2020;6\n03;anzahl;2020;1\n",
                ValueImporter.Options.NONE).written()).isEqualTo(3);
    }

    @Test
    void secretValuesStayInternal() throws Exception {
        String t = TestAtlas.territory("batch-secret");
        // denominators large enough for a rate at one decimal (sql/V8, rule 2)
        load(t, "s.csv", "gebiet;indikator;jahr;zaehler;nenner;status\n01;quote;2020;2;4000;geheim\n02;quote;2020;9;4000;\n03;quote;2020;15;4000;\n",
                ValueImporter.Options.NONE);
        var anonymous = reader.values(Viewer.ANONYMOUS, t, "quote", "bezirk", "2020").orElseThrow();
        // the secret value is withheld, and with it the next-smallest sibling (else the total would reveal it)
        assertThat(anonymous).extracting(AtlasReader.Value::unitCode, AtlasReader.Value::value, AtlasReader.Value::numerator,
                AtlasReader.Value::status, AtlasReader.Value::formatted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01", null, null, "suppressed", "–"),
                org.assertj.core.groups.Tuple.tuple("02", null, null, "suppressed", "–"),
                org.assertj.core.groups.Tuple.tuple("03", new BigDecimal("0.4"), null, "ok", "0,4"));
        var internal = reader.values(Viewer.internal("x"), t, "quote", "bezirk", "2020").orElseThrow();
        assertThat(internal.get(0).numerator()).isEqualByComparingTo("2");
        assertThat(internal.get(0).value()).as("0.05 %% at the declared decimal").isEqualByComparingTo("0.1");
        assertThat(reader.values(Viewer.ANONYMOUS, t, "anzahl", "bezirk", "2020")).as("internal indicator").isEmpty();
    }
}
