package de.chancenatlas.server.cli;

import de.chancenatlas.core.admin.TerritoryAdmin;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.demo.DemoLoader;
import de.chancenatlas.core.imports.Batches;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.FacilityImporter;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Problem;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.Shapefiles;
import de.chancenatlas.core.imports.SourceMapping;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.text.Dates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command-line tools behind {@code ./atlas}. They work on the same database as the server
 * (starting the embedded cluster if it is not running) through the same importers as the REST API.
 */
public final class Cli {
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    static final String HELP = """
            Chancenatlas command line

              ./atlas run                          start the server (http://localhost:8080)
              ./atlas test                         run the whole test suite
              ./atlas import catalogue FILE [--territory T]
              ./atlas import boundaries T FILE|FOLDER --level L --code-field F [--name-field F]
                      [--parent-field F] [--code-width N] [--valid-from YYYY-MM-DD] [--source-srs EPSG:n] [--layer NAME]
              ./atlas import values T FILE [--level L] [--period P] [--indicator KEY]
              ./atlas import mapped T MAPPING.yaml  values from a statistics table, translated by a mapping file
              ./atlas import facilities T FILE     facilities (schools, Kitas, ...): code, name, typ, x/y or lon/lat
              ./atlas batches T                    list the import batches of territory T
              ./atlas revert T BATCH               revert a value batch
              ./atlas delete-territory T --yes     delete territory T with all its data (logged)
              ./atlas demo                         load the demo territories into an empty database
              ./atlas bench import [--values N]    import N generated values (default 1,000,000), print values/s
              ./atlas bench reports [--territory koeln] [--level stadtteil]  report timings (profile, indicator report, book)
              ./atlas bench ogc [--seconds 20] [--scale]  GetMap throughput against bare MapScript, tile cache hit against miss;
                                                   --scale: all German Gemeinden
              ./atlas bench ogc wfs [--rounds 40]  WFS GeoJSON (and GML, OGC API) ms and CPU-ms against PostGIS' ST_AsGeoJSON
              ./atlas bench ogc soak [--minutes 10]  4 clients mixing GetMap, GetFeatureInfo, GetFeature; errors, heap
              ./atlas bench ogc compare URL [--scale] [--db-host H]  against a GeoServer on the same rows (syncs into it first;
                                                   ATLAS_GEOSERVER_PASSWORD); --compare URL adds this to a full run
            %s
            Tile cache (docs/betrieb.md, 3a):
            %s
            Staff and publication (docs/zugang.md):
              ./atlas user add LOGIN [--name N] [--email E] [--admin] [--password-stdin]   prints a one-time password
              ./atlas user reset|unlock LOGIN      new one-time password / unlock after failed logins
              ./atlas user list
              ./atlas grant T LOGIN admin|reader   ./atlas grant T LOGIN editor --department D
              ./atlas revoke T LOGIN ROLE [--department D]
              ./atlas department T KEY NAME [--themes a,b] [--indicators x,y]
              ./atlas publish T INDICATOR [--levels a,b]     ./atlas withdraw T INDICATOR [--levels a,b]
              ./atlas publication T                what T publishes, and whether its public area is open
              ./atlas token LOGIN NAME [--days N]  an API token for scripts (shown once)

            %s
            Database: ATLAS_DB_URL / ATLAS_DB_USER / ATLAS_DB_PASSWORD, or the embedded cluster in ATLAS_DATA_DIR (default ./data).
            """.formatted(ReportCommand.USAGE, TilesCommand.USAGE.stripTrailing(), GeoServerCommand.USAGE);

    public int run(String command, String[] args) {
        // tools speak for themselves; library chatter (pool, migrations) only when something is wrong
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            return switch (command) {
                case "import" -> importCommand(args);
                case "batches" -> batches(args);
                case "revert" -> revert(args);
                case "delete-territory" -> deleteTerritory(args);
                case "demo" -> demo();
                case "bench" -> bench(args);
                case "report" -> new ReportCommand(out).run(args);
                case "tiles" -> new TilesCommand(out).run(Args.parse(args));
                case "geoserver" -> new GeoServerCommand(out).run(args);
                case "user", "grant", "revoke", "department", "publish", "withdraw", "publication", "token" ->
                        new AccessCommands(out).run(command, args);
                case "help", "--help", "-h" -> {
                    out.print(HELP);
                    yield 0;
                }
                default -> {
                    err.println("Unbekannter Befehl / unknown command: " + command);
                    err.print(HELP);
                    yield 2;
                }
            };
        } catch (ImportRejected e) {
            err.println("Abgelehnt, nichts wurde geändert / rejected, nothing was changed ("
                    + e.total() + " Problem(e)/problem(s)):");
            for (Problem p : e.problems()) {
                err.println("  " + p);
            }
            if (e.total() > e.problems().size()) {
                err.println("  … " + (e.total() - e.problems().size()) + " weitere / more");
            }
            return 1;
        } catch (de.chancenatlas.core.access.AccessProblem e) {
            err.println("Abgelehnt / refused: " + e.getMessage());
            return 1;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(HELP);
            return 2;
        } catch (de.chancenatlas.geoserver.GeoServerClient.GeoServerException e) {
            err.println("GeoServer: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("Fehler / error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("Fehler / error: " + e.getMessage());
            return 1;
        }
    }

    private int bench(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "import";
        return switch (what) {
            case "reports" -> new ReportBenchmark(out).run(args);
            case "ogc" -> new OgcBenchmark(out).run(Args.parse(args));
            default -> new ImportBenchmark(out).run(args);
        };
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Positional arguments and --options. */
    record Args(List<String> positional, Map<String, String> options) {
        static Args parse(String[] args) {
            List<String> pos = new ArrayList<>();
            Map<String, String> opt = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    String name = args[i].substring(2);
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        opt.put(name.substring(0, eq), name.substring(eq + 1));
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        opt.put(name, args[++i]);
                    } else {
                        opt.put(name, "true");
                    }
                } else {
                    pos.add(args[i]);
                }
            }
            return new Args(pos, opt);
        }

        String at(int i, String what) {
            if (i >= positional.size()) {
                throw new UsageException("Angabe fehlt / missing: " + what);
            }
            return positional.get(i);
        }

        String required(String option) {
            String v = options.get(option);
            if (v == null) {
                throw new UsageException("Option fehlt / missing option: --" + option);
            }
            return v;
        }
    }

    static String actor() {
        return System.getProperty("user.name", "unknown") + "@cli";
    }

    static AtlasDatabase open() {
        return AtlasDatabase.open(Path.of("data"));
    }

    private int importCommand(String[] raw) throws Exception {
        Args a = Args.parse(raw);
        String what = a.at(0, "catalogue | boundaries | values | facilities | mapped");
        try (AtlasDatabase db = open()) {
            ImportResult r = switch (what) {
                case "catalogue" -> {
                    Path file = Path.of(a.at(1, "FILE"));
                    yield new CatalogueImporter(db.dataSource()).importFile(a.options().get("territory"),
                            new ImportSource(file.getFileName().toString(), Files.readAllBytes(file), actor()));
                }
                case "boundaries" -> {
                    String territory = a.at(1, "TERRITORY");
                    Path file = Path.of(a.at(2, "FILE"));
                    byte[] content;
                    String name;
                    Path shp = shapefile(file);
                    if (shp != null) {
                        content = Shapefiles.zip(shp);
                        name = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", ".zip");
                    } else {
                        content = Files.readAllBytes(file);
                        name = file.getFileName().toString();
                    }
                    String width = a.options().get("code-width");
                    String from = a.options().get("valid-from");
                    var o = new BoundaryImporter.Options(a.required("level"), a.required("code-field"), a.options().get("name-field"),
                            a.options().get("parent-field"), width == null ? null : Integer.valueOf(width),
                            Dates.parse(from), a.options().get("source-srs"), a.options().get("layer"));
                    yield new BoundaryImporter(db.dataSource()).importFile(territory, new ImportSource(name, content, actor()), o, bar());
                }
                case "values" -> {
                    String territory = a.at(1, "TERRITORY");
                    Path file = Path.of(a.at(2, "FILE"));
                    String period = a.options().get("period");
                    var o = new ValueImporter.Options(a.options().get("level"), period,
                            a.options().get("indicator"));
                    yield new ValueImporter(db.dataSource()).importFile(territory,
                            new ImportSource(file.getFileName().toString(), Files.readAllBytes(file), actor()), o, bar());
                }
                case "facilities" -> {
                    String territory = a.at(1, "TERRITORY");
                    Path file = Path.of(a.at(2, "FILE"));
                    yield new FacilityImporter(db.dataSource()).importFile(territory,
                            new ImportSource(file.getFileName().toString(), Files.readAllBytes(file), actor()));
                }
                case "mapped" -> {
                    String territory = a.at(1, "TERRITORY");
                    Path mappingFile = Path.of(a.at(2, "MAPPING.yaml"));
                    SourceMapping mapping = SourceMapping.parse(Files.readAllBytes(mappingFile));
                    Path source = mappingFile.toAbsolutePath().resolveSibling(mapping.sourceFile());
                    yield new ValueImporter(db.dataSource()).importFile(territory, new ImportSource(mapping.sourceFile()
                            + " (" + mappingFile.getFileName() + ")", mapping.toCsv(Files.readAllBytes(source)), actor()),
                            ValueImporter.Options.NONE, bar());
                }
                default -> throw new UsageException("import catalogue | boundaries | values | facilities | mapped");
            };
            err.println();
            out.printf("%s: Lieferung/batch %d, %d Zeilen/rows, %d geschrieben/written, %d unverändert/unchanged%s%n",
                    r.kind(), r.batchId(), r.rows(), r.written(), r.unchangedRows(),
                    r.unchanged() ? " – keine Änderung / nothing changed" : "");
            for (Problem w : r.warnings()) {
                out.println("  Hinweis/warning: " + w);
            }
            return 0;
        }
    }

    /** The .shp to import when given a shapefile or a folder holding exactly one; else null. */
    private static Path shapefile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            try (Stream<Path> s = Files.list(file)) {
                List<Path> shps = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".shp")).toList();
                if (shps.size() != 1) {
                    throw new UsageException("Ordner muss genau ein .shp enthalten / folder must hold exactly one .shp: " + file);
                }
                return shps.get(0);
            }
        }
        return file.getFileName().toString().toLowerCase().endsWith(".shp") ? file : null;
    }

    /** A progress bar on standard error. */
    private Progress bar() {
        return new Progress() {
            private long last;

            @Override
            public void report(String phase, long done, long total) {
                long now = System.currentTimeMillis();
                if (now - last < 200 && done < total) {
                    return;
                }
                last = now;
                int width = 30;
                int filled = total == 0 ? 0 : (int) (width * Math.min(done, total) / total);
                err.printf("\r%-16s [%s%s] %3d%% %,d/%,d", phase, "#".repeat(filled), " ".repeat(width - filled),
                        total == 0 ? 0 : done * 100 / total, done, total);
            }
        };
    }

    private int batches(String[] raw) throws Exception {
        Args a = Args.parse(raw);
        try (AtlasDatabase db = open()) {
            out.printf("%-7s %-11s %-9s %-30s %8s %8s %-16s %s%n", "batch", "kind", "status", "file", "rows", "written", "by", "at");
            for (var b : new Batches(db.dataSource()).list(a.at(0, "TERRITORY"), 200)) {
                out.printf("%-7s %-11s %-9s %-30.30s %8s %8s %-16.16s %s%n", b.get("batch_id"), b.get("kind"), b.get("status"),
                        b.get("file_name"), b.get("row_count"), b.get("written"), b.get("created_by"), b.get("created_at"));
            }
            return 0;
        }
    }

    private int revert(String[] raw) throws Exception {
        Args a = Args.parse(raw);
        try (AtlasDatabase db = open()) {
            long batch = Long.parseLong(a.at(1, "BATCH"));
            new Batches(db.dataSource()).revert(a.at(0, "TERRITORY"), batch, actor());
            out.println("Lieferung " + batch + " zurückgenommen / batch reverted");
            return 0;
        }
    }

    private int deleteTerritory(String[] raw) throws Exception {
        Args a = Args.parse(raw);
        String key = a.at(0, "TERRITORY");
        if (!"true".equals(a.options().get("yes"))) {
            throw new UsageException("Löschen mit --yes bestätigen / confirm deletion with --yes");
        }
        try (AtlasDatabase db = open()) {
            boolean deleted = new TerritoryAdmin(db.dataSource()).deleteTerritory(key, actor());
            out.println(deleted ? "Gebiet " + key + " gelöscht / territory deleted" : "Kein Gebiet / no territory " + key);
            return deleted ? 0 : 1;
        }
    }

    private int demo() throws Exception {
        try (AtlasDatabase db = open()) {
            boolean loaded = new DemoLoader(db.dataSource(), Path.of(System.getenv().getOrDefault("ATLAS_DEMO_DIR", "demo"))).loadIfEmpty();
            out.println(loaded ? "Demo-Gebiete geladen / demo territories loaded" : "Datenbank nicht leer, nichts geladen / database not empty, nothing loaded");
            return 0;
        }
    }
}
