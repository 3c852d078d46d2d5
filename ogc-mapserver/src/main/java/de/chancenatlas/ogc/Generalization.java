package de.chancenatlas.ogc;

import java.util.Locale;

/**
 * Which copy of the unit geometry a map draws. Every unit keeps simplified copies of its boundary
 * ({@code geom_5} … {@code geom_500}, generated columns of {@code atlas.spatial_unit}, sql/V6); a
 * GetMap reads the coarsest whose tolerance is at most half a pixel on the ground, so the
 * simplification cannot be seen, while the database and MapServer handle a fraction of the
 * vertices. Feature info and WFS always read the full geometry, with MapServer's exact test.
 */
public final class Generalization {
    /** The full geometry. */
    public static final String FULL = "geom";
    /** Tolerances in metres of the simplified columns, finest first. */
    static final int[] TOLERANCES = {5, 25, 125, 500};
    private static final double EARTH_RADIUS = 6378137;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS / 180;

    private Generalization() {
    }

    /** Every geometry column a layer may draw from. */
    public static java.util.List<String> columns() {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(FULL));
        for (int t : TOLERANCES) {
            out.add(FULL + "_" + t);
        }
        return out;
    }

    /** The column for a map drawn at this many metres per pixel (NaN: unknown, the full geometry). */
    public static String column(double metresPerPixel) {
        for (int i = TOLERANCES.length - 1; i >= 0; i--) {
            if (TOLERANCES[i] <= metresPerPixel / 2) {
                return FULL + "_" + TOLERANCES[i];
            }
        }
        return FULL;
    }

    /** The column for a GetMap (the full geometry if its box cannot be read); null for any other request. */
    public static String column(OgcRequest request) {
        return "GetMap".equals(request.request()) ? column(metresPerPixel(request)) : null;
    }

    /**
     * Metres on the ground per pixel of a GetMap, the finer of the two axes; NaN if BBOX, WIDTH,
     * HEIGHT or the CRS cannot be read (MapServer then answers the request with its own error).
     * Geographic and Web Mercator boxes are converted at their middle latitude.
     */
    static double metresPerPixel(OgcRequest request) {
        var p = request.params();
        String crs = (p.containsKey("CRS") ? p.get("CRS") : p.getOrDefault("SRS", "")).toUpperCase(Locale.ROOT);
        String[] box = p.getOrDefault("BBOX", "").split(",");
        if (box.length < 4) {
            return Double.NaN;
        }
        try {
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(box[i].strip());
            }
            int w = Integer.parseInt(p.getOrDefault("WIDTH", "").strip());
            int h = Integer.parseInt(p.getOrDefault("HEIGHT", "").strip());
            double rx = Math.abs(b[2] - b[0]) / w;
            double ry = Math.abs(b[3] - b[1]) / h;
            switch (crs) {
                case "EPSG:3857", "EPSG:900913" -> {
                    double lat = Math.atan(Math.sinh((b[1] + b[3]) / 2 / EARTH_RADIUS));
                    return Math.min(rx, ry) * Math.cos(lat);
                }
                case "EPSG:4326", "CRS:84" -> {
                    // WMS 1.3.0 orders EPSG:4326 latitude first; CRS:84 and WMS 1.1.1 longitude first
                    boolean latFirst = "EPSG:4326".equals(crs) && !"1.1.1".equals(request.version());
                    double lat = Math.toRadians(latFirst ? (b[0] + b[2]) / 2 : (b[1] + b[3]) / 2);
                    double lon = (latFirst ? ry : rx) * METRES_PER_DEGREE * Math.cos(lat);
                    double north = (latFirst ? rx : ry) * METRES_PER_DEGREE;
                    return Math.min(lon, north);
                }
                default -> {
                    // a territory's own CRS: projected in metres (the schema admits no other, sql/V9)
                    return crs.matches("EPSG:\\d{4,5}") ? Math.min(rx, ry) : Double.NaN;
                }
            }
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
