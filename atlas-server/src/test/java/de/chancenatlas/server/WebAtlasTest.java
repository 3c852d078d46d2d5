package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web atlas in a real browser: atlas-web/test/e2e.mjs drives Debian's Chromium through
 * playwright-core (with axe-core for WCAG 2.1 AA) against this server with the demo. The launcher
 * installs the npm packages and builds the pages before Maven runs (./atlas test); this test fails,
 * saying so, when they are missing.
 */
class WebAtlasTest extends ServerTest {

    @Test
    void theWebAtlasInChromium() throws Exception {
        Path web = Path.of("..", "atlas-web").toAbsolutePath().normalize();
        assertThat(web.resolve("node_modules/playwright-core")).as("npm packages of atlas-web (./atlas test runs npm ci)").exists();
        assertThat(Path.of("target/classes/static/index.html")).as("the built web atlas (./atlas test runs npm run build)").exists();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))).as("Debian's chromium").exists();
        // a territory whose public area is not open yet (nothing published): the start page must say so
        String closed = de.chancenatlas.core.TestAtlas.territory("web-geschlossen");
        assertThat(send("DELETE", "/api/v1/territories/" + closed + "/indicators/quote/publication", null, null, ADMIN).statusCode())
                .as("withdraw its one public indicator").isLessThan(300);
        assertThat(json(get("/api/v1/territories/" + closed, "Authorization", ADMIN)).get("live").asBoolean()).isFalse();
        ProcessBuilder pb = new ProcessBuilder("node", "test/e2e.mjs").directory(web.toFile()).redirectErrorStream(true);
        pb.environment().put("ATLAS_CLOSED", closed);
        pb.environment().put("ATLAS_URL", "http://127.0.0.1:" + port);
        pb.environment().put("ATLAS_ADMIN", "admin:test-secret");
        // screenshots go under target/ like everything a test writes; ATLAS_SCREENSHOTS=docs/img refreshes the docs' pictures
        pb.environment().put("ATLAS_SCREENSHOTS", System.getenv().getOrDefault("ATLAS_SCREENSHOTS",
                Path.of("target", "screenshots").toAbsolutePath().toString()));
        Process process = pb.start();
        List<String> failures = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[web] " + line);
                if (line.startsWith("not ok")) {
                    failures.add(line);
                }
            }
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the browser tests finish").isTrue();
        assertThat(failures).as("failed browser checks").isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.size(Path.of("..", "docs", "img", "web-indikator.png"))).as("screenshot of the indicator view").isPositive();
    }
}
