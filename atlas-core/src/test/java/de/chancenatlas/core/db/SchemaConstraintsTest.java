package de.chancenatlas.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema itself makes bad data impossible, whoever writes: these statements bypass the
 * importers and must be refused by PostgreSQL.
 */
class SchemaConstraintsTest {
    private static String t;
    private static long batch;

    @BeforeAll
    static void setUp() throws SQLException {
        t = TestAtlas.territory("constraints");
        try (Connection c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("insert into atlas.import_batch (territory_id, kind, file_name, sha256, row_count, created_by) "
                    + "select territory_id, 'values', 'handmade', repeat('0', 64), 0, 'test' from atlas.territory where key = '" + t + "' "
                    + "returning batch_id");
            rs.next();
            batch = rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute(statement.replace(":t", "(select territory_id from atlas.territory where key = '" + t + "')")
                    .replace(":unit01", "(select unit_id from atlas.spatial_unit u join atlas.unit_level l using (level_id) "
                            + "where l.territory_id = (select territory_id from atlas.territory where key = '" + t + "') and u.code = '01')")
                    .replace(":quote", "(select indicator_id from atlas.indicator where key = 'quote' and territory_id = "
                            + "(select territory_id from atlas.territory where key = '" + t + "'))")
                    .replace(":batch", String.valueOf(batch)));
        }
    }

    private static void refused(String statement, String sqlState) {
        assertThatThrownBy(() -> sql(statement)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(((SQLException) e).getMessage()).isEqualTo(sqlState));
    }

    @Test
    void noTwoCurrentVersionsOfAUnit() {
        refused("insert into atlas.spatial_unit (territory_id, level_id, code, name, valid_from, geom) select territory_id, level_id, '01', "
                + "'Doppelt', date '2010-01-01', geom from atlas.spatial_unit where unit_id = :unit01", "23P01");
    }

    @Test
    void geometryMustBeValidAndInTheTerritorysSrid() {
        refused("insert into atlas.spatial_unit (territory_id, level_id, code, name, geom) select territory_id, level_id, '77', 'Falsches SRID', "
                + "st_transform(geom, 4326) from atlas.spatial_unit where unit_id = :unit01", "23514");
        refused("insert into atlas.spatial_unit (territory_id, level_id, code, name, geom) select territory_id, level_id, '78', 'Schleife', "
                + "st_multi(st_geomfromtext('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', 25832)) from atlas.spatial_unit where unit_id = :unit01", "23514");
    }

    @Test
    void noRateOverZeroAndCountsInPairs() {
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, numerator, denominator, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-12-31', 0, 0, :batch)", "23514");
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, numerator, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-12-31', 1, :batch)", "23514");
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, status, value, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-12-31', 'no_data', 3, :batch)", "23514");
    }

    @Test
    void noValueOutsideItsUnitsValidityOrOfAnotherTerritory() {
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, batch_id) "
                + "values (:t, :quote, :unit01, date '1999-12-31', 3, :batch)", "23503");
        String other = TestAtlas.territory("constraints-other");
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, batch_id) "
                + "select territory_id, :quote, :unit01, date '2020-12-31', 3, :batch from atlas.territory where key = '" + other + "'", "23503");
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-12-31', 3, -1)", "23503");
    }

    @Test
    void aStichtagMustBeAReportingDateOfTheIndicatorsPeriodicity() throws SQLException {
        // quote reports yearly: 30 June is no reporting date of it
        refused("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-06-30', 3, :batch)", "23503");
        sql("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, value, batch_id) "
                + "values (:t, :quote, :unit01, date '2020-12-31', 3, :batch)");
        // a periodicity the stored values do not fit is refused; one they fit is fine
        refused("update atlas.indicator set periodicity = 'yearly:03-01' where indicator_id = :quote", "23514");
        sql("update atlas.indicator set periodicity = 'half_year' where indicator_id = :quote");
        sql("update atlas.indicator set periodicity = 'year' where indicator_id = :quote");
        sql("delete from atlas.indicator_value where indicator_id = :quote");
    }

    @Test
    void aUnitCannotLoseItsValuesThroughAValidityChangeOrDeletion() throws SQLException {
        sql("insert into atlas.indicator_value (territory_id, indicator_id, unit_id, stichtag, numerator, denominator, batch_id) "
                + "values (:t, :quote, :unit01, date '2015-12-31', 1, 4, :batch)");
        refused("update atlas.spatial_unit set valid_to = date '2010-01-01' where unit_id = :unit01", "23503");
        refused("delete from atlas.spatial_unit where unit_id = :unit01", "23503");
        refused("delete from atlas.indicator where indicator_id = :quote", "23503");
        refused("delete from atlas.import_batch where batch_id = :batch", "23503");
        // closing the version after the value's reference date is fine
        sql("update atlas.spatial_unit set valid_to = date '2016-01-01' where unit_id = :unit01");
        sql("update atlas.spatial_unit set valid_to = null where unit_id = :unit01");
    }

    @Test
    void catalogueRulesHold() {
        refused("update atlas.indicator set aggregation = 'sum' where indicator_id = :quote", "23514");
        refused("update atlas.indicator set numerator_label = null where indicator_id = :quote", "23514");
        refused("insert into atlas.territory (key, name, kind, srid) values ('Bad Key', 'x', 'gemeinde', 25832)", "23514");
        refused("insert into atlas.territory (key, name, kind, srid, ags) values ('agsfehler', 'x', 'gemeinde', 25832, 'x5358')", "23514");
    }

    @Test
    void aTerritorysCrsIsProjectedInMetresAndStaysOnceItHasBoundaries() throws SQLException {
        refused("insert into atlas.territory (key, name, kind, srid) values ('geografisch', 'x', 'gemeinde', 4326)", "23514");
        refused("insert into atlas.territory (key, name, kind, srid) values ('unbekannt', 'x', 'gemeinde', 99999)", "23514");
        sql("insert into atlas.territory (key, name, kind, srid) values ('gk-zone-5', 'x', 'gemeinde', 31469)");
        refused("update atlas.territory set srid = 25833 where territory_id = :t", "23514");
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit where territory_id = (select territory_id from atlas.territory "
                + "where key = ?) and srid = 25832", t)).isEqualTo(5);
    }
}
