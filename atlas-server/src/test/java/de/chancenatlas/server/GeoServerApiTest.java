package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The admin call behind {@code ./atlas geoserver sync} over HTTP, without a GeoServer: only global
 * administrators, a bad territory key refused, and a clear answer while no GeoServer is configured.
 * (The sync itself: atlas-geoserver's PlannerTest, and RealGeoServerTest against a real GeoServer.)
 */
class GeoServerApiTest extends ServerTest {
    @Test
    void onlyGlobalAdminsAndOnlyWhenConfigured() throws Exception {
        assertThat(postJson("/api/v1/geoserver/sync?dry_run=true", null, null).statusCode()).isEqualTo(401);
        String reader = user("gis-leser", "Karten-lesen-2026");
        postJson("/api/v1/territories/koeln/grants", "{\"login\": \"gis-leser\", \"role\": \"reader\"}", ADMIN);
        assertThat(postJson("/api/v1/geoserver/sync?dry_run=true", null, reader).statusCode()).isEqualTo(403);
        var bad = postJson("/api/v1/geoserver/sync?territory=K%C3%B6ln';--", null, ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Gebietsschlüssel").doesNotContain("Exception");
        var unconfigured = postJson("/api/v1/geoserver/sync?territory=koeln&dry_run=true", null, ADMIN);
        assertThat(unconfigured.statusCode()).isEqualTo(409);
        assertThat(unconfigured.body()).contains("ATLAS_GEOSERVER_URL");
    }

    @Test
    void theCommandTakesNoPasswordOnTheCommandLine() {
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int rc = new de.chancenatlas.server.cli.Cli().run("geoserver",
                    new String[] {"sync", "--url", "http://127.0.0.1:9/geoserver", "--user", "admin", "--password", "Klartext-Geheim"});
            assertThat(rc).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("ATLAS_GEOSERVER_PASSWORD").doesNotContain("Klartext-Geheim");
    }
}
