package de.chancenatlas.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.geoserver.GeoServerClient;
import de.chancenatlas.geoserver.GeoServerSync;
import de.chancenatlas.geoserver.Target;
import de.chancenatlas.server.cli.OgcBenchmark.Answer;
import de.chancenatlas.server.cli.OgcBenchmark.Stats;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code ./atlas bench ogc --compare URL}: the atlas against a GeoServer on the same PostGIS rows, in
 * the same run. It first publishes Köln (and the Germany territory, if imported) into that GeoServer
 * with the atlas's own sync (docs/geoserver.md), so GeoServer reads the same public views with the
 * same SLD, then times both alternately and checks that both answer the same: feature count, ids,
 * property values and coordinates (GeoJSON), the same features and values (GML), the same pixels
 * (WMS). CPU per request counts this JVM (server and client), the database cluster and, when it runs
 * on this machine, GeoServer's process (found by its listening port), for both alike.
 */
final class GeoServerComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FES = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
            + "<fes:ValueReference>period</fes:ValueReference><fes:Literal>%s</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
    /** The properties both publish (GeoServer's view has the raw columns, the atlas adds class texts). */
    private static final List<String> SHARED = List.of("code", "name", "period", "period_label", "value", "wert", "status");

    private final PrintStream out;
    private final String atlas;
    private final String geoserver;
    private final long postmaster;
    private final long peer;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    GeoServerComparison(PrintStream out, String atlasBase, String geoserverBase, DataSource reader) throws Exception {
        this.out = out;
        this.atlas = atlasBase;
        this.geoserver = geoserverBase.replaceAll("/+$", "");
        this.postmaster = OgcBenchmark.postmaster(reader);
        URI u = URI.create(geoserver);
        this.peer = "127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()) ? listeningPid(u.getPort() < 0 ? 80 : u.getPort()) : -1;
    }

    /** Syncs the benchmark's territories into the GeoServer (credentials as for {@code ./atlas geoserver sync}). */
    void publish(AtlasDatabase db, String dbHost, List<String> territories) throws Exception {
        String user = System.getenv().getOrDefault("ATLAS_GEOSERVER_USER", "admin");
        String password = System.getenv("ATLAS_GEOSERVER_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new Cli.UsageException("GeoServer-Passwort fehlt: ATLAS_GEOSERVER_PASSWORD / GeoServer password missing: ATLAS_GEOSERVER_PASSWORD");
        }
        GeoServerClient gs = new GeoServerClient(geoserver, user, password);
        Target target = Target.of(db, dbHost, null, null);
        for (String t : territories) {
            var r = new GeoServerSync(db.dataSource()).sync(gs, target, t, false, false, Cli.actor(), s -> { });
            out.println("GeoServer-Abgleich / sync " + t + ": " + r.plan().summary());
        }
        out.println("GeoServer " + gs.get("/rest/about/version.xml").replaceAll("(?s)^.*?<Version>([^<]*)</Version>.*", "$1") + " unter / at " + geoserver
                + (peer > 0 ? " (Prozess / process " + peer + ")" : " (nicht auf diesem Rechner: CPU ohne GeoServer / not on this machine: CPU without GeoServer)"));
    }

    private long cpuNanos() {
        return os.getProcessCpuTime() + OgcBenchmark.clusterCpuNanos(postmaster) + processCpuNanos(peer);
    }

    /** One case measured on both sides: a request against each, and a check that both say the same. */
    private record Case(String label, Callable<byte[]> atlas, Callable<byte[]> geoserver, Check check) { }

    @FunctionalInterface
    interface Check {
        /** @return a one-line verdict; starts with "gleich" when both agree */
        String compare(byte[] atlas, byte[] geoserver) throws Exception;
    }

    /**
     * WFS (GeoJSON, GML 3.2) of one layer for one year and for all years, one client, alternating
     * rounds so machine noise hits both alike; p50 wall time and CPU per request.
     */
    void wfs(String territory, String layer, String year, int rounds) throws Exception {
        String a = atlas + "/" + territory + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + layer;
        String g = geoserver + "/atlas_" + territory + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas_" + territory + ":" + layer;
        String oneYear = year == null ? "" : "&FILTER=" + URLEncoder.encode(String.format(FES, year), StandardCharsets.UTF_8);
        String gml = "&OUTPUTFORMAT=" + URLEncoder.encode("application/gml+xml; version=3.2", StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        String what = year == null ? "alle Jahre / all years" : "Jahr / year " + year;
        cases.add(new Case("WFS GeoJSON, " + what, body(a + "&OUTPUTFORMAT=geojson" + oneYear),
                body(g + "&OUTPUTFORMAT=application/json" + oneYear), GeoServerComparison::sameGeoJson));
        cases.add(new Case("WFS GML 3.2, " + what, body(a + gml + oneYear), body(g + gml + oneYear), GeoServerComparison::sameGml));
        run(layer, cases, rounds);
    }

    /** GeoJSON of a whole layer (the Germany territory's 10,997 Gemeinden), a few rounds. */
    void all(String territory, String layer, int rounds) throws Exception {
        String a = atlas + "/" + territory + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + layer;
        String g = geoserver + "/atlas_" + territory + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas_" + territory + ":" + layer;
        run(layer, List.of(new Case("WFS GeoJSON, alle Features / all features", body(a + "&OUTPUTFORMAT=geojson"),
                body(g + "&OUTPUTFORMAT=application/json"), GeoServerComparison::sameGeoJson)), rounds);
    }

    private void run(String layer, List<Case> cases, int rounds) throws Exception {
        out.printf(Locale.GERMANY, "Chancenatlas gegen GeoServer / against GeoServer: %s, %d Runden abwechselnd, 1 Client%n", layer, rounds);
        for (Case c : cases) {
            byte[] x = c.atlas().call();
            byte[] y = c.geoserver().call();
            String verdict = x == null || y == null ? "Fehler / error: " + (x == null ? "Chancenatlas" : "GeoServer") : c.check().compare(x, y);
            List<Double> wa = new ArrayList<>();
            List<Double> wg = new ArrayList<>();
            double[] cpu = new double[2];
            long[] size = {x == null ? 0 : x.length, y == null ? 0 : y.length};
            int errors = 0;
            for (int i = 0; i < 2; i++) {   // warm-up
                c.atlas().call();
                c.geoserver().call();
            }
            for (int r = 0; r < rounds; r++) {
                for (int side = 0; side < 2; side++) {
                    long cpu0 = cpuNanos();
                    long t0 = System.nanoTime();
                    byte[] b = (side == 0 ? c.atlas() : c.geoserver()).call();
                    (side == 0 ? wa : wg).add((System.nanoTime() - t0) / 1e6);
                    cpu[side] += (cpuNanos() - cpu0) / 1e6;
                    errors += b == null ? 1 : 0;
                }
            }
            double pa = OgcBenchmark.median(wa);
            double pg = OgcBenchmark.median(wg);
            out.printf(Locale.GERMANY, "  %s%n", c.label());
            out.printf(Locale.GERMANY, "    Chancenatlas: p50 %7.1f ms  CPU %7.1f ms/Anfrage  %,11d Bytes%n", pa, cpu[0] / rounds, size[0]);
            out.printf(Locale.GERMANY, "    GeoServer:    p50 %7.1f ms  CPU %7.1f ms/Anfrage  %,11d Bytes%n", pg, cpu[1] / rounds, size[1]);
            out.printf(Locale.GERMANY, "    Chancenatlas / GeoServer: Zeit %.2f, CPU %.2f (Ziel Zeit ≤ 1,0); Fehler %d; Inhalt / content: %s%n",
                    pa / pg, cpu[0] / cpu[1], errors, verdict);
        }
    }

    /** WMS 256 × 256 GetMap over the benchmark's Köln tiles at 2 clients, alternating halves. */
    void wms(String layer, String stichtag, int seconds) throws Exception {
        List<String> tiles = OgcBenchmark.tiles();
        // the year named on both sides (both default to the latest; named, GeoServer need not look it up)
        Function<Integer, String> a = i -> atlas + "/koeln/ows?" + OgcBenchmark.query(OgcBenchmark.getMap(layer, tiles.get(i % tiles.size())))
                + "&TIME=" + stichtag;
        Function<Integer, String> g = i -> geoserver + "/atlas_koeln/ows?"
                + OgcBenchmark.query(OgcBenchmark.getMap("atlas_koeln:" + layer, tiles.get(i % tiles.size()))) + "&TIME=" + stichtag;
        String verdict = samePixels(png(a.apply(0)), png(g.apply(0)));
        Function<Integer, Boolean> ra = i -> png(a.apply(i)) != null;
        Function<Integer, Boolean> rg = i -> png(g.apply(i)) != null;
        for (int i = 0; i < 2; i++) {   // warm-up: GeoServer's JIT needs seconds, like ours
            OgcBenchmark.measure(ra, 2, 3);
            OgcBenchmark.measure(rg, 2, 3);
        }
        Stats sa = new Stats();
        Stats sg = new Stats();
        double[] cpu = new double[2];
        for (int round = 0; round < 2; round++) {
            for (int side = 0; side < 2; side++) {
                long cpu0 = cpuNanos();
                (side == 0 ? sa : sg).add(OgcBenchmark.measure(side == 0 ? ra : rg, 2, seconds / 4.0));
                cpu[side] += (cpuNanos() - cpu0) / 1e6;
            }
        }
        out.printf(Locale.GERMANY, "Chancenatlas gegen GeoServer: WMS GetMap 256 × 256 %s, %d Kacheln, 2 Clients, %d s je Seite%n", layer,
                tiles.size(), seconds / 2);
        out.printf(Locale.GERMANY, "    Chancenatlas /koeln/ows:        %7.1f Karten/s  p50 %6.1f ms  CPU %5.1f ms/Karte  Fehler %d%n",
                sa.throughput(), sa.p(50), cpu[0] / sa.millis.size(), sa.errors);
        out.printf(Locale.GERMANY, "    GeoServer /atlas_koeln/ows:     %7.1f Karten/s  p50 %6.1f ms  CPU %5.1f ms/Karte  Fehler %d%n",
                sg.throughput(), sg.p(50), cpu[1] / sg.millis.size(), sg.errors);
        out.printf(Locale.GERMANY, "    Chancenatlas / GeoServer: Karten/s %.2f (Ziel ≥ 1,0), CPU/Karte %.2f; Bild / image: %s%n",
                sa.throughput() / sg.throughput(), cpu[0] / sa.millis.size() / (cpu[1] / sg.millis.size()), verdict);
    }

    // ---------------------------------------------------------------- requests

    private static Callable<byte[]> body(String url) {
        return () -> {
            Answer r = OgcBenchmark.get(url);
            String head = new String(r.body(), 0, Math.min(400, r.body().length), StandardCharsets.UTF_8);
            return r.status() == 200 && !head.contains("ExceptionReport") ? r.body() : null;
        };
    }

    private static byte[] png(String url) {
        try {
            Answer r = OgcBenchmark.get(url);
            return r.status() == 200 && r.type().startsWith("image/png") ? r.body() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- the same answer?

    /**
     * Same features (GeoServer's view carries the atlas's feature id as property fid), the same
     * shared property values, the same coordinates within the atlas's precision (a MultiPolygon of
     * one polygon is a Polygon in the atlas, as MapServer wrote it: compared as flat coordinate lists).
     */
    static String sameGeoJson(byte[] atlas, byte[] geoserver) throws java.io.IOException {
        JsonNode a = JSON.readTree(atlas).get("features");
        JsonNode g = JSON.readTree(geoserver).get("features");
        if (a.size() != g.size()) {
            return "VERSCHIEDEN / DIFFERENT: " + a.size() + " gegen / against " + g.size() + " Features";
        }
        Map<Long, JsonNode> byFid = new TreeMap<>();
        g.forEach(f -> byFid.put(f.get("properties").get("fid").asLong(), f));
        int values = 0;
        long coordinates = 0;
        double maxDiff = 0;
        for (JsonNode f : a) {
            String id = f.get("id").asText();
            JsonNode other = byFid.get(Long.parseLong(id.substring(id.lastIndexOf('.') + 1)));
            if (other == null) {
                return "VERSCHIEDEN / DIFFERENT: Feature " + id + " fehlt bei GeoServer / missing in GeoServer";
            }
            for (String p : SHARED) {
                JsonNode x = f.get("properties").get(p);
                JsonNode y = other.get("properties").get(p);
                if (x == null && y == null) {
                    continue;
                }
                boolean same = x != null && y != null && (x.isNumber() && y.isNumber() ? Math.abs(x.asDouble() - y.asDouble()) < 1e-9
                        : x.isNull() == y.isNull() && x.asText().equals(y.asText()));
                if (!same) {
                    return "VERSCHIEDEN / DIFFERENT: " + id + " " + p + " = " + x + " gegen / against " + y;
                }
                values++;
            }
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            flatten(f.get("geometry").get("coordinates"), cx);
            flatten(other.get("geometry").get("coordinates"), cy);
            if (cx.size() != cy.size()) {
                return "VERSCHIEDEN / DIFFERENT: " + id + " hat / has " + cx.size() / 2 + " gegen / against " + cy.size() / 2 + " Punkte / points";
            }
            for (int i = 0; i < cx.size(); i++) {
                maxDiff = Math.max(maxDiff, Math.abs(cx.get(i) - cy.get(i)));
            }
            coordinates += cx.size() / 2;
        }
        return String.format(Locale.GERMANY, "gleich / same: %,d Features, Kennungen, %,d Werte, %,d Punkte (größte Abweichung %.4f)", a.size(),
                values, coordinates, maxDiff);
    }

    private static void flatten(JsonNode n, List<Double> into) {
        if (n == null) {
            return;
        }
        if (n.isNumber()) {
            into.add(n.asDouble());
        }
        n.forEach(c -> flatten(c, into));
    }

    /** The same features with the same shared values, keyed by code and period (GeoServer's GML ids are its own). */
    static String sameGml(byte[] atlas, byte[] geoserver) throws Exception {
        Map<String, Map<String, String>> a = gmlFeatures(atlas);
        Map<String, Map<String, String>> g = gmlFeatures(geoserver);
        if (a.size() != g.size() || !a.keySet().equals(g.keySet())) {
            return "VERSCHIEDEN / DIFFERENT: " + a.size() + " gegen / against " + g.size() + " Features";
        }
        int values = 0;
        for (var e : a.entrySet()) {
            for (String p : SHARED) {
                String x = e.getValue().get(p);
                String y = g.get(e.getKey()).get(p);
                boolean same = x == null ? y == null : y != null && (x.equals(y) || numeric(x, y));
                if (!same) {
                    return "VERSCHIEDEN / DIFFERENT: " + e.getKey() + " " + p + " = " + x + " gegen / against " + y;
                }
                values += x == null ? 0 : 1;
            }
        }
        return String.format(Locale.GERMANY, "gleich / same: %,d Features, %,d Werte", a.size(), values);
    }

    private static boolean numeric(String x, String y) {
        try {
            return Math.abs(Double.parseDouble(x) - Double.parseDouble(y)) < 1e-9;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The simple properties of each wfs:member's feature, keyed by code and period. */
    private static Map<String, Map<String, String>> gmlFeatures(byte[] xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var members = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getElementsByTagNameNS("http://www.opengis.net/wfs/2.0", "member");
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; i < members.getLength(); i++) {
            Element feature = firstElement(members.item(i));
            Map<String, String> props = new LinkedHashMap<>();
            for (Node c = feature == null ? null : feature.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && firstElement(e) == null && !e.getTextContent().isEmpty()) {
                    props.put(e.getLocalName(), e.getTextContent());   // an empty or nil element is a null, as an absent one
                }
            }
            out.put(props.get("code") + "|" + props.get("period"), props);
        }
        return out;
    }

    private static Element firstElement(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** Share of identical pixels: the same classes and colours give (nearly) all; edges may be antialiased differently. */
    static String samePixels(byte[] atlas, byte[] geoserver) throws java.io.IOException {
        if (atlas == null || geoserver == null) {
            return "Fehler / error: " + (atlas == null ? "Chancenatlas" : "GeoServer");
        }
        var a = onWhite(ImageIO.read(new ByteArrayInputStream(atlas)));
        var g = onWhite(ImageIO.read(new ByteArrayInputStream(geoserver)));
        if (a.getWidth() != g.getWidth() || a.getHeight() != g.getHeight()) {
            return "VERSCHIEDEN / DIFFERENT: Größe / size";
        }
        long same = 0;
        long close = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = g.getRGB(x, y);
                same += p == q ? 1 : 0;
                close += near(p, q) ? 1 : 0;
            }
        }
        double n = a.getWidth() * (double) a.getHeight();
        return String.format(Locale.GERMANY, "ganze Stadt / whole city: %.1f %% der Pixel gleich, %.1f %% auf ±8 je Kanal / of pixels identical, within ±8 per channel",
                100 * same / n, 100 * close / n);
    }

    /** The atlas's maps are transparent, GeoServer's white: both compared as seen on a white page. */
    private static java.awt.image.BufferedImage onWhite(java.awt.image.BufferedImage in) {
        var out = new java.awt.image.BufferedImage(in.getWidth(), in.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, in.getWidth(), in.getHeight());
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    private static boolean near(int p, int q) {
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs((p >>> shift & 0xff) - (q >>> shift & 0xff)) > 8) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- GeoServer's process

    /** The process listening on a local TCP port, from /proc (-1 when not found or not Linux). */
    static long listeningPid(int port) {
        String hex = String.format(":%04X", port);
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hex) && "0A".equals(f[3])) {   // 0A: LISTEN
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (java.io.IOException e) {
                // no such table
            }
        }
        if (inodes.isEmpty()) {
            return -1;
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path d : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (var fds = Files.list(d.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(d.getFileName().toString());
                            }
                        } catch (java.io.IOException e) {
                            // closed meanwhile
                        }
                    }
                } catch (java.io.IOException | SecurityException e) {
                    // another user's process
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    private static long processCpuNanos(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;   // utime + stime, USER_HZ 100
        } catch (Exception e) {
            return 0;
        }
    }
}
