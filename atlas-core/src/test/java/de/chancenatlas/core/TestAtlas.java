package de.chancenatlas.core;

import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.demo.DemoLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The test database: one throwaway PostgreSQL cluster per test run (under the build's target
 * folder, started by the first test JVM that needs it), a fresh database per test JVM, with the
 * demo territories loaded once through the real importers.
 */
public final class TestAtlas {
    private static AtlasDatabase db;
    private static boolean demoLoaded;

    private TestAtlas() {
    }

    public static synchronized AtlasDatabase database() {
        if (db == null) {
            Path dir = Path.of(System.getProperty("atlas.test.dir", "target/test-cluster"));
            db = AtlasDatabase.embedded(dir, true, "atlas_test_" + ProcessHandle.current().pid());
            Runtime.getRuntime().addShutdownHook(new Thread(db::closeAndDrop, "atlas-test-db-stop"));
        }
        return db;
    }

    public static DataSource dataSource() {
        return database().dataSource();
    }

    /** The database with Köln and Kreis Düren loaded from the repository's demo folder. */
    public static synchronized DataSource withDemo() {
        DataSource ds = dataSource();
        if (!demoLoaded) {
            try {
                new DemoLoader(ds, demoDir()).loadMissing();
            } catch (Exception e) {
                throw new IllegalStateException("loading the demo territories failed", e);
            }
            demoLoaded = true;
        }
        return ds;
    }

    /**
     * A fresh small territory for tests that write: levels "gesamt" (one unit T) and "bezirk"
     * (units 01-04, 1 km squares in EPSG:25832, valid from 2000), and three indicators: "quote"
     * (ratio, %, public; the public area is live with this one indicator), "anzahl" (count) and "index"
     * (plain value). Each call with a new key is isolated.
     */
    public static String territory(String key) {
        DataSource ds = dataSource();
        try {
            String yaml = """
                    territory: {key: %s, name: Testgebiet %s, kind: gemeinde, srid: 25832, settings: {publication: {min_published: 1}}}
                    levels:
                      - {key: gesamt, name: Gesamt, rank: 0}
                      - {key: bezirk, name: Bezirk, rank: 1}
                    themes:
                      - {key: test, title: Test}
                    indicators:
                      - {key: quote, theme: test, title: Quote, definition: d, unit_label: '%%', scale_factor: 100, decimals: 1,
                         kind: ratio, numerator_label: Z, denominator_label: N, source: Test, visibility: public}
                      - {key: anzahl, theme: test, title: Anzahl, definition: d, unit_label: Anzahl, decimals: 0, kind: count, source: Test}
                      - {key: index, theme: test, title: Index, definition: d, unit_label: Punkte, decimals: 2, kind: value, source: Test,
                         numerator_may_be_negative: true}
                    """.formatted(key, key);
            new de.chancenatlas.core.catalogue.CatalogueImporter(ds).importFile(null,
                    new de.chancenatlas.core.imports.ImportSource("catalogue.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test"));
            var boundaries = new de.chancenatlas.core.imports.BoundaryImporter(ds);
            boundaries.importFile(key, new de.chancenatlas.core.imports.ImportSource("bezirke.geojson", grid(4), "test"),
                    new de.chancenatlas.core.imports.BoundaryImporter.Options("bezirk", "code", "name", null, null,
                            java.time.LocalDate.of(2000, 1, 1), null, null), de.chancenatlas.core.imports.Progress.NONE);
            boundaries.dissolve(key, "bezirk", "gesamt", "T", "Gesamt", java.time.LocalDate.of(2000, 1, 1), "test");
            return key;
        } catch (Exception e) {
            throw new IllegalStateException("creating test territory " + key + " failed", e);
        }
    }

    /** GeoJSON with n 1 km squares in a row, codes 01..n, in EPSG:25832 near Köln. */
    public static byte[] grid(int n) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},\"features\":[");
        for (int i = 0; i < n; i++) {
            int x = 350000 + i * 1000;
            int y = 5640000;
            b.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"0").append(i + 1)
                    .append("\",\"name\":\"Bezirk ").append(i + 1).append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[")
                    .append(x).append(',').append(y).append("],[").append(x + 1000).append(',').append(y).append("],[")
                    .append(x + 1000).append(',').append(y + 1000).append("],[").append(x).append(',').append(y + 1000).append("],[")
                    .append(x).append(',').append(y).append("]]]}}");
        }
        return b.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Runs a query returning one number. */
    public static long count(String sql, Object... args) {
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path projectDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("sql"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("project folder (with sql/) not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    public static Path demoDir() {
        return projectDir().resolve("demo");
    }

    /** Real open data beside the checkout (../shared/data), for scale tests; null when absent. */
    public static Path sharedData() {
        Path p = projectDir().resolveSibling("shared").resolve("data");
        return Files.isDirectory(p) ? p : null;
    }
}
