package de.chancenatlas.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.db.Audience;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth: the reader roles, used with hand-written SQL as an attacker who got past every
 * check above the database would, cannot reach what their audience may not see.
 */
class ReaderRolesTest {
    @BeforeAll
    static void demo() {
        TestAtlas.withDemo();
    }

    private static long count(Audience a, String sql) throws SQLException {
        DataSource ds = TestAtlas.database().dataSource(a);
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void thePublicRoleReadsThePublicViewsAndNothingElse() throws Exception {
        assertThat(count(Audience.PUBLIC, "select count(*) from atlas_public.indicator_value")).isPositive();
        for (String sql : new String[] {
            "select count(*) from atlas.indicator_value",
            "select count(*) from atlas.v_indicator_value",
            "select count(*) from atlas.app_user",
            "select count(*) from atlas.api_token",
            "select count(*) from atlas_internal.indicator_value",
            "select count(*) from atlas_internal.layer_value",
            "select count(*) from (select atlas.format_de(1, 1)) x"}) {
            assertThatThrownBy(() -> count(Audience.PUBLIC, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        assertThatThrownBy(() -> count(Audience.PUBLIC, "with d as (delete from atlas_public.indicator_value returning 1) select count(*) from d"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> count(Audience.PUBLIC, "select count(*) from (select 1) x; refresh materialized view atlas_public.layer_value"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theInternalRoleReadsBothViewFamiliesButNoAccountsAndNoTables() throws Exception {
        assertThat(count(Audience.INTERNAL, "select count(*) from atlas_internal.indicator_value"))
                .isGreaterThan(count(Audience.PUBLIC, "select count(*) from atlas_public.indicator_value"));
        assertThat(count(Audience.INTERNAL, "select count(*) from atlas_public.layer_value")).isPositive();
        for (String sql : new String[] {"select count(*) from atlas.app_user", "select count(*) from atlas.indicator_value",
            "select count(*) from atlas.audit_log"}) {
            assertThatThrownBy(() -> count(Audience.INTERNAL, sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void readingRolesHaveAStatementTimeout() throws Exception {
        for (Audience a : Audience.values()) {
            try (Connection c = TestAtlas.database().dataSource(a).getConnection(); var st = c.createStatement()) {
                var rs = st.executeQuery("show statement_timeout");
                rs.next();
                assertThat(rs.getString(1)).as(a.role()).isNotEqualTo("0");
            }
        }
    }
}
