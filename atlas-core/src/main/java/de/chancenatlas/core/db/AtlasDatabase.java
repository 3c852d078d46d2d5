package de.chancenatlas.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the atlas keeps its data: an existing PostGIS (production: {@code ATLAS_DB_URL},
 * {@code ATLAS_DB_USER}, {@code ATLAS_DB_PASSWORD}) or, when none is configured, the embedded
 * private cluster under {@code ATLAS_DATA_DIR} (default {@code ./data}).
 * Opening it applies the migrations from {@code sql/}.
 */
public final class AtlasDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AtlasDatabase.class);
    public static final String DATABASE = "atlas";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final String database;
    private final String url;
    private final String user;
    private final String password;

    private AtlasDatabase(EmbeddedPostgres embedded, String database, String url, String user, String password, int poolSize) {
        this.embedded = embedded;
        this.database = database;
        this.url = url;
        this.user = user;
        this.password = password;
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("atlas");
        cfg.addDataSourceProperty("ApplicationName", "chancenatlas");
        this.dataSource = new HikariDataSource(cfg);
        // history in public: with the role named "atlas", "$user" in the search path would otherwise
        // make Flyway look for it in schema atlas once V1 has created that schema
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").defaultSchema("public")
                .load().migrate();
    }

    /** Opens the database configured in the environment; the embedded one is created and started when needed. */
    public static AtlasDatabase open(Path defaultDataDir) {
        String dir = env("ATLAS_DATA_DIR");
        return open(env("ATLAS_DB_URL"), env("ATLAS_DB_USER"), env("ATLAS_DB_PASSWORD"), dir != null ? Path.of(dir) : defaultDataDir);
    }

    /** An existing PostGIS when {@code url} is given, else the embedded cluster in {@code dataDir}. */
    public static AtlasDatabase open(String url, String user, String password, Path dataDir) {
        if (url != null && !url.isBlank()) {
            log.info("Using the configured PostGIS database {}", url);
            return new AtlasDatabase(null, null, url, user, password, 16);
        }
        return embedded(dataDir, false, DATABASE);
    }

    public String jdbcUrl() {
        return url;
    }

    /** The same database as a libpq connection string, for programs that connect themselves (MapServer). */
    public String libpqConnection() {
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("cannot derive a libpq connection from " + url);
        }
        return "host=" + m.group(1) + " port=" + (m.group(2) == null ? "5432" : m.group(2)) + " dbname=" + m.group(3)
                + " user=" + user + " password=" + password;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens (creating if needed) an embedded cluster in the given folder and a database in it. */
    public static AtlasDatabase embedded(Path folder, boolean throwaway, String database) {
        EmbeddedPostgres pg = new EmbeddedPostgres(folder, throwaway).start();
        try {
            pg.createDatabase(database);
            return new AtlasDatabase(pg, database, pg.jdbcUrl(database), EmbeddedPostgres.SUPERUSER, pg.password(), 16);
        } catch (RuntimeException e) {
            pg.stop();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** For throwaway test databases: closes the pool, drops the database, stops the cluster if started here. */
    public void closeAndDrop() {
        dataSource.close();
        if (embedded != null && database != null && !DATABASE.equals(database)) {
            embedded.dropDatabase(database);
        }
        if (embedded != null) {
            embedded.stop();
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.stop();
        }
    }

    private static String env(String name) {
        String v = System.getProperty(name.toLowerCase().replace('_', '.'), System.getenv(name));
        return v == null || v.isBlank() ? null : v;
    }
}
