package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of atlas-web's browser test scripts (test/*.mjs: Debian's Chromium through playwright-core,
 * axe-core for WCAG 2.1 AA) against a test server and fails with the checks that failed. The launcher
 * installs the npm packages and builds the pages before Maven runs (./atlas test).
 */
final class BrowserScripts {
    private BrowserScripts() {
    }

    static void run(String script, int port, Map<String, String> env) throws Exception {
        Path web = Path.of("..", "atlas-web").toAbsolutePath().normalize();
        assertThat(web.resolve("node_modules/playwright-core")).as("npm packages of atlas-web (./atlas test runs npm ci)").exists();
        assertThat(Path.of("target/classes/static/index.html")).as("the built web atlas (./atlas test runs npm run build)").exists();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))).as("Debian's chromium").exists();
        ProcessBuilder pb = new ProcessBuilder("node", script).directory(web.toFile()).redirectErrorStream(true);
        pb.environment().put("ATLAS_URL", "http://127.0.0.1:" + port);
        pb.environment().put("ATLAS_ADMIN", "admin:test-secret");
        // screenshots go under target/ like everything a test writes; ATLAS_SCREENSHOTS=docs/img refreshes the docs' pictures
        pb.environment().put("ATLAS_SCREENSHOTS", System.getenv().getOrDefault("ATLAS_SCREENSHOTS",
                Path.of("target", "screenshots").toAbsolutePath().toString()));
        pb.environment().putAll(env);
        Process process = pb.start();
        List<String> failures = new ArrayList<>();
        String tag = "[" + Path.of(script).getFileName().toString().replace(".mjs", "") + "] ";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(tag + line);
                if (line.startsWith("not ok")) {
                    failures.add(line);
                }
            }
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the browser tests finish").isTrue();
        assertThat(failures).as("failed browser checks").isEmpty();
        assertThat(process.exitValue()).as("exit status of " + script).isZero();
    }
}
