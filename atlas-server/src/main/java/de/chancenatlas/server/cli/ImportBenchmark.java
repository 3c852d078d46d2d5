package de.chancenatlas.server.cli;

import de.chancenatlas.core.admin.TerritoryAdmin;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.ValueImporter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Locale;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * {@code ./atlas bench import}: imports generated values into a throwaway territory "benchmark"
 * through the real importer and prints values per second, next to a baseline measured in the same
 * run on the same rows: a bare COPY into an unindexed table, i.e. what PostgreSQL alone needs.
 */
final class ImportBenchmark {
    private static final String TERRITORY = "benchmark";
    private final PrintStream out;

    ImportBenchmark(PrintStream out) {
        this.out = out;
    }

    int run(String[] raw) throws Exception {
        Cli.Args a = Cli.Args.parse(raw);
        if (!"import".equals(a.at(0, "import"))) {
            throw new Cli.UsageException("bench import [--values N]");
        }
        int values = Integer.parseInt(a.options().getOrDefault("values", "1000000").replace("_", "").replace(".", ""));
        int units = 1000;
        int indicators = 100;
        int periods = Math.max(1, (values + units * indicators - 1) / (units * indicators));
        values = units * indicators * periods;
        try (AtlasDatabase db = Cli.open()) {
            var ds = db.dataSource();
            refuseForeignTerritory(ds);
            new TerritoryAdmin(ds).deleteTerritory(TERRITORY, Cli.actor());
            new CatalogueImporter(ds).importFile(null, new ImportSource("benchmark.yaml", catalogue(indicators), Cli.actor()));
            new BoundaryImporter(ds).importFile(TERRITORY, new ImportSource("grid.geojson", grid(units), Cli.actor()),
                    new BoundaryImporter.Options("zelle", "code", "name", null, null, null, null, null), Progress.NONE);
            byte[] csv = values(units, indicators, periods, 2010);
            out.printf(Locale.GERMANY, "Import-Benchmark: %,d Werte (%d Gebiete × %d Indikatoren × %d Jahre), CSV %,.1f MB, %d Kerne%n",
                    values, units, indicators, periods, csv.length / 1e6, Runtime.getRuntime().availableProcessors());

            // warm-up (JIT, caches): 100,000 values of other years, imported and reverted again
            byte[] warm = values(units / 10, indicators, 10, 1990);
            long w0 = System.nanoTime();
            ImportResult wr = new ValueImporter(ds).importFile(TERRITORY, new ImportSource("warmup.csv", warm, Cli.actor()),
                    ValueImporter.Options.NONE, Progress.NONE);
            double warmSeconds = (System.nanoTime() - w0) / 1e9;
            new de.chancenatlas.core.imports.Batches(ds).revert(TERRITORY, wr.batchId(), Cli.actor());
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("vacuum analyze atlas.indicator_value");   // what autovacuum would do before the next delivery
            }
            out.printf(Locale.GERMANY, "  Aufwärmlauf: %,d Werte in %.2f s (%,.0f Werte/s), danach zurückgenommen%n",
                    wr.written(), warmSeconds, wr.written() / warmSeconds);

            double baseline = baseline(ds.getConnection(), csv);
            long p0 = System.nanoTime();
            de.chancenatlas.core.text.TableReader.read(csv, "bench.csv", values + 1);
            double parse = (System.nanoTime() - p0) / 1e9;
            long[] phase = new long[2];
            long t0 = System.nanoTime();
            ImportResult r = new ValueImporter(ds).importFile(TERRITORY, new ImportSource("bench.csv", csv, Cli.actor()),
                    ValueImporter.Options.NONE, (p, done, total) -> {
                        if (p.startsWith("schreiben") && phase[0] == 0) {
                            phase[0] = System.nanoTime();
                        }
                    });
            double seconds = (System.nanoTime() - t0) / 1e9;
            double check = phase[0] == 0 ? Double.NaN : (phase[0] - t0) / 1e9;
            out.printf(Locale.GERMANY, "  Baseline: COPY in ungeprüfte Tabelle     %6.2f s  %,12.0f Werte/s%n", baseline, values / baseline);
            out.printf(Locale.GERMANY, "  Atlas-Import (lesen, prüfen, schreiben) %6.2f s  %,12.0f Werte/s  (%.2f × Baseline-Durchsatz)%n",
                    seconds, values / seconds, baseline / seconds);
            out.printf(Locale.GERMANY, "    davon lesen+prüfen %.2f s (CSV zerlegen allein: %.2f s), schreiben (COPY, Abgleich, Historie) %.2f s; %,d geschrieben%n",
                    check, parse, seconds - check, r.written());
            out.printf(Locale.GERMANY, "values/s: %.0f (target >= 100000)%n", values / seconds);
            new TerritoryAdmin(ds).deleteTerritory(TERRITORY, Cli.actor());
            return 0;
        }
    }

    /** The benchmark replaces its own territory, never one of the same name that somebody made by hand. */
    private static void refuseForeignTerritory(javax.sql.DataSource ds) throws java.sql.SQLException {
        try (var c = ds.getConnection(); var ps = c.prepareStatement(
                "select settings ->> 'generated_by' from atlas.territory where key = ?")) {
            ps.setString(1, TERRITORY);
            var rs = ps.executeQuery();
            if (rs.next() && !"atlas bench".equals(rs.getString(1))) {
                throw new IllegalStateException("Es gibt ein Gebiet „" + TERRITORY + "“, das nicht vom Benchmark stammt; Benchmark abgebrochen"
                        + " / a territory '" + TERRITORY + "' exists that the benchmark did not create; not touching it");
            }
        }
    }

    /** The same CSV rows copied into an unindexed temporary table: PostgreSQL's own ingest speed. */
    private static double baseline(Connection c, byte[] csv) throws Exception {
        try (c) {
            try (var st = c.createStatement()) {
                st.execute("create temp table bench_raw (unit text, indicator text, period int, numerator numeric, denominator numeric)");
            }
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw from stdin (format csv, header true)",
                    new StringReader(new String(csv, StandardCharsets.UTF_8)));
            double s = (System.nanoTime() - t0) / 1e9;
            try (var st = c.createStatement()) {
                st.execute("drop table bench_raw");
            }
            return s;
        }
    }

    private static byte[] catalogue(int indicators) {
        StringBuilder b = new StringBuilder("""
                territory: {key: benchmark, name: Benchmark, kind: region, srid: 25832, settings: {generated_by: "atlas bench"}}
                levels:
                  - {key: zelle, name: Zelle, rank: 1}
                themes:
                  - {key: bench, title: Benchmark}
                indicators:
                """);
        for (int i = 0; i < indicators; i++) {
            b.append("  - {key: ind_").append(i).append(", theme: bench, title: Indikator ").append(i)
                    .append(", definition: generiert, unit_label: '%', scale_factor: 100, kind: ratio, numerator_label: Z, denominator_label: N, source: Benchmark}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] grid(int units) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},\"features\":[");
        int side = (int) Math.ceil(Math.sqrt(units));
        for (int i = 0; i < units; i++) {
            double x = 350000 + (i % side) * 500.0;
            double y = 5640000 + (i / side) * 500.0;
            b.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"Z").append(String.format("%04d", i))
                    .append("\",\"name\":\"Zelle ").append(i).append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[")
                    .append(x).append(',').append(y).append("],[").append(x + 500).append(',').append(y).append("],[")
                    .append(x + 500).append(',').append(y + 500).append("],[").append(x).append(',').append(y + 500).append("],[")
                    .append(x).append(',').append(y).append("]]]}}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] values(int units, int indicators, int periods, int firstYear) {
        Random rnd = new Random(42);
        StringBuilder b = new StringBuilder(units * indicators * periods * 32);
        b.append("unit,indicator,period,numerator,denominator\n");
        for (int p = 0; p < periods; p++) {
            for (int u = 0; u < units; u++) {
                for (int i = 0; i < indicators; i++) {
                    int den = 500 + rnd.nextInt(20000);
                    b.append('Z').append(String.format("%04d", u)).append(",ind_").append(i).append(',').append(firstYear + p).append(',')
                            .append(rnd.nextInt(den + 1)).append(',').append(den).append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
