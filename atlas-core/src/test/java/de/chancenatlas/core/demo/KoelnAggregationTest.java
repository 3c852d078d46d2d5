package de.chancenatlas.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.imports.SourceMapping;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The source file carries its own Stadtbezirk (001-009) and city (000) rows. Only Stadtteil rows are
 * imported; the atlas aggregates the rest. Every aggregated count, numerator and denominator must
 * equal what the source itself says, for every year and indicator.
 */
class KoelnAggregationTest {

    @Test
    void aggregatesFromStadtteileEqualTheSourcesOwnStadtbezirkAndCityRows() throws Exception {
        DataSource ds = TestAtlas.withDemo();
        Path dir = TestAtlas.demoDir().resolve("koeln");
        SourceMapping mapping = SourceMapping.parse(Files.readAllBytes(dir.resolve("mapping.yaml")));
        List<SourceMapping.Row> expected = mapping.rows(Files.readAllBytes(dir.resolve("bevoelkerung.csv")), "^00[0-9]$");

        Map<String, BigDecimal[]> actual = new HashMap<>();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("""
                    select u.code, i.key, extract(year from v.stichtag)::int, v.value, v.numerator, v.denominator, v.aggregated, v.status
                    from atlas.v_indicator_value v
                    join atlas.spatial_unit u using (unit_id)
                    join atlas.indicator i using (indicator_id)
                    join atlas.territory t on t.territory_id = v.territory_id
                    where t.key = 'koeln' and u.code like '00_'""");
            while (rs.next()) {
                assertThat(rs.getBoolean("aggregated")).as("stored value for %s", rs.getString(1)).isTrue();
                assertThat(rs.getString("status")).isEqualTo("ok");
                actual.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3),
                        new BigDecimal[] {rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)});
            }
        }
        assertThat(expected).hasSizeGreaterThan(10 * 15 * 7);
        int counts = 0;
        for (SourceMapping.Row e : expected) {
            BigDecimal[] a = actual.get(e.unit() + "/" + e.indicator() + "/" + e.period());
            assertThat(a).as("aggregate for %s %s %d", e.unit(), e.indicator(), e.period()).isNotNull();
            if (e.value() != null) {
                assertThat(a[0]).as("count %s %s %d", e.unit(), e.indicator(), e.period()).isEqualByComparingTo(e.value());
                counts++;
            } else {
                assertThat(a[1]).as("numerator %s %s %d", e.unit(), e.indicator(), e.period()).isEqualByComparingTo(e.numerator());
                assertThat(a[2]).as("denominator %s %s %d", e.unit(), e.indicator(), e.period()).isEqualByComparingTo(e.denominator());
            }
        }
        assertThat(counts).isEqualTo(10 * 2 * 8);   // 10 units x 2 count indicators x 8 years
        assertThat(actual).hasSize(expected.size());
    }

    @Test
    void demoTerritoriesHaveTheirLevelsUnitsAndPlacesOnTheMap() throws Exception {
        DataSource ds = TestAtlas.withDemo();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("""
                    select t.key, l.key, count(u.*), min(st_x(st_centroid(st_transform(u.geom, 4326)))),
                           min(st_y(st_centroid(st_transform(u.geom, 4326))))
                    from atlas.territory t join atlas.unit_level l using (territory_id)
                    join atlas.spatial_unit u using (level_id) where t.key in ('koeln', 'kreis-dueren')
                    group by 1, 2, l.rank order by 1, l.rank""");
            Map<String, Long> n = new HashMap<>();
            while (rs.next()) {
                n.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
                // Köln and Düren lie between 6.0 and 7.2 E, 50.6 and 51.1 N: the false easting was understood
                assertThat(rs.getDouble(4)).isBetween(6.0, 7.2);
                assertThat(rs.getDouble(5)).isBetween(50.5, 51.1);
            }
            assertThat(n).containsEntry("koeln.stadt", 1L).containsEntry("koeln.stadtbezirk", 9L).containsEntry("koeln.stadtteil", 86L)
                    .containsEntry("kreis-dueren.kreis", 1L).containsEntry("kreis-dueren.kommune", 15L);
            rs = st.executeQuery("select count(*) from atlas.spatial_unit u join atlas.unit_level l using (level_id) "
                    + "join atlas.territory t on t.territory_id = u.territory_id "
                    + "where l.rank > 0 and u.parent_id is null and t.key in ('koeln', 'kreis-dueren')");
            rs.next();
            assertThat(rs.getLong(1)).as("units without parent").isZero();
            rs = st.executeQuery("select u.code, p.code from atlas.spatial_unit u join atlas.spatial_unit p on p.unit_id = u.parent_id "
                    + "join atlas.unit_level l on l.level_id = u.level_id where l.key = 'stadtteil'");
            while (rs.next()) {
                // Köln's Stadtteil numbers start with their Stadtbezirk's number: the spatial parent match must agree
                assertThat(rs.getString(2)).isEqualTo("00" + rs.getString(1).charAt(0));
            }
        }
    }
}
