package de.chancenatlas.ogc.tiles;

/**
 * A WMTS tile matrix set of 256-pixel tiles, each level halving the pixel size of the one above.
 * Two kinds: {@code GoogleMapsCompatible} (EPSG:3857, the web maps' grid) and one per territory in
 * its own CRS, derived from the territory's extent: level 0 is one tile over the whole territory at
 * a power-of-two pixel size in metres, the origin snapped to multiples of that tile, so the grid
 * stays put when boundaries are re-imported with a slightly different extent.
 *
 * @param id          identifier in the capabilities and URLs
 * @param srid        EPSG code of the CRS
 * @param originX     top-left corner of the grid (easting)
 * @param originY     top-left corner of the grid (northing)
 * @param resolution0 metres per pixel at level 0
 * @param cols0       tiles across at level 0 (rows likewise)
 * @param levels      number of levels (0 .. levels - 1)
 */
public record TileMatrixSet(String id, int srid, double originX, double originY, double resolution0, int cols0, int rows0, int levels) {
    public static final int TILE = 256;
    /** OGC's standardised rendering pixel size (0.28 mm), for scale denominators. */
    static final double PIXEL = 0.00028;
    private static final double HALF_WORLD = 20037508.3427892;
    public static final TileMatrixSet GOOGLE = new TileMatrixSet("GoogleMapsCompatible", 3857, -HALF_WORLD, HALF_WORLD,
            2 * HALF_WORLD / TILE, 1, 1, 20);

    /** The grid of a territory in its own CRS, from its extent (minx, miny, maxx, maxy in that CRS). */
    public static TileMatrixSet forTerritory(String territory, int srid, double[] extent) {
        double span = Math.max(extent[2] - extent[0], extent[3] - extent[1]);
        double res = 1;
        while (res * TILE < span) {
            res *= 2;
        }
        double tile = res * TILE;
        double x0 = Math.floor(extent[0] / tile) * tile;
        double y0 = Math.ceil(extent[3] / tile) * tile;
        int cols = (int) Math.ceil((extent[2] - x0) / tile);
        int rows = (int) Math.ceil((y0 - extent[1]) / tile);
        // down to a pixel of 1/8 m or less: house level, beyond that a map of statistical areas shows nothing new
        int levels = 1;
        while (res / (1L << (levels - 1)) > 0.125) {
            levels++;
        }
        return new TileMatrixSet(territory + "_EPSG_" + srid, srid, x0, y0, res, Math.max(cols, 1), Math.max(rows, 1), levels);
    }

    public double resolution(int z) {
        return resolution0 / (1L << z);
    }

    public double scaleDenominator(int z) {
        return resolution(z) / PIXEL;
    }

    public long matrixWidth(int z) {
        return (long) cols0 << z;
    }

    public long matrixHeight(int z) {
        return (long) rows0 << z;
    }

    public boolean contains(int z, long row, long col) {
        return z >= 0 && z < levels && row >= 0 && col >= 0 && row < matrixHeight(z) && col < matrixWidth(z);
    }

    /** A block of tiles' bounds: minx, miny, maxx, maxy, widened by {@code gutter} pixels on every side. */
    public double[] bounds(int z, long row, long col, long rows, long cols, int gutter) {
        double r = resolution(z);
        double minx = originX + col * TILE * r - gutter * r;
        double maxy = originY - row * TILE * r + gutter * r;
        return new double[] {minx, maxy - (rows * TILE + 2L * gutter) * r, minx + (cols * TILE + 2L * gutter) * r, maxy};
    }

    /** The level whose pixel size is {@code res} (within a part in a million), or -1. */
    public int level(double res) {
        for (int z = 0; z < levels; z++) {
            if (Math.abs(resolution(z) - res) <= resolution(z) * 1e-6) {
                return z;
            }
        }
        return -1;
    }

    public String crs() {
        return "EPSG:" + srid;
    }
}
