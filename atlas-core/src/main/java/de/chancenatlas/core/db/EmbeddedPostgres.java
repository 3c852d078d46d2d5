package de.chancenatlas.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL cluster under a folder of the project, run with the Debian binaries
 * (initdb, pg_ctl). Nothing outside the folder is touched: no system cluster, no system service.
 *
 * <p>Layout: {@code <folder>/pg/cluster} holds the cluster, {@code <folder>/pg/postgres.log} its log,
 * {@code <folder>/db.properties} the generated superuser password. PostgreSQL refuses to run as
 * root, so when the JVM is root the cluster belongs to the {@code postgres} system user (created by
 * the Debian package) and its commands run through {@code runuser}.
 *
 * <p>{@link #start()} reuses a cluster that is already running (another atlas process started it)
 * and then leaves it running on {@link #stop()}; it only stops what it started.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    public static final String SUPERUSER = "atlas";

    private final Path folder;
    private final Path pgHome;
    private final Path cluster;
    private final Path binDir;
    private final boolean throwaway;
    private int port;
    private boolean startedHere;

    /**
     * @param folder    the project's data folder (created if missing)
     * @param throwaway true for test clusters: durability switched off for speed
     */
    public EmbeddedPostgres(Path folder, boolean throwaway) {
        this.folder = folder.toAbsolutePath().normalize();
        this.pgHome = this.folder.resolve("pg");
        this.cluster = pgHome.resolve("cluster");
        this.binDir = Path.of(System.getenv().getOrDefault("ATLAS_PG_BIN", "/usr/lib/postgresql/15/bin"));
        this.throwaway = throwaway;
    }

    public synchronized EmbeddedPostgres start() {
        if (!Files.isExecutable(binDir.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + binDir
                    + " - install the Debian package postgresql-15-postgis-3 (./atlas does this) or set ATLAS_PG_BIN");
        }
        try {
            Files.createDirectories(folder);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initCluster();
            }
            Integer running = runningPort();
            if (running != null) {
                port = running;
                log.info("PostgreSQL cluster in {} already running on port {}; reusing it", cluster, port);
                return this;
            }
            port = freePort();
            log.info("Starting PostgreSQL cluster in {} on 127.0.0.1:{}", cluster, port);
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", cluster.toString(),
                    "-l", pgHome.resolve("postgres.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port, "start"), true);
            startedHere = true;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the cluster if this instance started it. */
    public synchronized void stop() {
        if (!startedHere) {
            return;
        }
        log.info("Stopping PostgreSQL cluster in {}", cluster);
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "fast", "-w", "stop"), true);
        } catch (IOException e) {
            log.warn("Stopping PostgreSQL failed: {}", e.getMessage());
        }
        startedHere = false;
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        Properties p = new Properties();
        try (var in = Files.newInputStream(folder.resolve("db.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("password");
    }

    /** Creates a database owned by the superuser if it does not exist yet. */
    public void createDatabase(String name) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password());
             var st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "''") + "'");
            if (!rs.next()) {
                st.execute("create database \"" + name.replace("\"", "") + "\" encoding 'UTF8' template template0");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public void dropDatabase(String name) {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password());
             var st = c.createStatement()) {
            st.execute("drop database if exists \"" + name.replace("\"", "") + "\" with (force)");
        } catch (java.sql.SQLException e) {
            log.warn("Cannot drop database {}: {}", name, e.getMessage());
        }
    }

    private void initCluster() throws IOException {
        log.info("Creating a private PostgreSQL cluster in {}", cluster);
        Files.createDirectories(pgHome);
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Path props = folder.resolve("db.properties");
        Files.writeString(props, "# generated superuser password of the embedded cluster\nuser=" + SUPERUSER
                + "\npassword=" + password + "\n", StandardCharsets.UTF_8);
        restrict(props);
        Path pwfile = pgHome.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        try {
            if (asRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", pgHome.toString()), false);
            }
            run(List.of(binDir.resolve("initdb").toString(), "-D", cluster.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"), true);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        List<String> conf = new ArrayList<>(List.of(
                "", "# chancenatlas: private cluster, reachable on the loopback interface only",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "max_connections = 150",   // owner and two reader pools per server, MapServer connections per worker and layer map
                "shared_buffers = 256MB",
                "work_mem = 16MB",
                "maintenance_work_mem = 128MB",
                "max_wal_size = 4GB                    # bulk imports without forced checkpoints",
                "checkpoint_timeout = 15min",
                "timezone = 'Europe/Berlin'"));
        if (throwaway) {
            conf.addAll(List.of("fsync = off", "synchronous_commit = off", "full_page_writes = off"));
        }
        Path pgConf = cluster.resolve("postgresql.conf");
        if (asRoot()) {
            // written through the postgres user so ownership stays right
            Path tmp = pgHome.resolve("atlas.conf.tmp");
            Files.write(tmp, conf, StandardCharsets.UTF_8);
            run(List.of("sh", "-c", "cat '" + tmp + "' >> '" + pgConf + "' && rm '" + tmp + "'"), true);
        } else {
            Files.write(pgConf, conf, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** The port of a running cluster in this folder, or null. */
    private Integer runningPort() throws IOException {
        Path pid = cluster.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        Process p = process(List.of(binDir.resolve("pg_ctl").toString(), "-D", cluster.toString(), "status"), true);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.size() > 3 ? Integer.valueOf(lines.get(3).trim()) : null;
    }

    private static int freePort() throws IOException {
        String fixed = System.getenv("ATLAS_PG_PORT");
        if (fixed != null && !fixed.isBlank()) {
            return Integer.parseInt(fixed.trim());
        }
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean asRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Cannot restrict permissions of {}: {}", file, e.getMessage());
        }
    }

    private Process process(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser && asRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        return new ProcessBuilder(cmd).redirectErrorStream(true).directory(folder.toFile()).start();
    }

    private void run(List<String> command, boolean asPostgresUser) throws IOException {
        Process p = process(command, asPostgresUser);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("command failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + out.strip());
        }
        log.debug("{}: {}", command.get(0), out.strip());
    }
}
