package de.chancenatlas.ogc.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.chancenatlas.core.read.Viewer;
import de.chancenatlas.ogc.OgcException;
import de.chancenatlas.ogc.OgcResponse;
import de.chancenatlas.ogc.OgcService;
import de.chancenatlas.ogc.ViewerScope;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Map tiles (WMTS and tiled WMS) from a cache that never crosses audiences and is never stale.
 * Every tile is drawn through {@link OgcService#handle} as the asking viewer: the same vetting,
 * the same layers, the same disclosure-controlled views as any WMS GetMap. The cache key holds the
 * viewer's scope with the data generation ({@link ViewerScope#key()}), the layer, style, Stichtag,
 * tile matrix set and tile: an anonymous viewer's key can only ever find tiles drawn for anonymous
 * viewers, and an import or publication change moves the generation, so later requests ask for
 * new keys. Tiles are drawn as metatiles of up to 4 × 4 tiles with a 32-pixel gutter, so outlines,
 * hatching and labels run on across tile edges.
 */
public final class TileService {
    public static final int META = 4;
    public static final int GUTTER = 32;
    public static final String PNG = "image/png";

    /** A tile and whether it came from the cache. */
    public record Tile(byte[] png, boolean hit) { }

    /** What the capabilities and the grids need of a layer, read from the viewer's WMS capabilities. */
    record LayerInfo(String name, String title, String abstractText, List<String> styles, double[] wgs84, double[] extent, int srid,
                     List<LocalDate> periods) {
        String territory() {
            return name.substring(0, name.indexOf('.'));
        }

        /** A style's name: the layer's first (its default) for none or "default", as WMTS clients ask. */
        String style(String asked) {
            return asked == null || asked.isBlank() || asked.equalsIgnoreCase("default") ? styles.get(0) : asked;
        }
    }

    private final OgcService ogc;
    private final TileCache cache;
    /** Per scope key: the layers' descriptions (a scope key changes with the generation, so these never go stale). */
    private final Cache<String, Map<String, LayerInfo>> layerInfo = Caffeine.newBuilder().maximumSize(200).build();
    /** Metatiles being drawn: a second request for a tile of one waits for it instead of drawing it again. */
    private final Map<TileCache.Key, CompletableFuture<Void>> drawing = new ConcurrentHashMap<>();

    public TileService(OgcService ogc, TileCache cache) {
        this.ogc = ogc;
        this.cache = cache;
    }

    public TileCache cache() {
        return cache;
    }

    ViewerScope scope(Viewer viewer, String territory) {
        return ogc.viewerScope(viewer, territory);
    }

    /** A WMTS exception report (OWS 1.1) for a refused tile or capabilities request. */
    public static OgcResponse report(OgcException e) {
        return new OgcResponse("NotFound".equals(e.code()) ? 404 : 400, "text/xml; charset=UTF-8",
                WmtsCapabilities.exceptionReport(e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * One tile. Refused with an {@link OgcException} (WMTS codes) for a layer the viewer does not
     * see, an unknown style, matrix set, format or TIME, and a tile outside the matrix.
     */
    public Tile tile(Viewer viewer, String territory, String layer, String style, String time, String matrixSet, String matrix,
                     String row, String col, String format) {
        ViewerScope scope = ogc.viewerScope(viewer, territory);
        if (layer == null || layer.isBlank()) {
            throw new OgcException("MissingParameterValue", "LAYER", "Parameter LAYER fehlt / LAYER missing");
        }
        if (scope == null || !scope.layers().contains(layer)) {
            throw new OgcException("InvalidParameterValue", "LAYER", "Ebene „" + safe(layer) + "“ gibt es hier nicht / layer is not defined here");
        }
        if (format != null && !format.isBlank() && !PNG.equalsIgnoreCase(format) && !"png".equalsIgnoreCase(format)) {
            throw new OgcException("InvalidParameterValue", "FORMAT", "Format nicht angeboten (image/png) / format not offered");
        }
        LayerInfo info = layers(viewer, territory, scope).get(layer);
        String styleName = info.style(style);
        if (!info.styles().contains(styleName)) {
            throw new OgcException("InvalidParameterValue", "STYLE", "Stil „" + safe(styleName) + "“ gibt es für diese Ebene nicht / unknown style; "
                    + String.join(", ", info.styles()));
        }
        TileMatrixSet set = matrixSets(layers(viewer, territory, scope), info).stream().filter(m -> m.id().equals(matrixSet)).findFirst()
                .orElseThrow(() -> new OgcException("InvalidParameterValue", "TILEMATRIXSET", "Kachelmatrix-Satz „" + safe(matrixSet)
                        + "“ gibt es für diese Ebene nicht / unknown tile matrix set"));
        int z = number(matrix, "TILEMATRIX");
        long r = number(row, "TILEROW");
        long c = number(col, "TILECOL");
        if (!set.contains(z, r, c)) {
            throw new OgcException("TileOutOfRange", z < 0 || z >= set.levels() ? "TILEMATRIX" : r < 0 || r >= set.matrixHeight(z) ? "TILEROW" : "TILECOL",
                    "Kachel außerhalb der Matrix / tile out of range");
        }
        LocalDate stichtag = scope.stichtag(layer, time);
        return tile(viewer, territory, scope, layer, styleName, stichtag, set, z, r, c);
    }

    private Tile tile(Viewer viewer, String territory, ViewerScope scope, String layer, String style, LocalDate stichtag, TileMatrixSet set,
                      int z, long row, long col) {
        TileCache.Key key = new TileCache.Key(scope.key(), layer, style, stichtag == null ? "" : stichtag.toString(), set.id(), z, row, col, PNG);
        byte[] png = cache.get(key);
        if (png != null) {
            return new Tile(png, true);
        }
        long mr = row - row % META;
        long mc = col - col % META;
        TileCache.Key meta = new TileCache.Key(key.scope(), layer, style, key.time(), set.id(), z, mr, mc, "meta");
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = drawing.putIfAbsent(meta, mine);
        if (running != null) {
            running.join();   // drawn by another request just now
            png = cache.get(key);
            if (png != null) {
                return new Tile(png, true);
            }
        }
        try {
            Map<TileCache.Key, byte[]> tiles = drawMeta(viewer, territory, key, set, z, mr, mc, stichtag);
            tiles.forEach(cache::put);
            return new Tile(tiles.get(key), false);
        } finally {
            if (running == null) {
                drawing.remove(meta);
                mine.complete(null);
            }
        }
    }

    /** Draws a metatile through the viewer's WMS and cuts it into tiles. */
    private Map<TileCache.Key, byte[]> drawMeta(Viewer viewer, String territory, TileCache.Key key, TileMatrixSet set, int z, long mr, long mc,
                                                LocalDate stichtag) {
        long rows = Math.min(META, set.matrixHeight(z) - mr);
        long cols = Math.min(META, set.matrixWidth(z) - mc);
        double[] b = set.bounds(z, mr, mc, rows, cols, GUTTER);
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("SERVICE", new String[] {"WMS"});
        p.put("VERSION", new String[] {"1.3.0"});
        p.put("REQUEST", new String[] {"GetMap"});
        p.put("LAYERS", new String[] {key.layer()});
        p.put("STYLES", new String[] {key.style()});
        p.put("CRS", new String[] {set.crs()});
        p.put("BBOX", new String[] {String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b[0], b[1], b[2], b[3])});
        p.put("WIDTH", new String[] {String.valueOf(cols * TileMatrixSet.TILE + 2 * GUTTER)});
        p.put("HEIGHT", new String[] {String.valueOf(rows * TileMatrixSet.TILE + 2 * GUTTER)});
        p.put("FORMAT", new String[] {PNG});
        p.put("TRANSPARENT", new String[] {"TRUE"});
        if (stichtag != null) {
            p.put("TIME", new String[] {stichtag.toString()});
        }
        OgcResponse r = ogc.handle(viewer, territory, p, null, "http://localhost/ows?");
        if (r.status() != 200 || !r.contentType().startsWith(PNG)) {
            org.slf4j.LoggerFactory.getLogger(TileService.class).warn("Metatile not drawn: {}", new String(r.body(), 0,
                    Math.min(r.body().length, 500), java.nio.charset.StandardCharsets.UTF_8));
            throw new OgcException("NoApplicableCode", null, "Kachel konnte nicht gezeichnet werden / tile could not be drawn");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            Map<TileCache.Key, byte[]> tiles = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    BufferedImage t = new BufferedImage(TileMatrixSet.TILE, TileMatrixSet.TILE, BufferedImage.TYPE_INT_ARGB);
                    int[] px = image.getRGB(GUTTER + j * TileMatrixSet.TILE, GUTTER + i * TileMatrixSet.TILE, TileMatrixSet.TILE, TileMatrixSet.TILE,
                            null, 0, TileMatrixSet.TILE);
                    t.setRGB(0, 0, TileMatrixSet.TILE, TileMatrixSet.TILE, px, 0, TileMatrixSet.TILE);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
                    ImageIO.write(t, "png", out);
                    tiles.put(new TileCache.Key(key.scope(), key.layer(), key.style(), key.time(), key.matrix(), z, mr + i, mc + j, PNG),
                            out.toByteArray());
                }
            }
            return tiles;
        } catch (IOException e) {
            throw new OgcException("NoApplicableCode", null, "Kachel konnte nicht gezeichnet werden / tile could not be drawn");
        }
    }

    /**
     * A WMS GetMap that is one tile of a grid (256 × 256, a transparent PNG of one layer, its box a
     * tile of GoogleMapsCompatible in EPSG:3857 or of the layer's territory grid): from the cache.
     * Null for any other GetMap, which the WMS draws as usual.
     */
    public Tile tiledGetMap(Viewer viewer, String territory, Map<String, String[]> raw) {
        Map<String, String> p = new java.util.HashMap<>();
        raw.forEach((k, v) -> p.put(k.toUpperCase(Locale.ROOT), v == null || v.length == 0 ? "" : v[0]));
        if (!"GetMap".equalsIgnoreCase(p.get("REQUEST")) || !"true".equalsIgnoreCase(p.get("TILED")) || !"256".equals(p.get("WIDTH"))
                || !"256".equals(p.get("HEIGHT")) || !"true".equalsIgnoreCase(p.get("TRANSPARENT")) || p.containsKey("BGCOLOR")
                || !PNG.equalsIgnoreCase(p.getOrDefault("FORMAT", "")) || p.getOrDefault("LAYERS", "").contains(",")
                || p.containsKey("SLD") || p.containsKey("SLD_BODY")) {
            return null;
        }
        String layer = p.get("LAYERS");
        ViewerScope scope = ogc.viewerScope(viewer, territory);
        if (scope == null || layer == null || !scope.layers().contains(layer)) {
            return null;   // the WMS answers with its own report
        }
        String crs = p.containsKey("CRS") ? p.get("CRS") : p.getOrDefault("SRS", "");
        String style = p.getOrDefault("STYLES", "");
        double[] b;
        try {
            String[] parts = p.getOrDefault("BBOX", "").split(",");
            if (parts.length != 4) {
                return null;
            }
            b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, LayerInfo> infos = layers(viewer, territory, scope);
        LayerInfo info = infos.get(layer);
        style = info.style(style);
        if (!info.styles().contains(style)) {
            return null;
        }
        for (TileMatrixSet set : matrixSets(infos, info)) {
            boolean google = set == TileMatrixSet.GOOGLE && (crs.equalsIgnoreCase("EPSG:3857") || crs.equalsIgnoreCase("EPSG:900913"));
            if (!google && !crs.equalsIgnoreCase(set.crs()) || set == TileMatrixSet.GOOGLE && !google) {
                continue;
            }
            int z = set.level((b[2] - b[0]) / TileMatrixSet.TILE);
            if (z < 0 || Math.abs((b[3] - b[1]) - (b[2] - b[0])) > 1e-6 * (b[2] - b[0])) {
                return null;
            }
            double size = set.resolution(z) * TileMatrixSet.TILE;
            double fc = (b[0] - set.originX()) / size;
            double fr = (set.originY() - b[3]) / size;
            long c = Math.round(fc);
            long r = Math.round(fr);
            if (Math.abs(fc - c) > 1e-6 || Math.abs(fr - r) > 1e-6 || !set.contains(z, r, c)) {
                return null;
            }
            try {
                LocalDate stichtag = scope.stichtag(layer, p.get("TIME"));
                return tile(viewer, territory, scope, layer, style, stichtag, set, z, r, c);
            } catch (OgcException e) {
                return null;   // an unknown TIME, say: the WMS answers with its own exception report
            }
        }
        return null;
    }

    /** The WMTS capabilities for a viewer at an endpoint; {@code base} is the endpoint's URL without query. */
    public String capabilities(Viewer viewer, String territory, String base) {
        ViewerScope scope = ogc.viewerScope(viewer, territory);
        if (scope == null && territory != null) {
            throw new OgcException("InvalidParameterValue", null, "Gebiet unbekannt oder ohne öffentliche Ebenen / "
                    + "territory unknown or without public layers");
        }
        Map<String, LayerInfo> infos = scope == null ? Map.of() : layers(viewer, territory, scope);
        return WmtsCapabilities.write(territory == null ? "Chancenatlas" : "Chancenatlas " + territory, base, infos.values(),
                info -> matrixSets(infos, info));
    }

    /** GoogleMapsCompatible and the grid of the layer's territory in its own CRS. */
    List<TileMatrixSet> matrixSets(Map<String, LayerInfo> infos, LayerInfo info) {
        double[] e = null;
        for (LayerInfo l : infos.values()) {
            if (l.territory().equals(info.territory()) && l.srid() == info.srid() && l.extent() != null) {
                e = e == null ? l.extent().clone() : new double[] {Math.min(e[0], l.extent()[0]), Math.min(e[1], l.extent()[1]),
                    Math.max(e[2], l.extent()[2]), Math.max(e[3], l.extent()[3])};
            }
        }
        if (e == null || info.srid() == 3857) {
            return List.of(TileMatrixSet.GOOGLE);
        }
        return List.of(TileMatrixSet.GOOGLE, TileMatrixSet.forTerritory(info.territory(), info.srid(), e));
    }

    Map<String, LayerInfo> layers(Viewer viewer, String territory, ViewerScope scope) {
        return layerInfo.get(scope.key(), k -> WmtsCapabilities.readWms(ogc.handle(viewer, territory,
                Map.of("SERVICE", new String[] {"WMS"}, "VERSION", new String[] {"1.3.0"}, "REQUEST", new String[] {"GetCapabilities"}),
                null, "http://localhost/ows?"), scope));
    }

    private static int number(String v, String locator) {
        try {
            return Integer.parseInt(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw new OgcException(v == null || v.isBlank() ? "MissingParameterValue" : "InvalidParameterValue", locator,
                    locator + " muss eine ganze Zahl sein / must be an integer");
        }
    }

    /** A name echoed in a report only when it is harmless to print. */
    private static String safe(String s) {
        return s != null && s.matches("[A-Za-z0-9_.:-]{1,100}") ? s : "?";
    }
}
