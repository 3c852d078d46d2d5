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
                new DemoLoader(ds, demoDir()).loadIfEmpty();
            } catch (Exception e) {
                throw new IllegalStateException("loading the demo territories failed", e);
            }
            demoLoaded = true;
        }
        return ds;
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
