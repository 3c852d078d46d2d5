package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Facilities from CSV: positions in the territory's CRS or in WGS 84, their units, idempotence, and problems by line. */
class FacilityImportTest {

    private static ImportResult load(String territory, String name, String csv) throws Exception {
        return new FacilityImporter(TestAtlas.dataSource()).importFile(territory, new ImportSource(name, csv.getBytes(StandardCharsets.UTF_8), "test"));
    }

    private static String unitOf(String territory, String code) {
        return String.valueOf(TestAtlas.count("select u.code::int from atlas.facility f join atlas.spatial_unit u using (unit_id) "
                + "join atlas.territory t on t.territory_id = f.territory_id where t.key = ? and f.code = ?", territory, code));
    }

    @Test
    void germanCsvWithRechtswertAndHochwertFindsTheFinestUnit() throws Exception {
        String t = TestAtlas.territory("fac-utm");
        String csv = """
                Kennung;Bezeichnung;Art;Rechtswert;Hochwert
                K1;Kita Sonnenschein;Kita;350500,5;5640500
                S1;Grundschule Am Park;Schule;352500;5640500,25
                J1;Jugendzentrum Nord;jugendzentrum;353500;5640900
                """;
        ImportResult r = load(t, "einrichtungen.csv", csv);
        assertThat(r.kind()).isEqualTo("facilities");
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.warnings()).isEmpty();
        // the 1 km squares 01..04 from x = 350000; the Bezirk (rank 1) wins over Gesamt (rank 0)
        assertThat(unitOf(t, "K1")).isEqualTo("1");
        assertThat(unitOf(t, "S1")).isEqualTo("3");
        assertThat(unitOf(t, "J1")).isEqualTo("4");
        assertThat(TestAtlas.count("select count(*) from atlas.facility f join atlas.territory t using (territory_id) where t.key = ? "
                + "and f.facility_type = 'kita' and st_x(f.geom) = 350500.5", t)).isEqualTo(1);

        assertThat(load(t, "einrichtungen.csv", csv).unchanged()).as("the same file again changes nothing").isTrue();
        ImportResult renamed = load(t, "umbenannt.csv", csv.replace("Kita Sonnenschein", "Kita Sonnenstrahl"));
        assertThat(renamed.written()).isEqualTo(1);
        assertThat(renamed.unchangedRows()).isEqualTo(2);
        assertThat(TestAtlas.count("select count(*) from atlas.facility f join atlas.territory t using (territory_id) where t.key = ?", t))
                .isEqualTo(3);
    }

    @Test
    void longitudeAndLatitudeAreTransformedAndOutsidersWarned() throws Exception {
        String t = TestAtlas.territory("fac-wgs");
        // B1 is the middle of square 01 (350500, 5640500; gdaltransform); F1 at the Dom lies in none of the squares
        String csv = """
                code,name,typ,lon,lat
                B1,Beratungsstelle Mitte,beratungsstelle,6.874061,50.896786
                F1,Familienzentrum Dom,familienzentrum,6.958,50.941
                """;
        ImportResult r = load(t, "wgs84.csv", csv);
        assertThat(r.written()).isEqualTo(2);
        assertThat(unitOf(t, "B1")).isEqualTo("1");
        assertThat(r.warnings()).extracting(Problem::value).containsExactly("F1");
        assertThat(TestAtlas.count("select count(*) from atlas.facility f join atlas.territory t using (territory_id) where t.key = ? "
                + "and f.code = 'F1' and st_srid(f.geom) = 25832 and abs(st_x(f.geom) - 356538.3) < 1 and abs(st_y(f.geom) - 5645249.4) < 1", t))
                .isEqualTo(1);
    }

    @Test
    void everyProblemIsNamedWithItsLineAndNothingIsWritten() throws Exception {
        String t = TestAtlas.territory("fac-bad");
        String csv = """
                code;name;typ;x;y
                A1;Kita A;kita;350500;5640500
                A1;Kita B;kita;350600;5640500
                A2;;schule;350700;5640500
                A3;Ort;Bibliothek;350800;5640500
                A4;Kita D;kita;3508OO;5640500
                """;
        assertThatThrownBy(() -> load(t, "fehler.csv", csv)).isInstanceOfSatisfying(ImportRejected.class, e -> {
            assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 6);
            assertThat(e.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.DUPLICATE_FACILITY, Problem.Kind.EMPTY_FIELD,
                    Problem.Kind.UNKNOWN_FACILITY_TYPE, Problem.Kind.BAD_COORDINATE);
            assertThat(e.problems().get(0).toString()).contains("Zeile/line 3").contains("„A1“").contains("Zeile 2");
        });
        assertThatThrownBy(() -> load(t, "ohne-lage.csv", "code;name;typ\nA1;Kita A;kita\n")).isInstanceOfSatisfying(ImportRejected.class,
                e -> assertThat(e.problems().get(0).toString()).contains("lon/lat"));
        assertThat(TestAtlas.count("select count(*) from atlas.facility f join atlas.territory t using (territory_id) where t.key = ?", t))
                .isZero();
        assertThat(TestAtlas.count("select count(*) from atlas.import_batch b join atlas.territory t using (territory_id) "
                + "where t.key = ? and b.kind = 'facilities'", t)).isZero();
    }
}
