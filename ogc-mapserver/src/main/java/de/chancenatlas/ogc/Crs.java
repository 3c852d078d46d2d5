package de.chancenatlas.ogc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CRS names as WFS and OGC API clients write them, read to an EPSG code. */
final class Crs {
    /** OGC's CRS84: WGS 84 in longitude, latitude (EPSG:4326 has latitude first). */
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The code we use for CRS84 (PostGIS' 4326 is longitude first). */
    static final int LON_LAT = -4326;
    private static final Pattern EPSG = Pattern.compile(
            "(?:EPSG:|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|URN:X-OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/0/"
                    + "|HTTP://WWW\\.OPENGIS\\.NET/GML/SRS/EPSG\\.XML#)(\\d{4,5})");

    private Crs() {
    }

    /**
     * The EPSG code of a CRS name; {@link #LON_LAT} for CRS:84 and OGC's CRS84; 0 when not understood.
     */
    static int code(String name) {
        if (name == null) {
            return 0;
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("CRS:84") || n.equals(CRS84.toUpperCase(Locale.ROOT)) || n.equals("HTTPS://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84")
                || n.equals("URN:OGC:DEF:CRS:OGC:1.3:CRS84") || n.equals("URN:OGC:DEF:CRS:OGC::CRS84")) {
            return LON_LAT;
        }
        Matcher m = EPSG.matcher(n);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The PostGIS SRID of a code (CRS84 is 4326 with PostGIS' longitude-first order). */
    static int srid(int code) {
        return code == LON_LAT ? 4326 : code;
    }

    static boolean geographic(int srid) {
        return srid == 4326 || srid == LON_LAT || srid == 4258;
    }

    /** The OGC URI of an EPSG code (or CRS84). */
    static String uri(int code) {
        return code == LON_LAT ? CRS84 : "http://www.opengis.net/def/crs/EPSG/0/" + code;
    }
}
