package de.chancenatlas.server.cli;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.reports.Rendered;
import de.chancenatlas.reports.ReportFormat;
import de.chancenatlas.reports.ReportService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ./atlas bench reports}: how long the reports take on this machine, warm (templates
 * compiled, MapServer map built, JIT warmed by a few rounds): an area profile PDF, an indicator
 * report PDF, and the report book with one profile per unit of a level.
 */
final class ReportBenchmark {
    private static final int ROUNDS = 5;
    private final PrintStream out;

    ReportBenchmark(PrintStream out) {
        this.out = out;
    }

    int run(String[] raw) throws Exception {
        Cli.Args a = Cli.Args.parse(raw);
        String territory = a.options().getOrDefault("territory", "koeln");
        String level = a.options().getOrDefault("level", "stadtteil");
        try (ReportCommand.Session s = ReportCommand.Session.open()) {
            ReportService reports = s.reports();
            Viewer viewer = Viewer.internal(Cli.actor());
            AtlasReader reader = new AtlasReader(s.db());
            List<AtlasReader.Unit> units = reader.units(viewer, territory, level, null);
            if (units.isEmpty()) {
                throw new Cli.UsageException("keine Gebiete / no units: " + territory + " " + level);
            }
            String unit = units.get(0).code();
            String indicator = reader.indicators(Viewer.ANONYMOUS, territory).get(0).key();
            ReportService.Options o = ReportService.Options.DEFAULT;
            out.printf("Reports on %s, level %s (%d units), %d cores%n", territory, level, units.size(), Runtime.getRuntime().availableProcessors());
            long cold = System.nanoTime();
            reports.profile(viewer, territory, unit, null, ReportFormat.PDF, o);
            out.printf("first profile (cold: templates, map, JIT)   %8.0f ms%n", (System.nanoTime() - cold) / 1e6);
            time("area profile PDF, warm (" + units.get(0).name() + ")", () -> reports.profile(viewer, territory, unit, null, ReportFormat.PDF, o));
            time("indicator report PDF, warm (" + indicator + ")",
                    () -> reports.indicator(viewer, territory, indicator, level, null, ReportFormat.PDF, o));
            long t = System.nanoTime();
            Rendered book = reports.book(viewer, territory, level, null, o, (done, total) -> { });
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf("report book PDF, %d profiles                %8.1f s  (%d KiB)%n", units.size(), seconds, book.body().length / 1024);
            return 0;
        }
    }

    private interface Job {
        Rendered run() throws Exception;
    }

    private void time(String what, Job job) throws Exception {
        for (int i = 0; i < 2; i++) {
            job.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            job.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        out.printf("%-44s %8.0f ms median (min %.0f, max %.0f, %d runs)%n", what, ms.get(ROUNDS / 2), ms.get(0), ms.get(ROUNDS - 1), ROUNDS);
    }
}
