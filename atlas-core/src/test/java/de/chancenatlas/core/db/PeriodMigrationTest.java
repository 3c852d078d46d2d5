package de.chancenatlas.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Existing data migrate without loss (sql/V10): a database with annual values and their history,
 * written before V10, keeps every value, count, status and history row; each year becomes its
 * 31.12. Stichtag with the key "2012", and the aggregation still holds.
 */
class PeriodMigrationTest {

    @Test
    void yearsBecomeTheirThirtyFirstOfDecemberWithNothingLost() throws Exception {
        AtlasDatabase db = TestAtlas.database();
        String name = "atlas_migration_" + ProcessHandle.current().pid();
        try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
        }
        String url = db.jdbcUrl().replaceAll("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            // the schema as it stood before V10 (the last migration below it)
            String before10 = java.util.Arrays.stream(Flyway.configure().dataSource(url, db.user(), db.password())
                            .locations("classpath:db/migration").defaultSchema("public").load().info().all())
                    .map(m -> m.getVersion()).filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("10")) < 0)
                    .max(Comparable::compareTo).orElseThrow().getVersion();
            Flyway.configure().dataSource(url, db.user(), db.password()).locations("classpath:db/migration").defaultSchema("public")
                    .target(before10).load().migrate();
            try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); var st = c.createStatement()) {
                // a territory as the years before V10 wrote it: two Bezirke under a total, a ratio and a count, a replaced value
                st.execute("""
                        insert into atlas.territory (key, name, kind, srid) values ('alt', 'Altgebiet', 'gemeinde', 25832);
                        insert into atlas.unit_level (territory_id, key, name, rank) select territory_id, 'gesamt', 'Gesamt', 0 from atlas.territory;
                        insert into atlas.unit_level (territory_id, key, name, rank) select territory_id, 'bezirk', 'Bezirk', 1 from atlas.territory;
                        insert into atlas.import_batch (territory_id, kind, file_name, sha256, row_count, created_by)
                            select territory_id, 'values', 'alt.csv', repeat('a', 64), 5, 'test' from atlas.territory;
                        insert into atlas.import_batch (territory_id, kind, file_name, sha256, row_count, created_by)
                            select territory_id, 'values', 'neu.csv', repeat('b', 64), 1, 'test' from atlas.territory;
                        insert into atlas.spatial_unit (territory_id, level_id, code, name, geom)
                            select t.territory_id, l.level_id, 'T', 'Gesamt',
                                   st_multi(st_makeenvelope(350000, 5640000, 352000, 5641000, 25832))
                            from atlas.territory t join atlas.unit_level l on l.key = 'gesamt';
                        insert into atlas.spatial_unit (territory_id, level_id, code, name, parent_id, geom)
                            select t.territory_id, l.level_id, '0' || x, 'Bezirk ' || x, (select unit_id from atlas.spatial_unit where code = 'T'),
                                   st_multi(st_makeenvelope(350000 + (x - 1) * 1000, 5640000, 350000 + x * 1000, 5641000, 25832))
                            from atlas.territory t join atlas.unit_level l on l.key = 'bezirk', generate_series(1, 2) x;
                        insert into atlas.theme (territory_id, key, title) select territory_id, 'test', 'Test' from atlas.territory;
                        insert into atlas.indicator (territory_id, key, theme_id, title, short_title, definition, numerator_label, denominator_label,
                                                     unit_label, scale_factor, kind, aggregation, source)
                            select territory_id, 'quote', (select theme_id from atlas.theme), 'Quote', 'Quote', 'd', 'Z', 'N', '%', 100, 'ratio',
                                   'ratio_of_sums', 'Test' from atlas.territory;
                        insert into atlas.indicator (territory_id, key, theme_id, title, short_title, definition, unit_label, kind, aggregation, source)
                            select territory_id, 'anzahl', (select theme_id from atlas.theme), 'Anzahl', 'Anzahl', 'd', 'Anzahl', 'count', 'sum', 'Test'
                            from atlas.territory;
                        insert into atlas.indicator_value (territory_id, indicator_id, unit_id, period, numerator, denominator, status, batch_id)
                            select u.territory_id, i.indicator_id, u.unit_id, 2012, 10 * u.unit_id % 7 + 1, 100, 'ok',
                                   (select batch_id from atlas.import_batch where file_name = 'neu.csv')
                            from atlas.spatial_unit u join atlas.indicator i on i.key = 'quote' where u.code like '0%';
                        insert into atlas.indicator_value (territory_id, indicator_id, unit_id, period, value, status, batch_id)
                            select u.territory_id, i.indicator_id, u.unit_id, y, 5, case when y = 2011 then 'provisional' else 'ok' end,
                                   (select batch_id from atlas.import_batch where file_name = 'alt.csv')
                            from atlas.spatial_unit u join atlas.indicator i on i.key = 'anzahl', generate_series(2011, 2012) y
                            where u.code like '0%';
                        insert into atlas.indicator_value_history (territory_id, indicator_id, unit_id, period, numerator, denominator, status,
                                                                   batch_id, replaced_by)
                            select territory_id, indicator_id, unit_id, period, 1, 100, 'ok',
                                   (select batch_id from atlas.import_batch where file_name = 'alt.csv'), batch_id
                            from atlas.indicator_value where numerator is not null;
                        """);
            }
            List<String> before = rows(url, db, "select i.key, u.code, period::text, coalesce(value, numerator)::text, denominator::text, status "
                    + "from atlas.indicator_value v join atlas.indicator i using (indicator_id) join atlas.spatial_unit u using (unit_id) order by 1, 2, 3");
            List<String> totalsBefore = rows(url, db, "select i.key, period::text, round(value, 6)::text from atlas.v_indicator_value v "
                    + "join atlas.indicator i using (indicator_id) join atlas.spatial_unit u using (unit_id) where u.code = 'T' order by 1, 2");

            Flyway.configure().dataSource(url, db.user(), db.password()).locations("classpath:db/migration").defaultSchema("public")
                    .load().migrate();

            List<String> after = rows(url, db, "select i.key, u.code, extract(year from stichtag)::text, coalesce(value, numerator)::text, "
                    + "denominator::text, status from atlas.indicator_value v join atlas.indicator i using (indicator_id) "
                    + "join atlas.spatial_unit u using (unit_id) order by 1, 2, 3");
            assertThat(after).isEqualTo(before).hasSize(6);
            assertThat(rows(url, db, "select distinct to_char(stichtag, 'DD.MM.') from atlas.indicator_value")).containsExactly("31.12.");
            assertThat(rows(url, db, "select count(*)::text || ' ' || min(stichtag)::text from atlas.indicator_value_history"))
                    .containsExactly("2 2012-12-31");
            assertThat(rows(url, db, "select i.key, extract(year from v.stichtag)::text, round(value, 6)::text from atlas.v_indicator_value v "
                    + "join atlas.indicator i using (indicator_id) join atlas.spatial_unit u using (unit_id) where u.code = 'T' order by 1, 2"))
                    .isEqualTo(totalsBefore);
            assertThat(rows(url, db, "select distinct periodicity from atlas.indicator")).containsExactly("year");
            assertThat(rows(url, db, "select period || '|' || stichtag || '|' || period_label from atlas_internal.indicator_value "
                    + "where unit_id in (select unit_id from atlas.spatial_unit where code = 'T') order by 1"))
                    .containsExactly("2011|2011-12-31|2011", "2012|2012-12-31|2012", "2012|2012-12-31|2012");
        } finally {
            try (Connection c = db.dataSource().getConnection(); var st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static List<String> rows(String url, AtlasDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
