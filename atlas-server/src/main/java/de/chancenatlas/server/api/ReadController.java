package de.chancenatlas.server.api;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Figures;
import de.chancenatlas.core.text.GermanFormat;
import de.chancenatlas.server.security.Principals;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.SQLException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read API. Everything goes through {@link AtlasReader} with the requesting viewer. */
@RestController
@RequestMapping("/api/v1/territories")
public class ReadController {
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private final AtlasReader reader;
    private final Figures figures;

    public ReadController(AtlasReader reader, Figures figures) {
        this.reader = reader;
        this.figures = figures;
    }

    /**
     * A territory the viewer may read: a territory whose public area is not open yet is not found
     * for the public (404), with the reason instead of looking empty; its staff read it.
     */
    private AtlasReader.Territory open(String territory, Principal p) throws SQLException {
        AtlasReader.Territory t = reader.territory(Principals.viewer(p), territory).orElseThrow(() -> new ApiErrors.NotFound("territory " + territory));
        if (!t.live() && !Principals.viewer(p).isInternalFor(territory)) {
            throw new ApiErrors.NotPublic(t);
        }
        return t;
    }

    /** The territories whose public area is open, and the viewer's own. */
    @GetMapping
    public List<AtlasReader.Territory> territories(Principal p) throws SQLException {
        return reader.territories(Principals.viewer(p));
    }

    @GetMapping("/{territory}")
    public AtlasReader.Territory territory(@PathVariable String territory, Principal p) throws SQLException {
        return open(territory, p);
    }

    @GetMapping("/{territory}/levels")
    public List<AtlasReader.Level> levels(@PathVariable String territory, Principal p) throws SQLException {
        open(territory, p);
        return reader.levels(Principals.viewer(p), territory);
    }

    @GetMapping("/{territory}/units")
    public List<AtlasReader.Unit> units(@PathVariable String territory, @RequestParam(required = false) String level,
                                        @RequestParam(required = false) Integer year, Principal p) throws SQLException {
        open(territory, p);
        return reader.units(Principals.viewer(p), territory, level, year);
    }

    @GetMapping("/{territory}/indicators")
    public List<AtlasReader.Indicator> indicators(@PathVariable String territory, Principal p) throws SQLException {
        open(territory, p);
        return reader.indicators(Principals.viewer(p), territory);
    }

    @GetMapping("/{territory}/indicators/{key}")
    public AtlasReader.Indicator indicator(@PathVariable String territory, @PathVariable String key, Principal p) throws SQLException {
        open(territory, p);
        return reader.indicator(Principals.viewer(p), territory, key).orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
    }

    /** Header of an empty answer for a level that cannot have values: the reason code and its English text. */
    public static final String NO_VALUES = "Atlas-No-Values";

    /**
     * Values of an indicator; {@code period} is a period key (2015-H1), a Stichtag (2015-06-30) or any German form the
     * indicator's periodicity reads (1. Hj. 2015, 30.06.2015); a year of sub-annual data is its latest period. An empty
     * answer for a level that cannot have values says why in the {@value #NO_VALUES} header (and in the indicator's
     * {@code levels}). With {@code units} (comma-separated codes, at most 50): those units' values on any level, every
     * period (a time series).
     */
    @GetMapping(value = "/{territory}/indicators/{key}/values", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<AtlasReader.Value>> values(@PathVariable String territory, @PathVariable String key,
                                          @RequestParam(required = false) String level, @RequestParam(required = false) String period,
                                          @RequestParam(required = false) String units, Principal p) throws SQLException {
        List<AtlasReader.Value> rows = rows(territory, key, level, period, units, p);
        var ok = ResponseEntity.ok();
        if (rows.isEmpty() && level != null) {
            AtlasReader.LevelCoverage c = indicator(territory, key, p).coverage(level);
            if (c != null && !c.hasValues()) {
                ok.header(NO_VALUES, c.reason() + "; " + c.reasonEn().replaceAll("[^\\x20-\\x7e]", "?"));
            }
        }
        return ok.body(rows);
    }

    private List<AtlasReader.Value> rows(String territory, String key, String level, String period, String units, Principal p)
            throws SQLException {
        open(territory, p);
        if (units != null) {
            List<String> codes = java.util.Arrays.stream(units.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
            if (codes.isEmpty() || codes.size() > 50 || level != null || period != null) {
                throw new de.chancenatlas.core.access.AccessProblem(de.chancenatlas.core.access.AccessProblem.Kind.INVALID,
                        "units: 1 bis 50 Gebietscodes, ohne level und period / 1 to 50 unit codes, without level and period");
            }
            return reader.values(Principals.viewer(p), territory, key, codes).orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
        }
        return reader.values(Principals.viewer(p), territory, key, level, period).orElseThrow(() -> new ApiErrors.NotFound("indicator " + key));
    }

    /** The CSV for a plain link (a browser cannot set the Accept header of a download): {@code format=csv}. */
    @GetMapping(value = "/{territory}/indicators/{key}/values", params = "format=csv")
    public ResponseEntity<byte[]> valuesCsvLink(@PathVariable String territory, @PathVariable String key,
                                                @RequestParam(required = false) String level, @RequestParam(required = false) String period,
                                                @RequestParam(defaultValue = "german") String dialect, Principal p) throws SQLException {
        return valuesCsv(territory, key, level, period, dialect, p);
    }

    /**
     * An indicator on one level in one period as map, ranking and table show it: each unit's value, rank,
     * change to the previous period and map class, the legend with its count per class, the territory value.
     */
    @GetMapping("/{territory}/indicators/{key}/table")
    public Figures.Table table(@PathVariable String territory, @PathVariable String key, @RequestParam String level,
                               @RequestParam(required = false) String period, Principal p) throws SQLException {
        open(territory, p);
        return figures.table(Principals.viewer(p), territory, key, level, period);
    }

    /**
     * The area profile of one unit: every indicator by theme against its parent and the territory, the
     * deviation, the change, the Einordnung (threshold: relative deviation that still counts as average).
     */
    @GetMapping("/{territory}/units/{code}/profile")
    public Figures.Profile profile(@PathVariable String territory, @PathVariable String code, @RequestParam(required = false) String period,
                                   @RequestParam(defaultValue = "0.10") double threshold, Principal p) throws SQLException {
        open(territory, p);
        return figures.profile(Principals.viewer(p), territory, code, period, threshold);
    }

    /**
     * The same values as CSV for spreadsheets: German Excel dialect (';', decimal comma, UTF-8 with
     * BOM) by default, {@code dialect=plain} for ',' and decimal point.
     */
    @GetMapping(value = "/{territory}/indicators/{key}/values", produces = "text/csv")
    public ResponseEntity<byte[]> valuesCsv(@PathVariable String territory, @PathVariable String key,
                                            @RequestParam(required = false) String level, @RequestParam(required = false) String period,
                                            @RequestParam(defaultValue = "german") String dialect, Principal p) throws SQLException {
        AtlasReader.Indicator ind = indicator(territory, key, p);
        List<AtlasReader.Value> rows = rows(territory, key, level, period, null, p);
        boolean plain = "plain".equalsIgnoreCase(dialect);
        char sep = plain ? ',' : ';';
        StringBuilder b = new StringBuilder(plain ? "" : "\uFEFF");
        // "jahr" keeps its name (spreadsheets read it by name); it holds the period's key, the Stichtag and label follow at the end
        b.append(String.join(String.valueOf(sep), "gebiet", "name", "indikator", "jahr", "wert", "zaehler", "nenner", "status", "stichtag",
                "zeitraum")).append("\r\n");
        for (AtlasReader.Value v : rows) {
            b.append(v.unitCode()).append(sep).append(quote(v.unitName(), sep)).append(sep).append(key).append(sep).append(v.period()).append(sep)
                    .append(v.value() == null ? v.formatted() : num(v.value(), Math.min(ind.decimals(), v.value().scale()), plain)).append(sep)   // "–" withheld, "x" no data; a rate published coarser keeps its fewer decimals
                    .append(num(v.numerator(), -1, plain)).append(sep).append(num(v.denominator(), -1, plain)).append(sep)
                    .append(v.status()).append(sep).append(v.stichtag()).append(sep).append(quote(v.periodLabel(), sep)).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + territory + "_" + key + ".csv\"")
                .body(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String num(java.math.BigDecimal v, int decimals, boolean plain) {
        if (v == null) {
            return "";
        }
        java.math.BigDecimal d = decimals < 0 ? v.stripTrailingZeros() : v;
        String s = decimals < 0 ? d.toPlainString() : GermanFormat.plainCell(d, decimals);
        return plain ? s.replace(',', '.') : s.replace('.', ',');
    }

    private static String quote(String s, char sep) {
        return s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
