package de.chancenatlas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.chancenatlas.core.access.Candidates;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The analyst of issue 10 against the Köln demo, anonymously, on every public channel: for every
 * share whose counts are not public, the published figure times the public Einwohner count (its
 * declared denominator) from WFS (GeoJSON and CSV), GetFeatureInfo, the SLD class bounds, the API's
 * JSON and CSV leaves several whole numerators possible, never one; every figure has at most the
 * declared decimals, and all channels publish the same figure.
 */
class DisclosureAttackHttpTest extends ServerTest {
    /** Köln's threshold (catalogue): min_candidates defaults to it. */
    private static final int THRESHOLD = 3;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Shares whose numerator the catalogue declares to be a public count (relations: the Anteil unter 18
     * counts the Minderjährige): nothing to hide, published at full declared precision; checked to
     * agree with that count instead.
     */
    private static final Map<String, String> NUMERATOR_PUBLIC = Map.of("anteil_unter_18", "kinder_unter_18");

    private record Figure(String channel, String code, int period, BigDecimal value) { }

    private static String key(String code, int period) {
        return code + "|" + period;
    }

    private Map<String, BigDecimal> apiValues(String indicator) throws Exception {
        var r = get("/api/v1/territories/koeln/indicators/" + indicator + "/values");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode v : json(r)) {
            if (!v.get("value").isNull()) {
                out.put(key(v.get("unit_code").asText(), v.get("period").asInt()), new BigDecimal(v.get("value").asText()));
            }
        }
        return out;
    }

    /** The fields of a CSV line with double-quoted fields (a WKT polygon holds commas). */
    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out.toArray(String[]::new);
    }

    private List<Figure> channels(String indicator, List<String> levels) throws Exception {
        List<Figure> out = new ArrayList<>();
        apiValues(indicator).forEach((k, v) -> out.add(new Figure("API JSON", k.split("\\|")[0], Integer.parseInt(k.split("\\|")[1]), v)));
        // API CSV, plain dialect: gebiet,name,indikator,jahr,wert,...
        var csv = get("/api/v1/territories/koeln/indicators/" + indicator + "/values?dialect=plain", "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        for (String line : csv.body().split("\r\n")) {
            String[] f = fields(line);
            if (f.length > 4 && f[4].matches("-?[0-9.]+")) {
                out.add(new Figure("API CSV", f[0], Integer.parseInt(f[3]), new BigDecimal(f[4])));
            }
        }
        for (String level : levels) {
            String layer = "koeln." + indicator + "." + level;
            var wfs = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + layer + "&PROPERTYNAME=code,period,value"
                    + "&OUTPUTFORMAT=geojson");
            assertThat(wfs.statusCode()).as(layer).isEqualTo(200);
            for (JsonNode f : json(wfs).get("features")) {
                JsonNode p = f.get("properties");
                if (p.hasNonNull("value")) {
                    out.add(new Figure("WFS GeoJSON", p.get("code").asText(), p.get("period").asInt(), new BigDecimal(p.get("value").asText())));
                }
            }
        }
        String layer = "koeln." + indicator + ".stadtteil";
        var wfsCsv = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=" + layer + "&OUTPUTFORMAT=text/csv");
        assertThat(wfsCsv.statusCode()).isEqualTo(200);
        assertThat(wfsCsv.body()).startsWith("WKT,code,name,period,period_label,value,wert,status");
        for (String line : wfsCsv.body().split("\r?\n")) {
            String[] f = fields(line);   // GDAL quotes text and some numbers
            // WKT, code, name, period, period_label, value, ...
            if (f.length > 5 && f[5].matches("-?[0-9.]+")) {
                out.add(new Figure("WFS CSV", f[1], Integer.parseInt(f[3]), new BigDecimal(f[5])));
            }
        }
        // GetFeatureInfo on a grid over the city (latest year): whatever Stadtteile lie under the points
        for (int i = 1; i < 10; i += 2) {
            for (int j = 1; j < 10; j += 2) {
                var gfi = get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + layer + "&QUERY_LAYERS=" + layer
                        + "&STYLES=&CRS=EPSG:25832&BBOX=344000,5635000,370000,5662000&WIDTH=10&HEIGHT=10&I=" + i + "&J=" + j
                        + "&INFO_FORMAT=application/json");
                assertThat(gfi.statusCode()).isEqualTo(200);
                for (JsonNode f : json(gfi).get("features")) {
                    JsonNode p = f.get("properties");
                    if (p.hasNonNull("value")) {
                        out.add(new Figure("GetFeatureInfo", p.get("code").asText(), p.get("period").asInt(), new BigDecimal(p.get("value").asText())));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noShareTimesItsPublicDenominatorGivesBackAnExactCountOnAnyChannel() throws Exception {
        JsonNode indicators = json(get("/api/v1/territories/koeln/indicators"));
        Map<String, BigDecimal> einwohner = apiValues("einwohner");
        List<String> shares = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long checked = 0;
        for (JsonNode i : indicators) {
            if (!"ratio".equals(i.get("kind").asText()) || i.get("counts_public").asBoolean()
                    || !"Einwohner insgesamt".equals(i.get("denominator_label").asText())) {
                continue;
            }
            String key = i.get("key").asText();
            int decimals = i.get("decimals").asInt();
            List<String> levels = new ArrayList<>();
            i.get("published_levels").forEach(l -> levels.add(l.asText()));
            shares.add(key);
            Map<String, BigDecimal> api = apiValues(key);
            Map<String, BigDecimal> count = NUMERATOR_PUBLIC.containsKey(key) ? apiValues(NUMERATOR_PUBLIC.get(key)) : null;
            for (Figure f : channels(key, levels)) {
                checked++;
                String where = key + " " + f.channel() + " " + f.code() + "/" + f.period() + " = " + f.value();
                if (f.value().stripTrailingZeros().scale() > decimals) {
                    failures.add(where + ": more decimals than declared");
                }
                BigDecimal published = api.get(key(f.code(), f.period()));
                if (published == null || published.compareTo(f.value()) != 0) {
                    failures.add(where + ": differs from the API's " + published);
                }
                BigDecimal d = einwohner.get(key(f.code(), f.period()));
                if (d == null) {
                    failures.add(where + ": no public Einwohner");
                    continue;
                }
                // the figure at the decimals it was published with (the API's scale; JSON drops trailing zeros)
                BigDecimal p = published == null ? f.value() : published;
                if (count != null) {
                    BigDecimal c = count.get(key(f.code(), f.period()));
                    if (c == null || c.multiply(HUNDRED).divide(d, decimals, java.math.RoundingMode.HALF_UP).compareTo(p) != 0) {
                        failures.add(where + ": not the public count " + c + " of " + d);
                    }
                    continue;
                }
                long n = Candidates.count(p, d, HUNDRED, false, THRESHOLD, false);
                if (n < Math.max(2, THRESHOLD)) {
                    failures.add(where + " × " + d + " / 100: only " + n + " possible numerator(s)");
                }
            }
        }
        assertThat(shares).as("Köln's shares with non-public counts").contains("anteil_unter_18", "anteil_unter_3", "anteil_unter_6", "anteil_6_bis_18",
                "anteil_18_bis_25", "anteil_65_plus", "anteil_frauen", "anteil_auslaender");
        assertThat(checked).as("figures checked").isGreaterThan(10_000);
        assertThat(failures).isEmpty();
    }

    /**
     * Issue 10, item 2, with rounded rates: under 6 = Minderjährige (public) − 6 to under 18, each known only
     * as a range from its rate. The ranges intersected must still leave min_candidates numerators.
     */
    @Test
    void rangesOfLinkedRatesIntersectedWithThePublicTotalStayAmbiguous() throws Exception {
        Map<String, BigDecimal> einwohner = apiValues("einwohner");
        Map<String, BigDecimal> minors = apiValues("kinder_unter_18");
        Map<String, BigDecimal> under6 = apiValues("anteil_unter_6");
        Map<String, BigDecimal> from6 = apiValues("anteil_6_bis_18");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var e : under6.entrySet()) {
            BigDecimal d = einwohner.get(e.getKey());
            BigDecimal total = minors.get(e.getKey());
            BigDecimal other = from6.get(e.getKey());
            if (d == null || total == null || other == null) {
                continue;
            }
            long[] a = Candidates.range(e.getValue(), d, HUNDRED);
            long[] b = Candidates.range(other, d, HUNDRED);
            long t = total.longValueExact();
            long low = Math.max(a[0], t - b[1]);
            long high = Math.min(a[1], t - b[0]);
            checked++;
            if (high - low + 1 < THRESHOLD) {
                failures.add(e.getKey() + ": under 6 between " + low + " and " + high);
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    /**
     * A Stadtteil's count as the analyst narrows it through its Stadtbezirk: its own range, intersected with
     * the Bezirk's range minus the other Stadtteile's ranges (all from rounded rates and public Einwohner).
     */
    @Test
    void rangesOfAStadtteilIntersectedThroughItsStadtbezirkStayAmbiguous() throws Exception {
        Map<String, String> parent = new HashMap<>();
        for (JsonNode u : json(get("/api/v1/territories/koeln/units?level=stadtteil"))) {
            parent.put(u.get("code").asText(), u.get("parent_code").asText());
        }
        Map<String, BigDecimal> einwohner = apiValues("einwohner");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String indicator : List.of("anteil_unter_3", "anteil_unter_6", "anteil_6_bis_18", "anteil_auslaender")) {
            Map<String, BigDecimal> rate = apiValues(indicator);
            Map<String, long[]> range = new HashMap<>();
            rate.forEach((k, v) -> {
                if (einwohner.containsKey(k)) {
                    range.put(k, Candidates.range(v, einwohner.get(k), HUNDRED));
                }
            });
            for (var e : range.entrySet()) {
                String code = e.getKey().split("\\|")[0];
                String period = e.getKey().split("\\|")[1];
                String bezirk = parent.get(code);
                long[] p = bezirk == null ? null : range.get(bezirk + "|" + period);
                if (p == null) {
                    continue;
                }
                long otherLow = 0;
                long otherHigh = 0;
                boolean complete = true;
                for (var s : parent.entrySet()) {
                    if (s.getValue().equals(bezirk) && !s.getKey().equals(code)) {
                        long[] r = range.get(s.getKey() + "|" + period);
                        if (r == null) {
                            complete = false;
                            break;
                        }
                        otherLow += r[0];
                        otherHigh += r[1];
                    }
                }
                if (!complete) {
                    continue;
                }
                long low = Math.max(e.getValue()[0], p[0] - otherHigh);
                long high = Math.min(e.getValue()[1], p[1] - otherLow);
                checked++;
                if (high - low + 1 < THRESHOLD) {
                    failures.add(indicator + " " + e.getKey() + ": between " + low + " and " + high);
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    @Test
    void theAdministratorsReportSaysWhatEachRuleWithheldAndPublicationNamesDerivableLevels() throws Exception {
        assertThat(get("/api/v1/territories/koeln/disclosure").statusCode()).as("anonymous").isIn(401, 403);
        var r = get("/api/v1/territories/koeln/disclosure", "Authorization", ADMIN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.get("rules").get("ambiguity").asText()).contains("rückrechenbar");
        assertThat(report.get("totals").get("coarser").asLong()).as("small Stadtteile get whole percent").isPositive();
        JsonNode row = report.get("rows").get(0);
        assertThat(row.has("indicator") && row.has("level") && row.has("period") && row.has("cells") && row.has("published")).isTrue();
        assertThat(row.get("withheld").fieldNames()).toIterable().containsExactly("secret", "primary", "population", "ambiguity",
                "secondary", "relation");
        long cells = 0;
        for (JsonNode x : report.get("rows")) {
            long withheld = 0;
            for (JsonNode n : x.get("withheld")) {
                withheld += n.asLong();
            }
            assertThat(x.get("published").asLong() + withheld).as("every cell published or withheld by one rule").isEqualTo(x.get("cells").asLong());
            cells += x.get("cells").asLong();
        }
        assertThat(cells).isEqualTo(report.get("totals").get("cells").asLong());

        String t = de.chancenatlas.core.TestAtlas.territory("http-derivable");
        var withdrawn = send("DELETE", "/api/v1/territories/" + t + "/indicators/quote/publication?levels=gesamt", null, null, ADMIN);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json(withdrawn).get("warnings").get(0).asText()).contains("Gesamt", "lässt sich aber", "berechnen");
        var published = postJson("/api/v1/territories/" + t + "/indicators/quote/publication", "{\"levels\": [\"gesamt\"]}", ADMIN);
        assertThat(json(published).get("warnings")).isEmpty();
    }

    @Test
    void theReportedExampleOfTheIssueNoLongerGivesItsNumeratorBack() throws Exception {
        // issue 10: Stadtteil 101 in 2005, 1.6695514207413817 % of 27732 Einwohner = 463 exactly
        var r = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=koeln.anteil_unter_3.stadtteil"
                + "&PROPERTYNAME=code,period,value&OUTPUTFORMAT=geojson&FILTER="
                + URLEncoder.encode("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And><fes:PropertyIsEqualTo>"
                        + "<fes:ValueReference>code</fes:ValueReference><fes:Literal>101</fes:Literal></fes:PropertyIsEqualTo>"
                        + "<fes:PropertyIsEqualTo><fes:ValueReference>period</fes:ValueReference><fes:Literal>2005</fes:Literal>"
                        + "</fes:PropertyIsEqualTo></fes:And></fes:Filter>", StandardCharsets.UTF_8));
        JsonNode features = json(r).get("features");
        assertThat(features).hasSize(1);
        BigDecimal value = new BigDecimal(features.get(0).get("properties").get("value").asText());
        assertThat(value).isEqualByComparingTo("1.7");
        assertThat(Candidates.count(new BigDecimal("1.7"), BigDecimal.valueOf(27732), HUNDRED, false, THRESHOLD, false))
                .as("1.65 % to 1.75 % of 27732: 458 to 485").isEqualTo(28);
    }

    @Test
    void styleClassBoundsCarryNoMorePrecisionThanThePublishedFigures() throws Exception {
        Pattern literal = Pattern.compile("<ogc:PropertyName>value</ogc:PropertyName><ogc:Literal>([^<]+)</ogc:Literal>");
        for (String indicator : List.of("anteil_unter_3", "anteil_6_bis_18", "anteil_auslaender")) {
            var sld = get("/api/v1/territories/koeln/indicators/" + indicator + "/sld?level=stadtteil");
            assertThat(sld.statusCode()).isEqualTo(200);
            Matcher m = literal.matcher(sld.body());
            int bounds = 0;
            while (m.find()) {
                bounds++;
                assertThat(new BigDecimal(m.group(1)).stripTrailingZeros().scale()).as(indicator + " bound " + m.group(1)).isLessThanOrEqualTo(1);
            }
            assertThat(bounds).as(indicator + ": class bounds").isGreaterThan(2);
            var legend = get("/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=koeln." + indicator + ".stadtteil&FORMAT=image/png"
                    + "&SLD_VERSION=1.1.0");
            assertThat(legend.statusCode()).isEqualTo(200);
            assertThat(legend.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        }
    }
}
