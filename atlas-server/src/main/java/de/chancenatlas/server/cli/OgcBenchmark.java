package de.chancenatlas.server.cli;

import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.SourceMapping;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.style.Classification;
import de.chancenatlas.ogc.LayerCatalog;
import de.chancenatlas.ogc.LayerDef;
import de.chancenatlas.server.AtlasServer;
import edu.umn.gis.mapscript.MS_REQUEST_TYPE;
import edu.umn.gis.mapscript.OWSRequest;
import edu.umn.gis.mapscript.mapObj;
import edu.umn.gis.mapscript.mapscript;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./atlas bench ogc}: the OGC path measured against bare MapScript, at scale, and under load.
 * It starts the server in this process on a free port (same database, demo loaded if empty) and talks
 * to it over HTTP like any client.
 * <ul>
 * <li>baseline: bare MapScript (one map object per thread, OWSDispatch, no validation, no view, no
 * pool) on a plain PostGIS table with the Köln Stadtteil geometry and one numeric column, the same
 * classes; the same 256 × 256 GetMap requests as our full path, at 2 concurrent clients, alternating
 * rounds in the same run so machine noise hits both;</li>
 * <li>{@code --scale}: all 10,997 German Gemeinden with their population (territory "deutschland"
 * imported once through the ordinary importers), full-extent GetMap and WFS GeoJSON of all features;</li>
 * <li>WFS GeoJSON of one layer-year (and all years, GML, MapServer's own GeoJSON and GML, OGC API
 * Features) against the floor: PostGIS writing the whole FeatureCollection of the same rows itself
 * ({@code ST_AsGeoJSON}); wall ms and CPU-ms (server JVM with its in-process client, plus the
 * database cluster's processes) per request; {@code bench ogc wfs} runs this part alone;</li>
 * <li>{@code bench ogc soak [--minutes 10]}: 4 clients mixing GetMap, GetFeatureInfo and GetFeature,
 * counting errors, heap (after GC) and resident memory every minute.</li>
 * </ul>
 */
final class OgcBenchmark {
    static final String LAYER = "koeln.anteil_unter_6.stadtteil";
    private static final String GERMANY = "deutschland";
    static final double[] KOELN = {343900, 5632700, 370700, 5661500};
    private final PrintStream out;
    private String base;

    OgcBenchmark(PrintStream out) {
        this.out = out;
    }

    int run(Cli.Args a) throws Exception {
        boolean soak = "soak".equals(a.positional().size() > 1 ? a.positional().get(1) : "");
        boolean wfsOnly = "wfs".equals(a.positional().size() > 1 ? a.positional().get(1) : "");
        boolean compareOnly = "compare".equals(a.positional().size() > 1 ? a.positional().get(1) : "");
        int seconds = Integer.parseInt(a.options().getOrDefault("seconds", "20"));
        ConfigurableApplicationContext ctx = SpringApplication.run(AtlasServer.class, "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            DataSource ds = ctx.getBean(DataSource.class);
            if (soak) {
                return soak(ds, Integer.parseInt(a.options().getOrDefault("minutes", "10")));
            }
            AtlasDatabase db = ctx.getBean(AtlasDatabase.class);
            DataSource reader = db.dataSource(de.chancenatlas.core.db.Audience.PUBLIC);
            int rounds = Integer.parseInt(a.options().getOrDefault("rounds", "40"));
            String compare = a.options().get("compare");
            if (compareOnly && compare == null) {
                compare = a.positional().size() > 2 ? a.positional().get(2) : System.getenv("ATLAS_GEOSERVER_URL");
                if (compare == null || compare.isBlank()) {
                    throw new Cli.UsageException("bench ogc compare URL (GeoServer, z. B. / e.g. http://127.0.0.1:8600/geoserver)");
                }
            }
            if (!wfsOnly && !compareOnly) {
                double wms = baseline(ds, db.libpqConnection(), seconds);
                tileCache(seconds, wms);
            }
            if (!compareOnly) {
                wfs(ds, reader, rounds);
            }
            if (a.options().containsKey("scale")) {
                scale(ds, Path.of(a.options().getOrDefault("germany", defaultGermany())));
            }
            if (compare != null) {
                compare(db, reader, compare, a.options().get("db-host"), seconds, rounds);
            }
            return 0;
        } finally {
            ctx.close();
        }
    }

    private static String defaultGermany() {
        String demo = System.getenv().getOrDefault("ATLAS_DEMO_DIR", "demo");
        return Path.of(demo).toAbsolutePath().getParent().resolveSibling("shared").resolve("data/germany/gemeinden_vg5000_2021_zensus2022.geojson")
                .toString();
    }

    // ---------------------------------------------------------------- baseline vs. full path

    /** 21 tiles of 256 × 256 over Köln at three zoom levels (1, 2 × 2, 4 × 4). */
    static List<String> tiles() {
        List<String> out = new ArrayList<>();
        double size = Math.max(KOELN[2] - KOELN[0], KOELN[3] - KOELN[1]);
        for (int n : new int[] {1, 2, 4}) {
            double s = size / n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double x = KOELN[0] + i * s;
                    double y = KOELN[1] + j * s;
                    out.add(String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", x, y, x + s, y + s));
                }
            }
        }
        return out;
    }

    static Map<String, String> getMap(String layer, String bbox) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SERVICE", "WMS");
        p.put("VERSION", "1.3.0");
        p.put("REQUEST", "GetMap");
        p.put("LAYERS", layer);
        p.put("STYLES", "");
        p.put("CRS", "EPSG:25832");
        p.put("BBOX", bbox);
        p.put("WIDTH", "256");
        p.put("HEIGHT", "256");
        p.put("FORMAT", "image/png");
        return p;
    }

    /** @return the throughput of our path (maps/s at 2 clients on /koeln/ows), for the tile cache's comparison */
    private double baseline(DataSource ds, String libpq, int seconds) throws Exception {
        LayerDef layer = new LayerCatalog(ds).layers("koeln", de.chancenatlas.core.db.Audience.PUBLIC).stream().filter(l -> l.name().equals(LAYER)).findFirst().orElseThrow(
                () -> new IllegalStateException("layer " + LAYER + " missing: is the Köln demo loaded?"));
        String latest = layer.periods().get(layer.periods().size() - 1).stichtag();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            // a plain table: the same geometry, one numeric column, nothing else between MapServer and the rows
            st.execute("drop table if exists public.bench_koeln_stadtteil");
            st.execute("create table public.bench_koeln_stadtteil as select row_number() over (order by v.code)::int as fid, v.value, g.geom "
                    + "from atlas_public.layer_value v join atlas_public.unit_geometry g using (unit_id) where v.territory = 'koeln' "
                    + "and v.indicator = 'anteil_unter_6' and v.level = 'stadtteil' and v.stichtag = date '" + latest + "'");
            st.execute("alter table public.bench_koeln_stadtteil add primary key (fid)");
            st.execute("create index on public.bench_koeln_stadtteil using gist (geom)");
            st.execute("analyze public.bench_koeln_stadtteil");
        }
        Path mapfile = Files.createTempFile("bench-bare", ".map");
        try {
            Files.writeString(mapfile, bareMap(libpq, layer.classification()), StandardCharsets.UTF_8);
            List<String> tiles = tiles();
            out.printf(Locale.GERMANY, "OGC-Benchmark: %d Kacheln 256 × 256 (%s, %s), 2 Clients, %d Kerne%n", tiles.size(), LAYER, latest,
                    Runtime.getRuntime().availableProcessors());
            System.loadLibrary("javamapscript");
            ThreadLocal<mapObj> maps = ThreadLocal.withInitial(() -> new mapObj(mapfile.toString(), null));
            Function<Integer, Boolean> bare = i -> bareGetMap(maps.get(), getMap("bare", tiles.get(i % tiles.size()))) != null;
            var bareServer = bareServer(maps);
            String bareBase = "http://127.0.0.1:" + bareServer.getAddress().getPort();
            Function<Integer, Boolean> bareHttp = i -> ok(bareBase + "/bare?" + query(getMap("bare", tiles.get(i % tiles.size()))), "image/png");
            // our path through the territory's endpoint (its map has Köln's layers) and through /ows (all territories)
            Function<Integer, Boolean> full = i -> httpOk("/koeln/ows?" + query(getMap(LAYER, tiles.get(i % tiles.size()))), "image/png");
            Function<Integer, Boolean> all = i -> httpOk("/ows?" + query(getMap(LAYER, tiles.get(i % tiles.size()))), "image/png");
            // warm-up (connections, caches, and the JIT: after 3 s its compiler still took a fifth
            // of the CPU), then alternating rounds so machine noise hits all alike
            for (int round = 0; round < 2; round++) {
                measure(bare, 2, 4);
                measure(bareHttp, 2, 4);
                measure(full, 2, 4);
                measure(all, 2, 4);
            }
            Stats b = new Stats();
            Stats h = new Stats();
            Stats f = new Stats();
            Stats a = new Stats();
            for (int round = 0; round < 2; round++) {
                b.add(measure(bare, 2, seconds / 2.0));
                h.add(measure(bareHttp, 2, seconds / 2.0));
                f.add(measure(full, 2, seconds / 2.0));
                a.add(measure(all, 2, seconds / 2.0));
            }
            bareServer.stop(0);
            out.printf(Locale.GERMANY, "  MapScript pur (Tabelle):    %7.1f Karten/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                    b.throughput(), b.p(50), b.p(95), b.errors);
            out.printf(Locale.GERMANY, "  MapScript pur hinter HTTP:  %7.1f Karten/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                    h.throughput(), h.p(50), h.p(95), h.errors);
            out.printf(Locale.GERMANY, "  Chancenatlas /koeln/ows:    %7.1f Karten/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                    f.throughput(), f.p(50), f.p(95), f.errors);
            out.printf(Locale.GERMANY, "  Chancenatlas /ows (alle):   %7.1f Karten/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                    a.throughput(), a.p(50), a.p(95), a.errors);
            out.printf(Locale.GERMANY, "  Verhältnis zu MapScript pur (Ziel ≥ 0,9): /koeln/ows %.2f, /ows %.2f%n",
                    f.throughput() / b.throughput(), a.throughput() / b.throughput());
            out.printf(Locale.GERMANY, "  Verhältnis zu MapScript pur hinter HTTP:   /koeln/ows %.2f, /ows %.2f%n",
                    f.throughput() / h.throughput(), a.throughput() / h.throughput());
            return f.throughput();
        } finally {
            Files.deleteIfExists(mapfile);
            try (var c = ds.getConnection(); var st = c.createStatement()) {
                st.execute("drop table if exists public.bench_koeln_stadtteil");
            }
        }
    }

    /** The bare map: one layer on the plain table, the same classes as the atlas layer's default style. */
    private static String bareMap(String libpq, Classification c) {
        StringBuilder m = new StringBuilder("MAP\n  NAME \"bare\"\n  SIZE 256 256\n  UNITS METERS\n  EXTENT 280000 5235000 922000 6102000\n")
                .append("  PROJECTION \"init=epsg:25832\" END\n")
                .append(de.chancenatlas.ogc.MapfileWriter.PNG_FORMAT)
                .append("  WEB METADATA \"ows_enable_request\" \"*\" \"wms_srs\" \"EPSG:25832\" \"ows_title\" \"bare\" ")
                .append("\"ows_onlineresource\" \"http://localhost/?\" END END\n")
                .append("  LAYER\n    NAME \"bare\"\n    TYPE POLYGON\n    STATUS ON\n    CONNECTIONTYPE POSTGIS\n")
                .append("    CONNECTION \"").append(libpq).append("\"\n")
                .append("    DATA \"geom from public.bench_koeln_stadtteil using unique fid using srid=25832\"\n")
                .append("    PROCESSING \"CLOSE_CONNECTION=DEFER\"\n    PROJECTION \"init=epsg:25832\" END\n")
                .append("    METADATA \"wms_title\" \"bare\" END\n");
        for (int i = 0; i < c.classes(); i++) {
            List<String> e = new ArrayList<>();
            if (i > 0) {
                e.add("[value] >= " + BigDecimal.valueOf(c.breaks().get(i)).toPlainString());
            }
            if (i < c.classes() - 1) {
                e.add("[value] < " + BigDecimal.valueOf(c.breaks().get(i + 1)).toPlainString());
            }
            m.append("    CLASS\n      EXPRESSION (").append(e.isEmpty() ? "1 = 1" : String.join(" AND ", e)).append(")\n")
                    .append("      STYLE COLOR \"").append(c.colours().get(i)).append("\" OUTLINECOLOR 120 120 120 WIDTH 0.5 END\n    END\n");
        }
        return m.append("  END\nEND\n").toString();
    }

    /** The PNG of a bare GetMap, or null. */
    private static byte[] bareGetMap(mapObj map, Map<String, String> params) {
        OWSRequest r = new OWSRequest();
        mapscript.msIO_installStdoutToBuffer();
        try {
            params.forEach(r::setParameter);
            r.setType(MS_REQUEST_TYPE.MS_GET_REQUEST);
            map.OWSDispatch(r);
            var headers = mapscript.msIO_getAndStripStdoutBufferMimeHeaders();
            byte[] body = mapscript.msIO_getStdoutBufferBytes();
            return body != null && body.length > 100 && "image/png".equals(headers.get("Content-Type", null)) ? body : null;
        } catch (UnknownError e) {
            return null;
        } finally {
            mapscript.msIO_resetHandlers();
            r.delete();
        }
    }

    /**
     * Bare MapScript behind the JDK's minimal HTTP server: two threads, each with its own map, no
     * validation, no security, no views. Against it, our path's ratio shows what the atlas itself
     * costs; against the in-process baseline, what HTTP costs besides.
     */
    private static com.sun.net.httpserver.HttpServer bareServer(ThreadLocal<mapObj> maps) throws java.io.IOException {
        // without TCP_NODELAY its separate writes of headers and body wait for the client's delayed ACK (40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.createContext("/bare", x -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (String kv : x.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                params.put(p[0], java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
            }
            byte[] body = bareGetMap(maps.get(), params);
            x.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : "image/png");
            byte[] out = body == null ? new byte[] {'x'} : body;
            x.sendResponseHeaders(body == null ? 500 : 200, out.length);
            x.getResponseBody().write(out);
            x.close();
        });
        server.start();
        return server;
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** A GET answer: status, content type, body. */
    record Answer(int status, String type, byte[] body) { }

    /**
     * A plain blocking GET on a kept-alive connection. Not java.net.http.HttpClient: its selector
     * thread took more CPU than the server's request handling, on the same two cores the
     * server and the baseline share, so it measured the client as much as the server.
     */
    static Answer get(String url) throws java.io.IOException {
        var c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(120_000);
        int status = c.getResponseCode();
        try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();   // read fully, so the connection is reused
            return new Answer(status, c.getContentType() == null ? "" : c.getContentType(), body);
        }
    }

    private byte[] fetch(String path) throws Exception {
        Answer r = get(base + path);
        return r.status() == 200 ? r.body() : null;
    }

    private boolean httpOk(Map<String, String> params, String type) {
        return httpOk("/ows?" + query(params), type);
    }

    private boolean httpOk(String path, String type) {
        return ok(base + path, type);
    }

    private static boolean ok(String url, String type) {
        try {
            Answer r = get(url);
            return r.status() == 200 && r.type().startsWith(type)
                    && !new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8).contains("ExceptionReport");
        } catch (Exception e) {
            return false;
        }
    }

    /** Latencies (ms) and errors of {@code clients} threads calling {@code request} for {@code seconds}. */
    static final class Stats {
        final List<Double> millis = new ArrayList<>();
        long errors;
        double seconds;

        synchronized void add(Stats s) {
            millis.addAll(s.millis);
            errors += s.errors;
            seconds += s.seconds;
        }

        double throughput() {
            return millis.size() / seconds;
        }

        double p(int percent) {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
        }
    }

    static Stats measure(Function<Integer, Boolean> request, int clients, double seconds) throws InterruptedException {
        Stats total = new Stats();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong counter = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                Stats s = new Stats();
                while (System.nanoTime() < end) {
                    long a = System.nanoTime();
                    boolean ok = request.apply((int) counter.getAndIncrement());
                    s.millis.add((System.nanoTime() - a) / 1e6);
                    s.errors += ok ? 0 : 1;
                }
                total.add(s);
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        total.seconds = (System.nanoTime() - t0) / 1e9;
        return total;
    }

    // ---------------------------------------------------------------- WFS GeoJSON against the floor

    private void wfs(DataSource owner, DataSource reader, int rounds) throws Exception {
        LayerDef layer = new LayerCatalog(owner).layers("koeln", de.chancenatlas.core.db.Audience.PUBLIC).stream()
                .filter(l -> l.name().equals(LAYER)).findFirst().orElseThrow(() -> new IllegalStateException("layer " + LAYER + " missing"));
        var period = layer.periods().get(layer.periods().size() - 1);
        String year = period.period();
        String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">%s</fes:Filter>";
        String equal = "<fes:PropertyIsEqualTo><fes:ValueReference>period</fes:ValueReference><fes:Literal>" + year
                + "</fes:Literal></fes:PropertyIsEqualTo>";
        // a condition only MapServer takes (every name matches): the request goes the old way, through MapServer's output
        String like = "<fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal>*</fes:Literal></fes:PropertyIsLike>";
        String wfs = "/koeln/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + LAYER;
        String oneYear = "&FILTER=" + java.net.URLEncoder.encode(String.format(fes, equal), StandardCharsets.UTF_8);
        String viaMapServer = "&FILTER=" + java.net.URLEncoder.encode(String.format(fes, "<fes:And>" + like + equal + "</fes:And>"), StandardCharsets.UTF_8);
        String floorSql = "select json_build_object('type', 'FeatureCollection', 'features', json_agg(st_asgeojson(t.*, 'geom', 2)::json order by t.fid))::text "
                + "from (select v.fid, v.code, v.name, v.period, v.value, v.wert, v.status, g.geom from atlas_public.layer_value v "
                + "join atlas_public.unit_geometry g on g.unit_id = v.unit_id where v.territory = 'koeln' and v.indicator = 'anteil_unter_6' "
                + "and v.level = 'stadtteil' and g.srid = " + layer.srid() + " and v.period = '" + year + "') t";
        Map<String, java.util.concurrent.Callable<Integer>> cases = new LinkedHashMap<>();
        cases.put("Untergrenze: PostGIS ST_AsGeoJSON (JDBC)", () -> {
            try (var c = reader.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(floorSql)) {
                rs.next();
                return rs.getString(1).getBytes(StandardCharsets.UTF_8).length;
            }
        });
        cases.put("Chancenatlas WFS GeoJSON (1 Jahr)", () -> size(wfs + "&OUTPUTFORMAT=geojson" + oneYear));
        cases.put("  davor: MapServer OGR-GeoJSON", () -> size(wfs + "&OUTPUTFORMAT=geojson" + viaMapServer));
        cases.put("Chancenatlas WFS GML 3.2 (1 Jahr)", () -> size(wfs + oneYear));
        cases.put("  davor: MapServer GML 3.2", () -> size(wfs + viaMapServer));
        cases.put("OGC API Features (1 Jahr, CRS84)", () -> size("/koeln/ogcapi/collections/" + LAYER + "/items?f=json&limit=1000&datetime=" + period.stichtag()));
        cases.put("Chancenatlas WFS GeoJSON (alle Jahre)", () -> size(wfs + "&OUTPUTFORMAT=geojson"));
        long postmaster = postmaster(reader);
        Map<String, double[]> totals = new LinkedHashMap<>();   // wall ms, cpu ms, n, bytes
        for (var c : cases.entrySet()) {
            for (int i = 0; i < 3; i++) {
                c.getValue().call();   // warm-up
            }
            totals.put(c.getKey(), new double[4]);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<Double>> walls = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {   // alternating, so machine noise hits all alike
            for (var c : cases.entrySet()) {
                long cpu0 = os.getProcessCpuTime() + clusterCpuNanos(postmaster);
                long t0 = System.nanoTime();
                int bytes = c.getValue().call();
                double wall = (System.nanoTime() - t0) / 1e6;
                double[] t = totals.get(c.getKey());
                t[0] += wall;
                t[1] += (os.getProcessCpuTime() + clusterCpuNanos(postmaster) - cpu0) / 1e6;
                t[2]++;
                t[3] = bytes;
                walls.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(wall);
            }
        }
        out.printf(Locale.GERMANY, "WFS-Benchmark: %s, Jahr %s, %d Runden nacheinander (1 Client), %d Kerne%n", LAYER, year, rounds,
                Runtime.getRuntime().availableProcessors());
        double floorMs = median(walls.get(cases.keySet().iterator().next()));
        double floorCpu = totals.values().iterator().next()[1] / rounds;
        for (var c : totals.entrySet()) {
            double[] t = c.getValue();
            double p50 = median(walls.get(c.getKey()));
            out.printf(Locale.GERMANY, "  %-42s p50 %6.1f ms  CPU %6.1f ms/Anfrage  %,10d Bytes  × Untergrenze: Zeit %.2f, CPU %.2f%n",
                    c.getKey(), p50, t[1] / t[2], (long) t[3], p50 / floorMs, t[1] / t[2] / floorCpu);
        }
        byte[] plain = fetch(wfs + "&OUTPUTFORMAT=geojson" + oneYear);
        var gz = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(plain);
        }
        out.printf(Locale.GERMANY, "  GeoJSON 1 Jahr: %,d Bytes, gzip %,d Bytes (Ziel Zeit ≤ 2 × Untergrenze)%n", plain.length, gz.size());
    }

    private int size(String path) throws Exception {
        Answer r = get(base + path);
        if (r.status() != 200 || new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8).contains("ExceptionReport")) {
            throw new IllegalStateException(path + ": " + r.status() + " " + new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    static double median(List<Double> values) {
        double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[s.length / 2];
    }

    /** The PostgreSQL postmaster: the parent of this session's backend. */
    static long postmaster(DataSource ds) throws Exception {
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ppid(Path.of("/proc/" + rs.getInt(1) + "/stat"));
        }
    }

    private static long ppid(Path stat) {
        try {
            String s = Files.readString(stat);
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** CPU time of the cluster's processes (children of the postmaster), from /proc; 0 where /proc is not readable. */
    static long clusterCpuNanos(long postmaster) {
        if (postmaster <= 0) {
            return 0;
        }
        long ticks = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String s = Files.readString(d.resolve("stat"));
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime
                    }
                } catch (Exception e) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;   // USER_HZ is 100 on Linux
    }

    // ---------------------------------------------------------------- against a GeoServer on the same rows

    /** {@code --compare URL}: Köln (and Germany, if imported) published into that GeoServer, then both measured ({@link GeoServerComparison}). */
    private void compare(AtlasDatabase db, DataSource reader, String url, String dbHost, int seconds, int rounds) throws Exception {
        LayerDef layer = new LayerCatalog(db.dataSource()).layers("koeln", de.chancenatlas.core.db.Audience.PUBLIC).stream()
                .filter(l -> l.name().equals(LAYER)).findFirst().orElseThrow(() -> new IllegalStateException("layer " + LAYER + " missing"));
        boolean germany = new LayerCatalog(db.dataSource()).territories().contains(GERMANY);
        GeoServerComparison c = new GeoServerComparison(out, base, url, reader);
        c.publish(db, dbHost, germany ? List.of("koeln", GERMANY) : List.of("koeln"));
        c.wfs("koeln", LAYER, layer.periods().get(layer.periods().size() - 1).period(), rounds);
        c.wfs("koeln", LAYER, null, Math.max(5, rounds / 4));
        if (germany) {
            c.all(GERMANY, GERMANY + ".einwohner.gemeinde", 5);
        } else {
            out.println("Deutschland nicht importiert: --scale importiert es / Germany not imported: --scale imports it");
        }
        c.wms(LAYER, layer.periods().get(layer.periods().size() - 1).stichtag(), seconds);
    }

    // ---------------------------------------------------------------- tile cache: hit against miss

    /**
     * WMTS tiles of the Köln layer in GoogleMapsCompatible level 17 over Köln at 2 clients: first one
     * tile of each 4 × 4 metatile (every request a miss that draws its metatile), then the same tiles
     * again (every request a hit). Each answer's X-Tile-Cache header is checked: a miss that is a hit
     * (or the reverse) counts as an error. Freshly started server: the disk tier is empty.
     */
    private void tileCache(int seconds, double wms) throws Exception {
        int z = 17;
        long x0 = tileX(6.77, z);
        long x1 = tileX(7.16, z);
        long y0 = tileY(51.09, z);
        long y1 = tileY(50.83, z);
        List<String> paths = new ArrayList<>();
        for (long y = y0 - y0 % 4; y <= y1; y += 4) {
            for (long x = x0 - x0 % 4; x <= x1; x += 4) {
                paths.add("/koeln/wmts/1.0.0/" + LAYER + "/default/GoogleMapsCompatible/" + z + "/" + (y + 1) + "/" + (x + 1) + ".png");
            }
        }
        java.util.Collections.shuffle(paths, new java.util.Random(17));
        AtomicLong drawn = new AtomicLong();
        Function<Integer, Boolean> miss = i -> {
            if (i >= paths.size()) {
                return false;
            }
            drawn.accumulateAndGet(i + 1, Math::max);
            return "MISS".equals(tileHeader(base + paths.get(i)));
        };
        Stats m = measure(miss, 2, seconds / 2.0);
        int seeded = (int) Math.min(drawn.get(), paths.size());
        Function<Integer, Boolean> hit = i -> "HIT".equals(tileHeader(base + paths.get(i % seeded)));
        measure(hit, 2, 1);   // warm-up of the hit path
        Stats h = measure(hit, 2, seconds / 2.0);
        out.printf(Locale.GERMANY, "Kachel-Cache: WMTS %s, GoogleMapsCompatible %d über Köln, 2 Clients%n", LAYER, z);
        out.printf(Locale.GERMANY, "  Fehlschlag (Metakachel 4 × 4 gezeichnet): %7.1f Kacheln/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                m.throughput(), m.p(50), m.p(95), m.errors);
        out.printf(Locale.GERMANY, "  Treffer (Speicher):                       %7.1f Kacheln/s  p50 %6.1f ms  p95 %6.1f ms  Fehler %d%n",
                h.throughput(), h.p(50), h.p(95), h.errors);
        out.printf(Locale.GERMANY, "  Treffer gegen Fehlschlag: %.1f ×; Treffer gegen ungecachte WMS-Karte 256² (/koeln/ows): %.1f × (Ziel ≥ 10)%n",
                h.throughput() / m.throughput(), h.throughput() / wms);
    }

    private static long tileX(double lon, int z) {
        return (long) Math.floor((lon + 180) / 360 * (1L << z));
    }

    private static long tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (long) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1L << z));
    }

    /** A tile's X-Tile-Cache header (HIT, MISS), or null when the answer is no PNG tile. */
    private static String tileHeader(String url) {
        try {
            var c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
            int status = c.getResponseCode();
            try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();   // read fully, so the connection is reused
                }
            }
            return status == 200 && "image/png".equals(c.getContentType()) ? c.getHeaderField("X-Tile-Cache") : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- scale: all German Gemeinden

    private void scale(DataSource ds, Path geojson) throws Exception {
        boolean exists;
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select count(*) from atlas.territory where key = ?")) {
            ps.setString(1, GERMANY);
            var rs = ps.executeQuery();
            rs.next();
            exists = rs.getInt(1) > 0;
        }
        // the catalogue every time (unchanged, it changes nothing): an older benchmark territory gets its settings
        new CatalogueImporter(ds).importFile(null, new ImportSource("catalogue.yaml", resource("bench/germany/catalogue.yaml"), Cli.actor()));
        if (!exists) {
            out.println("Deutschland: importiere " + geojson + " (einmalig)");
            long t0 = System.nanoTime();
            importGermany(ds, geojson);
            out.printf(Locale.GERMANY, "  Import: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        String layer = GERMANY + ".einwohner.gemeinde";
        double[] e;
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select st_xmin(x), st_ymin(x), st_xmax(x), st_ymax(x), n from (select st_extent(geom)::box2d x, count(*) n "
                    + "from atlas.spatial_unit u join atlas.territory t using (territory_id) where t.key = '" + GERMANY + "') s");
            rs.next();
            e = new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            out.printf(Locale.GERMANY, "Deutschland: %,d Gemeinden%n", rs.getLong(5));
        }
        Map<String, String> map = getMap(layer, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", e[0], e[1], e[2], e[3]));
        map.put("WIDTH", "800");
        map.put("HEIGHT", String.valueOf((int) Math.round(800 * (e[3] - e[1]) / (e[2] - e[0]))));
        String getMap = "/ows?" + query(map);
        String wfs = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + layer + "&OUTPUTFORMAT=geojson";
        Answer first = get(base + getMap);   // the first request builds the map file
        if (!first.type().startsWith("image/png")) {
            out.println("  GetMap fehlgeschlagen / failed: " + new String(first.body(), 0, Math.min(first.body().length, 500), StandardCharsets.UTF_8));
        }
        Stats m = new Stats();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            m.errors += httpOk(getMap, "image/png") ? 0 : 1;
            m.millis.add((System.nanoTime() - t0) / 1e6);
        }
        out.printf(Locale.GERMANY, "  GetMap ganze Ausdehnung %s × %s: Median %.0f ms, max %.0f ms (Ziel ≤ 300 ms), Fehler %d%n",
                map.get("WIDTH"), map.get("HEIGHT"), m.p(50), m.p(100), m.errors);
        Stats w = new Stats();
        int features = -1;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            byte[] body = fetch(wfs);
            w.millis.add((System.nanoTime() - t0) / 1e6);
            if (body == null) {
                w.errors++;
            } else {
                features = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("features").size();
            }
        }
        out.printf(Locale.GERMANY, "  WFS GeoJSON aller Features (%,d): Median %.0f ms, max %.0f ms (Ziel ≤ 1 s), Fehler %d%n",
                features, w.p(50), w.p(100), w.errors);
    }

    /** Catalogue and mapping ship in the jar (bench/germany); population values come from the GeoJSON's properties. */
    private void importGermany(DataSource ds, Path geojson) throws Exception {
        String actor = Cli.actor();
        byte[] bytes = Files.readAllBytes(geojson);
        new BoundaryImporter(ds).importFile(GERMANY, new ImportSource(geojson.getFileName().toString(), bytes, actor),
                new BoundaryImporter.Options("gemeinde", "ars", "name", null, 12, LocalDate.of(2021, 1, 1), null, null), Progress.NONE);
        // the statistics table the mapping reads: one row per Gemeinde with its Zensus population
        StringBuilder csv = new StringBuilder("ars;pop_zensus2022;area_km2\n");
        for (var f : new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes).get("features")) {
            var p = f.get("properties");
            if (p.hasNonNull("pop_zensus2022")) {
                csv.append(p.get("ars").asText()).append(';').append(p.get("pop_zensus2022").asText()).append(';')
                        .append(p.get("area_km2").asText()).append('\n');
            }
        }
        SourceMapping mapping = SourceMapping.parse(resource("bench/germany/mapping.yaml"));
        byte[] values = mapping.toCsv(csv.toString().getBytes(StandardCharsets.UTF_8));
        var r = new ValueImporter(ds).importFile(GERMANY, new ImportSource("zensus2022 (mapping.yaml)", values, actor),
                ValueImporter.Options.NONE, Progress.NONE);
        out.printf(Locale.GERMANY, "  %,d Werte importiert%n", r.written());
    }

    private static byte[] resource(String name) throws java.io.IOException {
        try (var in = OgcBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing");
            }
            return in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------- soak

    private int soak(DataSource ds, int minutes) throws Exception {
        List<String> tiles = tiles();
        List<LayerDef> layers = new LayerCatalog(ds).layers(null, de.chancenatlas.core.db.Audience.PUBLIC).stream().filter(l -> l.indicator() != null).toList();
        out.printf(Locale.GERMANY, "Dauerlast: %d min, 4 Clients, GetMap/GetFeatureInfo/GetFeature gemischt über %d Ebenen%n", minutes,
                layers.size());
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        Function<Integer, Boolean> mixed = i -> {
            var rnd = ThreadLocalRandom.current();
            LayerDef l = layers.get(rnd.nextInt(layers.size()));
            boolean koeln = l.territory().equals("koeln");
            String bbox = koeln ? tiles.get(rnd.nextInt(tiles.size())) : String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f",
                    l.extent()[0], l.extent()[1], l.extent()[2], l.extent()[3]);
            String year = l.periods().get(rnd.nextInt(l.periods().size())).stichtag();
            boolean ok;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    Map<String, String> p = getMap(l.name(), bbox);
                    p.put("TIME", year);
                    p.put("STYLES", List.of("", "quantile", "jenks", "per-period").get(rnd.nextInt(4)));
                    ok = httpOk(p, "image/png");
                }
                case 1 -> {
                    Map<String, String> p = getMap(l.name(), bbox);
                    p.put("REQUEST", "GetFeatureInfo");
                    p.put("QUERY_LAYERS", l.name());
                    p.put("I", String.valueOf(rnd.nextInt(256)));
                    p.put("J", String.valueOf(rnd.nextInt(256)));
                    p.put("INFO_FORMAT", List.of("text/html", "application/json", "application/vnd.ogc.gml").get(rnd.nextInt(3)));
                    ok = httpOk(p, p.get("INFO_FORMAT").equals("application/vnd.ogc.gml") ? "application/vnd.ogc.gml" : p.get("INFO_FORMAT"));
                }
                default -> ok = httpOk("/" + l.territory() + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + l.name()
                        + "&COUNT=50&STARTINDEX=" + rnd.nextInt(100) + "&OUTPUTFORMAT=" + (rnd.nextBoolean() ? "geojson" : "application/gml%2Bxml;%20version=3.2"),
                        "");
            }
            requests.incrementAndGet();
            if (!ok) {
                errors.incrementAndGet();
            }
            return ok;
        };
        measure(mixed, 4, 5);   // warm-up, not counted
        errors.set(0);
        requests.set(0);
        System.gc();
        long heap0 = memory.getHeapMemoryUsage().getUsed();
        out.printf(Locale.GERMANY, "  Start: Heap nach GC %,d MB, RSS %,d MB%n", heap0 >> 20, rssMb());
        Stats all = new Stats();
        for (int minute = 1; minute <= minutes; minute++) {
            Stats s = measure(mixed, 4, 60);
            all.add(s);
            System.gc();
            out.printf(Locale.GERMANY, "  Minute %2d: %,6d Anfragen, %5.1f/s, p50 %5.1f ms, p95 %6.1f ms, Fehler %d, Heap nach GC %,d MB, RSS %,d MB%n",
                    minute, s.millis.size(), s.throughput(), s.p(50), s.p(95), s.errors, memory.getHeapMemoryUsage().getUsed() >> 20, rssMb());
        }
        out.printf(Locale.GERMANY, "Dauerlast: %,d Anfragen, %,d Fehler, p50 %.1f ms, p95 %.1f ms%n", requests.get(), errors.get(), all.p(50), all.p(95));
        return errors.get() == 0 ? 0 : 1;
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no RSS figure
        }
        return -1;
    }
}
