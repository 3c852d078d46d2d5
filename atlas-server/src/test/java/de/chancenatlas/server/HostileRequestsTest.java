package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.TestAtlas;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile requests, each sent anonymously and as an authenticated reader: every one
 * gets a clear 4xx or an OGC exception report (never a 5xx, never a stack trace), nothing in the
 * database changes, and nothing internal leaks.
 */
class HostileRequestsTest extends ServerTest {
    private static final String LAYER = "koeln.einwohner.stadtteil";
    private static final String WFS = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=atlas:" + LAYER;

    /** A request and what a safe answer is: rejected (4xx or OGC exception) or answered without leaking. */
    private record Case(String name, String method, String path, String body, String contentType, boolean mayAnswer) { }

    private static String nestedFilter(int depth) {
        String open = "<fes:Not>".repeat(depth);
        String close = "</fes:Not>".repeat(depth);
        return "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">" + open
                + "<fes:PropertyIsEqualTo><fes:ValueReference>code</fes:ValueReference><fes:Literal>101</fes:Literal></fes:PropertyIsEqualTo>"
                + close + "</fes:Filter>";
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Case> cases() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"&lol2;\"/>"
                + "</wfs:GetFeature>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"&xxe;\"/>"
                + "</wfs:GetFeature>";
        List<Case> c = new ArrayList<>(List.of(
                new Case("sql in a territory key", "GET", "/api/v1/territories/" + enc("koeln' or '1'='1") + "/indicators", null, null, false),
                new Case("sql in a level", "GET", "/api/v1/territories/koeln/indicators/einwohner/values?level=" + enc("stadtteil' or '1'='1"),
                        null, null, true),
                new Case("sql in a period", "GET", "/api/v1/territories/koeln/indicators/einwohner/values?period=" + enc("2012;drop table atlas.territory"),
                        null, null, false),
                new Case("path traversal in a territory", "GET", "/api/v1/territories/..%2F..%2Fetc%2Fpasswd/levels", null, null, false),
                new Case("path traversal in an indicator", "GET", "/api/v1/territories/koeln/indicators/..%2F..%2Fsql/values", null, null, false),
                new Case("path traversal in a layer", "GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=../../../etc/passwd&STYLES="
                        + "&CRS=EPSG:25832&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png", null, null, false),
                new Case("mapfile override", "GET", "/ows?SERVICE=WMS&REQUEST=GetCapabilities&map=/etc/passwd", null, null, false),
                new Case("map layer override", "GET", "/ows?SERVICE=WMS&REQUEST=GetCapabilities&map.layer[0]=DATA+%22x%22", null, null, false),
                new Case("client SLD", "GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&SLD_BODY=" + enc("<sld/>"),
                        null, null, false),
                new Case("huge image", "GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832"
                        + "&BBOX=340000,5630000,370000,5660000&WIDTH=100000&HEIGHT=100000&FORMAT=image/png", null, null, false),
                new Case("negative size", "GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:25832"
                        + "&BBOX=340000,5630000,370000,5660000&WIDTH=-1&HEIGHT=1&FORMAT=image/png", null, null, false),
                new Case("unknown CRS", "GET", "/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + LAYER + "&STYLES=&CRS=EPSG:99999"
                        + "&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png", null, null, false),
                new Case("filter bomb", "GET", WFS + "&FILTER=" + enc(nestedFilter(2000)), null, null, false),
                new Case("sql in a filter literal", "GET", WFS + "&FILTER=" + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">"
                        + "<fes:PropertyIsEqualTo><fes:ValueReference>name</fes:ValueReference><fes:Literal>x' or '1'='1</fes:Literal>"
                        + "</fes:PropertyIsEqualTo></fes:Filter>") + "&OUTPUTFORMAT=geojson", null, null, true),
                new Case("sql in a sort order", "GET", WFS + "&SORTBY=" + enc("name;delete from atlas.territory"), null, null, true),
                new Case("garbage filter", "GET", WFS + "&FILTER=" + enc("<fes:Filter><unclosed"), null, null, false),
                new Case("billion laughs", "POST", "/ows", laughs, "text/xml", false),
                new Case("external entity", "POST", "/ows", xxe, "text/xml", false),
                new Case("oversized XML body", "POST", "/ows", "<x>" + "a".repeat(2 * 1024 * 1024) + "</x>", "text/xml", false),
                new Case("malformed JSON to the admin API", "POST", "/api/v1/users", "{\"login\": ", "application/json", false),
                new Case("sql in a new login", "POST", "/api/v1/users", "{\"login\": \"x'); delete from atlas.app_user; --\"}",
                        "application/json", false),
                new Case("settings with injected values", "PUT", "/api/v1/territories/koeln/settings",
                        "{\"disclosure\": {\"threshold\": \"0; drop table atlas.indicator\"}}", "application/json", false),
                new Case("publication of an unknown level", "POST", "/api/v1/territories/koeln/indicators/einwohner/publication",
                        "{\"levels\": [\"../../x\"]}", "application/json", false),
                new Case("revert of a foreign batch", "POST", "/api/v1/territories/koeln/batches/999999999/revert", null, null, false),
                new Case("delete via an unknown method", "DELETE", "/api/v1/territories/koeln", null, null, false),
                // issue 10: identifiers are identifiers, NUL bytes never reach the database, errors are ours
                new Case("sql in a RESOURCEID", "GET", "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=koeln.altenquotient.stadt"
                        + "&RESOURCEID=koeln.altenquotient.stadt.999999999%22%20or%20%221%22%3D%221", null, null, false),
                new Case("a lone quote in a RESOURCEID", "GET", WFS + "&RESOURCEID=" + LAYER + ".1%22", null, null, false),
                new Case("sql in a FEATUREID (WFS 1.1)", "GET", "/ows?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=" + LAYER
                        + "&FEATUREID=" + enc(LAYER + ".1' or '1'='1"), null, null, false),
                new Case("sql in GetFeatureById", "GET", "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                        + "&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=koeln.altenquotient.stadt.999999999%22%20or%20%221%22%3D%221",
                        null, null, false),
                new Case("sql in a FILTER ResourceId", "GET", WFS + "&FILTER=" + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">"
                        + "<fes:ResourceId rid=\"" + LAYER + ".1&quot; or &quot;1&quot;=&quot;1\"/></fes:Filter>"), null, null, false),
                new Case("sql in a posted ResourceId", "POST", "/ows", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                        + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"" + LAYER + "\">"
                        + "<fes:Filter><fes:ResourceId rid='" + LAYER + ".1\" or \"1\"=\"1'/></fes:Filter></wfs:Query></wfs:GetFeature>",
                        "text/xml", false),
                new Case("NUL in an API parameter", "GET", "/api/v1/territories/koeln/indicators/einwohner/values?level=stadt%00", null, null, false),
                new Case("NUL inside a parameter", "GET", "/api/v1/territories/koeln/units?level=x%00y", null, null, false),
                new Case("escape character in a parameter", "GET", "/api/v1/territories/koeln/units?level=%1B%5B31m", null, null, false),
                new Case("NUL in an OGC parameter", "GET", "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + LAYER + "%00",
                        null, null, false),
                new Case("NUL in a path", "GET", "/api/v1/territories/koeln%00/levels", null, null, false),
                new Case("NUL in a posted OGC body", "POST", "/ows", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" "
                        + "version=\"2.0.0\"><wfs:Query typeNames=\"" + LAYER + "\u0000\"/></wfs:GetFeature>", "text/xml", false),
                new Case("the error page itself", "GET", "/error", null, null, false),
                new Case("an unmapped path", "GET", "/api/v1/nichts/da", null, null, false),
                new Case("an unmapped OGC-like path", "GET", "/koeln/ows/extra", null, null, false)));
        return c;
    }

    /** The atlas's problem JSON: {"status": n, "title": "..."}. */
    private static boolean problem(String body, int status) {
        try {
            var j = JSON.readTree(body);
            return j.path("status").asInt() == status && j.path("title").isTextual();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void wfsCsvIsARealCsvOfTheLayersPublicColumnsWithAGermanDialect() throws Exception {
        for (String format : List.of("text/csv", "csv", "csv_de", "text/csv; dialect=de")) {
            HttpResponse<String> r = get(WFS + "&COUNT=3&OUTPUTFORMAT=" + enc(format));
            assertThat(r.statusCode()).as(format).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            String sep = format.contains("de") ? ";" : ",";
            String[] lines = r.body().split("\r?\n");
            assertThat(lines[0]).isEqualTo(String.join(sep, "WKT", "code", "name", "period", "period_label", "value", "wert", "status", "klasse",
                    "klasse_text", "status_text"));
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).startsWith("\"POLYGON ((").doesNotContain("Status:", "vsimem");
        }
        assertThat(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities").body()).contains("<ows:Value>text/csv</ows:Value>",
                "<ows:Value>text/csv; dialect=de</ows:Value>");
    }

    private static final List<String> TABLES = List.of("territory", "indicator", "indicator_value", "spatial_unit", "app_user", "user_grant",
            "publication", "import_batch");

    private static long[] snapshot() {
        return TABLES.stream().mapToLong(t -> TestAtlas.count("select count(*) from atlas." + t)).toArray();
    }

    @Test
    void everyHostileRequestIsRefusedOrHarmlessForAnonymousAndStaffAlike() throws Exception {
        String reader = user("hostile-reader", "Nur-lesen-bitte-2026");
        postJson("/api/v1/territories/koeln/grants", "{\"login\": \"hostile-reader\", \"role\": \"reader\"}", ADMIN);
        long[] before = snapshot();
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            for (String auth : Stream.of((String) null, reader).toList()) {
                String who = auth == null ? "anonymous" : "reader";
                HttpResponse<String> r = send(c.method(), c.path(), c.body(), c.contentType(), auth);
                String body = r.body();
                boolean ogcException = body.contains("ExceptionReport");
                boolean rejected = (r.statusCode() >= 400 && r.statusCode() < 500) || ogcException;
                if (r.statusCode() >= 500) {
                    failures.add(c.name() + " (" + who + "): " + r.statusCode());
                } else if (!rejected && !c.mayAnswer()) {
                    failures.add(c.name() + " (" + who + "): answered " + r.statusCode() + " instead of refusing");
                }
                if (body.contains("at de.chancenatlas") || body.contains("at org.") || body.contains("root:x:0:0")
                        || body.contains("PSQLException") || body.contains("lollollol") || body.contains("Query error")
                        || body.contains("ERROR:") || body.contains("msPostGIS") || body.contains("/vsimem") || body.contains("invalid byte sequence")
                        || body.contains("\"status\":999")) {
                    failures.add(c.name() + " (" + who + "): leaks internals");
                }
                if (r.statusCode() >= 400 && !ogcException && !problem(body, r.statusCode())) {
                    failures.add(c.name() + " (" + who + "): " + r.statusCode() + " is neither an OGC exception nor the atlas's problem JSON: "
                            + body.substring(0, Math.min(120, body.length())));
                }
                if (c.name().startsWith("sql in a filter") && !rejected) {
                    assertThat(json(r).get("features").size()).as("a literal matches no name").isZero();
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot()).as("nothing changed in " + TABLES).containsExactly(before);
    }
}
