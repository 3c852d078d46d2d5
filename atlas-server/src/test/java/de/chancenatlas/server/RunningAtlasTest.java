package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./atlas test} beside a running atlas in the same checkout: the launcher exports the user's
 * ATLAS_DATA_DIR, and test servers that wrote their map files there deleted the running atlas's
 * maps ("Fehler der Kartenmaschine" for every layer until the next data change). Here surefire sets
 * ATLAS_DATA_DIR to a stand-in user folder under target/ (atlas-server/pom.xml); an OGC service in
 * that folder's {@code ogc} plays the running atlas while the test server changes data and draws maps.
 */
class RunningAtlasTest extends ServerTest {

    @Test
    void aRunningAtlasKeepsServingMapsWhileTheServerTestsRun() throws Exception {
        String env = System.getenv("ATLAS_DATA_DIR");
        assertThat(env).as("surefire sets ATLAS_DATA_DIR like the launcher does").isNotBlank();
        Path userOgc = Path.of(env).toAbsolutePath().resolve("ogc");
        assertThat(DATA_DIR).as("the test server's data folder").startsWith(Path.of("target").toAbsolutePath());
        try (OgcService running = new OgcService(TestAtlas.dataSource(), new PublishedViews(TestAtlas.dataSource()),
                TestAtlas.database().readerConnections(), userOgc, 1)) {
            assertThat(map(running).contentType()).isEqualTo("image/png");
            Map<Path, java.nio.file.attribute.FileTime> before = snapshot(userOgc);
            assertThat(before).isNotEmpty();

            // the test server at work: a data change (a new generation of maps, old ones deleted) and maps
            String t = TestAtlas.territory("laufend");
            var r = upload("/api/v1/territories/" + t + "/imports/values", "werte.csv",
                    "unit,indicator,period,value\n01,anzahl,2020,5\n02,anzahl,2020,7\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), ADMIN);
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
            var served = bytes("GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=koeln.anteil_unter_6.stadtteil&STYLES="
                    + "&CRS=EPSG:25832&BBOX=343000,5630000,372000,5664000&WIDTH=64&HEIGHT=64&FORMAT=image/png");
            assertThat(served.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            assertThat(files(DATA_DIR.resolve("ogc"))).as("the test server wrote its maps under target/test-data").isNotEmpty();

            // the user's folder exactly as the running atlas left it, and the running atlas still draws
            assertThat(snapshot(userOgc)).as("files of " + userOgc).isEqualTo(before);
            assertThat(Files.exists(Path.of(env).resolve("pg"))).as("no database cluster in the user's folder").isFalse();
            assertThat(map(running).contentType()).isEqualTo("image/png");

            // map files that vanished anyway (removed by hand, or by an older version of these tests) are written anew
            for (Path f : files(userOgc).stream().filter(f -> f.toString().endsWith(".map")).toList()) {
                Files.delete(f);
            }
            OgcResponse again = map(running);
            assertThat(again.contentType()).as(new String(again.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("image/png");
        }
    }

    /** A Köln map from the running atlas, as an anonymous user. */
    private static OgcResponse map(OgcService ogc) {
        Map<String, String[]> p = new HashMap<>();
        for (String[] kv : new String[][] {{"SERVICE", "WMS"}, {"VERSION", "1.3.0"}, {"REQUEST", "GetMap"}, {"LAYERS", "koeln.anteil_unter_6.stadtteil"},
                {"STYLES", ""}, {"CRS", "EPSG:25832"}, {"BBOX", "343000,5630000,372000,5664000"}, {"WIDTH", "64"}, {"HEIGHT", "64"}, {"FORMAT", "image/png"}}) {
            p.put(kv[0], new String[] {kv[1]});
        }
        return ogc.handle(Viewer.ANONYMOUS, null, p, null, "http://localhost/ows?");
    }

    private static Map<Path, java.nio.file.attribute.FileTime> snapshot(Path dir) throws Exception {
        Map<Path, java.nio.file.attribute.FileTime> out = new java.util.TreeMap<>();
        for (Path f : files(dir)) {
            out.put(f, Files.getLastModifiedTime(f));
        }
        return out;
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
