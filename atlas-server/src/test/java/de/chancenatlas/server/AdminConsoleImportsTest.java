package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's import and batch screens in Chromium (atlas-web/test/admin-imports.mjs), on a throwaway
 * territory (imports, publication, reverts and a new level change nothing other tests read) and with a
 * Kreis Düren department editor whose department holds "einwohner" only.
 */
class AdminConsoleImportsTest extends ServerTest {

    @Test
    void importsAndBatchesInTheBrowser() throws Exception {
        String territory = TestAtlas.territory("konsole-importe");
        assertThat(postJson("/api/v1/territories/kreis-dueren/departments",
                "{\"key\": \"konsole-importe\", \"name\": \"Statistikstelle\", \"indicators\": [\"einwohner\"]}", ADMIN).statusCode()).isIn(201, 409);
        user("konsole-importe-redaktion", "Statistik-Stelle-2026");
        assertThat(postJson("/api/v1/territories/kreis-dueren/grants",
                "{\"login\": \"konsole-importe-redaktion\", \"role\": \"editor\", \"department\": \"konsole-importe\"}", ADMIN).statusCode())
                .isIn(201, 409);
        // the territory's own administrator publishes (other tests count the global administrator's publications)
        user("konsole-importe-verwaltung", "Gebiets-Verwaltung-2026");
        assertThat(postJson("/api/v1/territories/" + territory + "/grants",
                "{\"login\": \"konsole-importe-verwaltung\", \"role\": \"admin\"}", ADMIN).statusCode()).isIn(201, 409);
        BrowserScripts.run("test/admin-imports.mjs", port, Map.of("ATLAS_TERRITORY", territory,
                "ATLAS_EDITOR", "konsole-importe-redaktion:Statistik-Stelle-2026",
                "ATLAS_TERRITORY_ADMIN", "konsole-importe-verwaltung:Gebiets-Verwaltung-2026"));
    }
}
