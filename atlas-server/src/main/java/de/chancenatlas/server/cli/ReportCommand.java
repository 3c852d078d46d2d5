package de.chancenatlas.server.cli;

import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcService;
import de.chancenatlas.reports.MapImages;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.reports.Rendered;
import de.chancenatlas.reports.ReportFormat;
import de.chancenatlas.reports.ReportProblem;
import de.chancenatlas.reports.ReportService;
import de.chancenatlas.reports.Templates;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./atlas report indicator|profile|comparison ...}: the reports of the REST API as files.
 * The command line reads as staff (everything), or as the public with {@code --public}.
 */
final class ReportCommand {
    static final String USAGE = """
              ./atlas report indicator T KEY [--level L] [--period P]
              ./atlas report profile T UNIT [--period P] [--threshold 0.1]
              ./atlas report comparison T --units A,B[,..] [--indicators K1,K2] [--period P]
                      common: [--format pdf|docx|xlsx|png|jpg] [--part map|ranking|timeseries|table|page] [--page N]
                              [--dpi 300] [--lang de|en] [--public] [--out FILE]
            """;

    private final PrintStream out;

    ReportCommand(PrintStream out) {
        this.out = out;
    }

    /** A report service over an open database, with its own MapServer workers. */
    record Session(AtlasDatabase db, OgcService ogc, ReportService reports) implements AutoCloseable {
        static Session open() {
            AtlasDatabase db = Cli.open();
            Path data = Path.of(System.getenv().getOrDefault("ATLAS_DATA_DIR", "data"));
            PublishedViews views = new PublishedViews(db.dataSource());
            OgcService ogc = new OgcService(db, views, data.resolve("ogc-cli"), 2);
            ReportService reports = new ReportService(new AtlasReader(db::dataSource, views), new MapImages(ogc, db.dataSource(), views), new Templates(),
                    Path.of(System.getenv().getOrDefault("ATLAS_DEMO_DIR", "demo")), new de.chancenatlas.core.admin.Logos(db.dataSource()));
            return new Session(db, ogc, reports);
        }

        @Override
        public void close() {
            ogc.close();
            db.close();
        }
    }

    int run(String[] raw) throws Exception {
        Cli.Args a = Cli.Args.parse(raw);
        String kind = a.at(0, "indicator | profile | comparison");
        String territory = a.at(1, "TERRITORY");
        ReportFormat format = ReportFormat.parse(a.options().get("format"));
        ReportService.Options options = new ReportService.Options(a.options().get("lang"), a.options().get("part"),
                Integer.parseInt(a.options().getOrDefault("page", "1")), Integer.parseInt(a.options().getOrDefault("dpi", "300")),
                Double.parseDouble(a.options().getOrDefault("threshold", "0.10")));
        Viewer viewer = a.options().containsKey("public") ? Viewer.ANONYMOUS : Viewer.internal(Cli.actor());
        String period = a.options().get("period");
        try (Session s = Session.open()) {
            Rendered r = switch (kind) {
                case "indicator" -> s.reports().indicator(viewer, territory, a.at(2, "KEY"), a.options().get("level"), period, format, options);
                case "profile" -> s.reports().profile(viewer, territory, a.at(2, "UNIT"), period, format, options);
                case "comparison" -> s.reports().comparison(viewer, territory, list(a.required("units")), list(a.options().get("indicators")),
                        period, format, options);
                default -> throw new Cli.UsageException("report indicator | profile | comparison");
            };
            Path file = Path.of(a.options().getOrDefault("out", r.fileName()));
            Files.write(file, r.body());
            out.println(file.toAbsolutePath() + " (" + r.body().length / 1024 + " KiB)");
            return 0;
        } catch (ReportProblem.NotFound e) {
            System.err.println("Nicht gefunden / not found: " + e.getMessage());
            return 1;
        } catch (ReportProblem.BadRequest e) {
            System.err.println("Ungültig / invalid: " + e.getMessage());
            return 2;
        }
    }

    static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
