package de.chancenatlas.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.admin.TerritoryAdmin;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerritoryAdminTest {
    @Test
    void deletingATerritoryRemovesAllItsDataLeavesOthersAndIsLogged() throws Exception {
        String t = TestAtlas.territory("admin-delete");
        String other = TestAtlas.territory("admin-keep");
        for (String key : new String[] {t, other}) {
            new ValueImporter(TestAtlas.dataSource()).importFile(key, new ImportSource("v.csv",
                    "gebiet;indikator;jahr;wert\n01;anzahl;2020;5\n".getBytes(StandardCharsets.UTF_8), "test"), ValueImporter.Options.NONE, Progress.NONE);
        }
        assertThat(new TerritoryAdmin(TestAtlas.dataSource()).deleteTerritory(t, "admin")).isTrue();
        assertThat(new TerritoryAdmin(TestAtlas.dataSource()).deleteTerritory(t, "admin")).isFalse();
        assertThat(TestAtlas.count("select count(*) from atlas.territory where key = ?", t)).isZero();
        assertThat(TestAtlas.count("select count(*) from atlas.indicator_value v join atlas.territory x using (territory_id) where x.key = ?", other))
                .isEqualTo(1);
        assertThat(TestAtlas.count("select count(*) from atlas.audit_log where action = 'delete_territory' and details ->> 'territory' = ?", t))
                .isEqualTo(1);
    }
}
