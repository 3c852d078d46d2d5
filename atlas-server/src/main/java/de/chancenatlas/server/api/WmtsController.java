package de.chancenatlas.server.api;

import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.tiles.TileSeeder;
import de.chancenatlas.ogc.tiles.TileService;
import de.chancenatlas.server.security.Principals;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WMTS 1.0.0 (KVP and RESTful) on {@code /wmts} (all territories) and {@code /{territory}/wmts},
 * and seeding for administrators. Tiles answer with {@code X-Tile-Cache: HIT} or {@code MISS};
 * browsers revalidate every time ({@code no-cache}): the server's cache is always fresh, a browser's
 * would not be. Staff tiles are {@code private} so no shared proxy keeps them.
 */
@RestController
public class WmtsController {
    private static final String T = "{territory:[a-z][a-z0-9_-]{1,39}}";
    private final TileService tiles;
    private final TileSeeder seeder;

    public WmtsController(TileService tiles, TileSeeder seeder) {
        this.tiles = tiles;
        this.seeder = seeder;
    }

    @GetMapping({"/wmts", "/wmts/1.0.0/WMTSCapabilities.xml"})
    public ResponseEntity<byte[]> all(HttpServletRequest request, Principal who) {
        return kvp(null, request, who);
    }

    @GetMapping({"/" + T + "/wmts", "/" + T + "/wmts/1.0.0/WMTSCapabilities.xml"})
    public ResponseEntity<byte[]> territory(@PathVariable String territory, HttpServletRequest request, Principal who) {
        return kvp(territory, request, who);
    }

    @GetMapping("/wmts/1.0.0/{layer}/{style}/{set}/{z}/{row}/{col}.png")
    public ResponseEntity<byte[]> rest(@PathVariable String layer, @PathVariable String style, @PathVariable String set, @PathVariable String z,
                                       @PathVariable String row, @PathVariable String col, Principal who) {
        return tile(null, layer, style, null, set, z, row, col, who);
    }

    @GetMapping("/wmts/1.0.0/{layer}/{style}/{time}/{set}/{z}/{row}/{col}.png")
    public ResponseEntity<byte[]> restTime(@PathVariable String layer, @PathVariable String style, @PathVariable String time,
                                           @PathVariable String set, @PathVariable String z, @PathVariable String row, @PathVariable String col,
                                           Principal who) {
        return tile(null, layer, style, time, set, z, row, col, who);
    }

    @GetMapping("/" + T + "/wmts/1.0.0/{layer}/{style}/{set}/{z}/{row}/{col}.png")
    public ResponseEntity<byte[]> restTerritory(@PathVariable String territory, @PathVariable String layer, @PathVariable String style,
                                                @PathVariable String set, @PathVariable String z, @PathVariable String row,
                                                @PathVariable String col, Principal who) {
        return tile(territory, layer, style, null, set, z, row, col, who);
    }

    @GetMapping("/" + T + "/wmts/1.0.0/{layer}/{style}/{time}/{set}/{z}/{row}/{col}.png")
    public ResponseEntity<byte[]> restTerritoryTime(@PathVariable String territory, @PathVariable String layer, @PathVariable String style,
                                                    @PathVariable String time, @PathVariable String set, @PathVariable String z,
                                                    @PathVariable String row, @PathVariable String col, Principal who) {
        return tile(territory, layer, style, time, set, z, row, col, who);
    }

    private ResponseEntity<byte[]> kvp(String territory, HttpServletRequest request, Principal who) {
        Map<String, String> p = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getParameterMap().forEach((k, v) -> p.put(k, v.length == 0 ? "" : v[0]));
        String base = request.getRequestURL().toString().replaceAll("/1\\.0\\.0/WMTSCapabilities\\.xml$", "");
        boolean rest = request.getRequestURI().endsWith("WMTSCapabilities.xml");
        String req = rest ? "GetCapabilities" : p.getOrDefault("REQUEST", "");
        try {
            if (!rest && !"WMTS".equalsIgnoreCase(p.getOrDefault("SERVICE", "WMTS"))) {
                throw new OgcException("InvalidParameterValue", "SERVICE", "Dienst hier: WMTS / service here: WMTS");
            }
            if ("GetCapabilities".equalsIgnoreCase(req)) {
                byte[] caps = tiles.capabilities(Principals.viewer(who), territory, base).getBytes(StandardCharsets.UTF_8);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml; charset=UTF-8")).body(caps);
            }
            if ("GetTile".equalsIgnoreCase(req)) {
                return tile(territory, p.get("LAYER"), p.get("STYLE"), p.get("TIME"), p.get("TILEMATRIXSET"), p.get("TILEMATRIX"),
                        p.get("TILEROW"), p.get("TILECOL"), p.get("FORMAT"), who);
            }
            throw new OgcException(req.isEmpty() ? "MissingParameterValue" : "OperationNotSupported", "REQUEST",
                    "REQUEST=GetCapabilities oder GetTile / REQUEST must be GetCapabilities or GetTile");
        } catch (OgcException e) {
            return report(e);
        }
    }

    private ResponseEntity<byte[]> tile(String territory, String layer, String style, String time, String set, String z, String row, String col,
                                        Principal who) {
        return tile(territory, layer, style, time, set, z, row, col, TileService.PNG, who);
    }

    private ResponseEntity<byte[]> tile(String territory, String layer, String style, String time, String set, String z, String row, String col,
                                        String format, Principal who) {
        Viewer viewer = Principals.viewer(who);
        try {
            return answer(tiles.tile(viewer, territory, layer, style, time, set, z, row, col, format), viewer);
        } catch (OgcException e) {
            return report(e);
        }
    }

    /** A tile with its cache header; also for tiled WMS. */
    static ResponseEntity<byte[]> answer(TileService.Tile t, Viewer viewer) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Tile-Cache", t.hit() ? "HIT" : "MISS")
                .header("Cache-Control", viewer.territories().isEmpty() ? "no-cache" : "private, no-cache").header("Vary", "Authorization")
                .body(t.png());
    }

    private static ResponseEntity<byte[]> report(OgcException e) {
        OgcResponse r = TileService.report(e);
        return ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType())).body(r.body());
    }

    // ---- seeding and cache counts for administrators ---------------------------------------------

    /** Starts seeding a territory's public layers down to a pixel size (metres); 202 with the job's progress. */
    @PostMapping("/api/v1/territories/{territory}/tiles/seed")
    public ResponseEntity<Map<String, Object>> seed(@PathVariable String territory,
                                                    @RequestParam(name = "max_resolution", defaultValue = "5") double maxResolution,
                                                    @RequestParam(name = "all_periods", defaultValue = "false") boolean allPeriods, Principal p) {
        Principals.admin(p, territory);
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(seeder.start(territory, maxResolution, allPeriods).status());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
    }

    @GetMapping("/api/v1/territories/{territory}/tiles/seed")
    public ResponseEntity<Map<String, Object>> seedStatus(@PathVariable String territory, Principal p) {
        Principals.admin(p, territory);
        TileSeeder.Job job = seeder.job(territory);
        return job == null ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "keine Kachelvorberechnung / no seeding job"))
                : ResponseEntity.ok(job.status());
    }

    @PostMapping("/api/v1/territories/{territory}/tiles/seed/cancel")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable String territory, Principal p) {
        Principals.admin(p, territory);
        TileSeeder.Job job = seeder.job(territory);
        if (job == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "keine Kachelvorberechnung / no seeding job"));
        }
        job.cancel();
        return ResponseEntity.ok(job.status());
    }

    /** Entries, bytes and limits of both tiers, hits and misses: for any staff member. */
    @GetMapping("/api/v1/tiles/cache")
    public Map<String, Object> cache(Principal p) {
        Principals.staff(p);
        return tiles.cache().stats();
    }
}
