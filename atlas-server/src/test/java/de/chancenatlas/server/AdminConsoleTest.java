package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin console's frame in Chromium (atlas-web/test/admin-console.mjs): access, sections per role, login and back. */
class AdminConsoleTest extends ServerTest {

    @Test
    void theConsoleShowsEachRoleItsSections() throws Exception {
        assertThat(postJson("/api/v1/territories/kreis-dueren/departments",
                "{\"key\": \"konsole\", \"name\": \"Jugendhilfeplanung\", \"indicators\": [\"einwohner\"]}", ADMIN).statusCode()).isIn(201, 409);
        user("konsole-redaktion", "Jugendhilfe-Plan-2026");
        assertThat(postJson("/api/v1/territories/kreis-dueren/grants",
                "{\"login\": \"konsole-redaktion\", \"role\": \"editor\", \"department\": \"konsole\"}", ADMIN).statusCode()).isIn(201, 409);
        BrowserScripts.run("test/admin-console.mjs", port, Map.of("ATLAS_EDITOR", "konsole-redaktion:Jugendhilfe-Plan-2026"));
    }
}
