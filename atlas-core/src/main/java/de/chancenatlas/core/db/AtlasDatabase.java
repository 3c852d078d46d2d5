package de.chancenatlas.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
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
    private final Map<Audience, String> readerPasswords;
    private final Map<Audience, HikariDataSource> readers = new EnumMap<>(Audience.class);

    private AtlasDatabase(EmbeddedPostgres embedded, String database, String url, String user, String password,
                          Map<Audience, String> readerPasswords, int poolSize) {
        this.embedded = embedded;
        this.database = database;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataSource = pool(url, user, password, poolSize, "atlas");
        // history in public: with the role named "atlas", "$user" in the search path would otherwise
        // make Flyway look for it in schema atlas once V1 has created that schema
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").defaultSchema("public")
                .load().migrate();
        if (embedded != null) {
            // the embedded cluster is ours: its reader roles log in with passwords derived from the superuser's
            Map<Audience, String> derived = new EnumMap<>(Audience.class);
            for (Audience a : Audience.values()) {
                String pw = derivedPassword(password, a);
                derived.put(a, pw);
                try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                    st.execute("alter role " + a.role() + " login password '" + pw + "'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Cannot enable the reader role " + a.role() + ": " + e.getMessage(), e);
                }
            }
            this.readerPasswords = derived;
        } else {
            this.readerPasswords = readerPasswords == null ? Map.of() : Map.copyOf(readerPasswords);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size, String name) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(size);
        cfg.setPoolName(name);
        cfg.addDataSourceProperty("ApplicationName", "chancenatlas");
        return new HikariDataSource(cfg);
    }

    private static String derivedPassword(String superuserPassword, Audience a) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((superuserPassword + ":" + a.role()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The read pool of an audience, connected as its own role: the public role can SELECT only the
     * public view family, so the public path cannot reach internal data even by a flaw above it.
     */
    public synchronized DataSource dataSource(Audience a) {
        return readers.computeIfAbsent(a, k -> pool(url, k.role(), password(k), 8, k.role()));
    }

    /** The password of an audience's role: generated for the embedded cluster, configured otherwise. */
    public String password(Audience a) {
        String pw = readerPasswords.get(a);
        if (pw == null || pw.isBlank()) {
            throw new IllegalStateException("No password for the database role " + a.role() + ": set ATLAS_DB_" + a.name()
                    + "_PASSWORD (the public and internal readers connect with roles of their own, see docs/betrieb.md)");
        }
        return pw;
    }

    /** Opens the database configured in the environment; the embedded one is created and started when needed. */
    public static AtlasDatabase open(Path defaultDataDir) {
        String dir = env("ATLAS_DATA_DIR");
        return open(env("ATLAS_DB_URL"), env("ATLAS_DB_USER"), env("ATLAS_DB_PASSWORD"), readerPasswordsFromEnv(),
                dir != null ? Path.of(dir) : defaultDataDir);
    }

    /** ATLAS_DB_PUBLIC_PASSWORD and ATLAS_DB_INTERNAL_PASSWORD, as far as set. */
    public static Map<Audience, String> readerPasswordsFromEnv() {
        Map<Audience, String> m = new EnumMap<>(Audience.class);
        for (Audience a : Audience.values()) {
            String pw = env("ATLAS_DB_" + a.name() + "_PASSWORD");
            if (pw != null) {
                m.put(a, pw);
            }
        }
        return m;
    }

    /** An existing PostGIS when {@code url} is given, else the embedded cluster in {@code dataDir}. */
    public static AtlasDatabase open(String url, String user, String password, Map<Audience, String> readerPasswords, Path dataDir) {
        if (url != null && !url.isBlank()) {
            log.info("Using the configured PostGIS database {}", url);
            return new AtlasDatabase(null, null, url, user, password, readerPasswords, 16);
        }
        return embedded(dataDir, false, DATABASE);
    }

    public String jdbcUrl() {
        return url;
    }

    /** The same database as a libpq connection string, for programs that connect themselves (MapServer). */
    public String libpqConnection() {
        return libpq(user, password);
    }

    /** The libpq connection of an audience's role (MapServer reads the layers of that audience with it). */
    public String libpqConnection(Audience a) {
        return libpq(a.role(), password(a));
    }

    /** The libpq connection of every audience. */
    public Map<Audience, String> readerConnections() {
        Map<Audience, String> m = new EnumMap<>(Audience.class);
        for (Audience a : Audience.values()) {
            m.put(a, libpqConnection(a));
        }
        return m;
    }

    private String libpq(String role, String pw) {
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("cannot derive a libpq connection from " + url);
        }
        return "host=" + m.group(1) + " port=" + (m.group(2) == null ? "5432" : m.group(2)) + " dbname=" + m.group(3)
                + " user=" + role + " password=" + pw;
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
            return new AtlasDatabase(pg, database, pg.jdbcUrl(database), EmbeddedPostgres.SUPERUSER, pg.password(), null, 16);
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
        readers.values().forEach(HikariDataSource::close);
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
        readers.values().forEach(HikariDataSource::close);
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
