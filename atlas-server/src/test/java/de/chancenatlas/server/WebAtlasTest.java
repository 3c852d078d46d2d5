package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web atlas in a real browser: atlas-web/test/e2e.mjs (public and internal area) against this
 * server with the demo, through {@link BrowserScripts}.
 */
class WebAtlasTest extends ServerTest {

    @Test
    void theWebAtlasInChromium() throws Exception {
        // a territory whose public area is not open yet (nothing published): the start page must say so
        String closed = de.chancenatlas.core.TestAtlas.territory("web-geschlossen");
        assertThat(send("DELETE", "/api/v1/territories/" + closed + "/indicators/quote/publication", null, null, ADMIN).statusCode())
                .as("withdraw its one public indicator").isLessThan(300);
        assertThat(json(get("/api/v1/territories/" + closed, "Authorization", ADMIN)).get("live").asBoolean()).isFalse();
        BrowserScripts.run("test/e2e.mjs", port, java.util.Map.of("ATLAS_CLOSED", closed));
        Path shots = Path.of(System.getenv().getOrDefault("ATLAS_SCREENSHOTS", "target/screenshots"));
        assertThat(Files.size(shots.resolve("web-indikator.png"))).as("screenshot of the indicator view").isPositive();
    }
}
