package de.chancenatlas.server.cli;

import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.geoserver.GeoServerClient;
import de.chancenatlas.geoserver.GeoServerSync;
import de.chancenatlas.geoserver.Plan;
import de.chancenatlas.geoserver.Target;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code ./atlas geoserver sync}: publishes the atlas's layers into an existing GeoServer (docs/geoserver.md).
 * The GeoServer password comes from ATLAS_GEOSERVER_PASSWORD or stdin, never from the command line
 * (which other users see in the process list), and is never printed.
 */
final class GeoServerCommand {
    static final String USAGE = """
            GeoServer (docs/geoserver.md):
              ./atlas geoserver sync --url URL --user USER [--territory T] [--dry-run] [--remove] [--password-stdin]
                      [--staff-role ATLAS_{TERRITORY}_STAFF] [--db-host HOST] [--db-port PORT]
                      password: ATLAS_GEOSERVER_PASSWORD or --password-stdin; URL/USER also from ATLAS_GEOSERVER_URL/_USER
            """;

    private final PrintStream out;

    GeoServerCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] raw) throws Exception {
        Cli.Args a = Cli.Args.parse(raw);
        if (!"sync".equals(a.at(0, "sync"))) {
            throw new Cli.UsageException("geoserver sync …");
        }
        String url = option(a, "url", "ATLAS_GEOSERVER_URL");
        String user = option(a, "user", "ATLAS_GEOSERVER_USER");
        if (a.options().containsKey("password")) {
            throw new Cli.UsageException("Passwort nicht auf der Befehlszeile; ATLAS_GEOSERVER_PASSWORD oder --password-stdin / "
                    + "no password on the command line; use ATLAS_GEOSERVER_PASSWORD or --password-stdin");
        }
        String password = a.options().containsKey("password-stdin")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                : System.getenv("ATLAS_GEOSERVER_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new Cli.UsageException("GeoServer-Passwort fehlt: ATLAS_GEOSERVER_PASSWORD oder --password-stdin / "
                    + "GeoServer password missing: ATLAS_GEOSERVER_PASSWORD or --password-stdin");
        }
        boolean dryRun = a.options().containsKey("dry-run");
        boolean remove = a.options().containsKey("remove");
        String port = a.options().get("db-port");
        try (AtlasDatabase db = Cli.open()) {
            Target target = Target.of(db, a.options().get("db-host"), port == null ? null : Integer.valueOf(port), a.options().get("staff-role"));
            GeoServerClient gs = new GeoServerClient(url, user, password);
            out.println((dryRun ? "Plan (Probelauf, nichts wird geändert / dry run, nothing is changed) für / for " : "Abgleich / sync with ")
                    + gs.base());
            var result = new GeoServerSync(db.dataSource()).sync(gs, target, a.options().get("territory"), dryRun, remove, Cli.actor(),
                    s -> out.println("  " + s));
            Plan plan = result.plan();
            if (dryRun) {
                plan.steps().forEach(s -> out.println("  " + s));
            }
            plan.warnings().forEach(w -> out.println("Warnung / warning: " + w));
            out.println(plan.summary());
            return 0;
        }
    }

    private static String option(Cli.Args a, String name, String env) {
        String v = a.options().get(name);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        if (v == null || v.isEmpty()) {
            throw new Cli.UsageException("Option fehlt / missing option: --" + name + " (oder/or " + env + ")");
        }
        return v;
    }
}
