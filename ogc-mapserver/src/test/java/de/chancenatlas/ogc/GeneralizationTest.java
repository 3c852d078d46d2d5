package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.chancenatlas.core.TestAtlas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice of simplified geometry per map scale, and the simplified copies in the database. */
class GeneralizationTest {

    private static OgcRequest getMap(String version, String crs, String bbox, int width, int height) {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("SERVICE", new String[] {"WMS"});
        p.put("VERSION", new String[] {version});
        p.put("REQUEST", new String[] {"GetMap"});
        p.put("LAYERS", new String[] {"koeln.anteil_unter_6.stadtteil"});
        p.put("1.1.1".equals(version) ? "SRS" : "CRS", new String[] {crs});
        p.put("BBOX", new String[] {bbox});
        p.put("WIDTH", new String[] {String.valueOf(width)});
        p.put("HEIGHT", new String[] {String.valueOf(height)});
        p.put("FORMAT", new String[] {"image/png"});
        return OgcRequest.vet(p, null);
    }

    @Test
    void theCoarsestCopyWithinHalfAPixel() {
        assertThat(Generalization.column(9.9)).isEqualTo("geom");
        assertThat(Generalization.column(10)).isEqualTo("geom_5");
        assertThat(Generalization.column(49)).isEqualTo("geom_5");
        assertThat(Generalization.column(105)).isEqualTo("geom_25");
        assertThat(Generalization.column(250)).isEqualTo("geom_125");
        assertThat(Generalization.column(1000)).isEqualTo("geom_500");
        assertThat(Generalization.column(Double.NaN)).isEqualTo("geom");
    }

    @Test
    void groundPixelInEveryOfferedCrs() {
        // all of Köln at 256 pixels: about 105 m per pixel
        double utm = Generalization.metresPerPixel(getMap("1.3.0", "EPSG:25832", "343900,5632700,370700,5661500", 256, 256));
        assertThat(utm).isCloseTo(104.7, within(0.1));
        // the same box in Web Mercator (metres stretched by 1/cos 50.9°) and in degrees, both axis orders
        double merc = Generalization.metresPerPixel(getMap("1.3.0", "EPSG:3857", "746000,6574000,789000,6619000", 256, 256));
        assertThat(merc).isCloseTo(105.7, within(2.0));
        double lat = Generalization.metresPerPixel(getMap("1.3.0", "EPSG:4326", "50.83,6.77,51.09,7.16", 256, 256));
        double lon = Generalization.metresPerPixel(getMap("1.1.1", "EPSG:4326", "6.77,50.83,7.16,51.09", 256, 256));
        double crs84 = Generalization.metresPerPixel(getMap("1.3.0", "CRS:84", "6.77,50.83,7.16,51.09", 256, 256));
        assertThat(lat).isEqualTo(lon).isEqualTo(crs84).isCloseTo(106, within(10.0));
        assertThat(Generalization.column(getMap("1.3.0", "EPSG:25832", "343900,5632700,370700,5661500", 256, 256))).isEqualTo("geom_25");
        // a territory's own projected CRS is metres too: Gauß-Krüger (northing first in 1.3.0) and UTM 33
        assertThat(Generalization.metresPerPixel(getMap("1.3.0", "EPSG:31467", "5620000,3540000,5646800,3566800", 256, 256)))
                .isCloseTo(104.7, within(0.1));
        assertThat(Generalization.column(getMap("1.1.1", "EPSG:25833", "380000,5760000,406800,5786800", 256, 256))).isEqualTo("geom_25");
        // a street-level map keeps every vertex
        assertThat(Generalization.column(getMap("1.3.0", "EPSG:25832", "356000,5645000,357000,5646000", 512, 512))).isEqualTo("geom");
    }

    @Test
    void onlyMapsAreSimplified() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("SERVICE", new String[] {"WFS"});
        p.put("VERSION", new String[] {"2.0.0"});
        p.put("REQUEST", new String[] {"GetFeature"});
        p.put("TYPENAMES", new String[] {"koeln.anteil_unter_6.stadtteil"});
        p.put("BBOX", new String[] {"343900,5632700,370700,5661500"});
        assertThat(Generalization.column(OgcRequest.vet(p, null))).isNull();
        assertThat(Generalization.column(getMap("1.3.0", "EPSG:25832", "not,a,box,at all", 256, 256))).isEqualTo("geom");
    }

    /** The copies in the database: valid, far fewer vertices, never further from the boundary than their tolerance. */
    @Test
    void simplifiedCopiesStayWithinTheirTolerance() throws Exception {
        TestAtlas.withDemo();
        try (var c = TestAtlas.dataSource().getConnection(); var st = c.createStatement()) {
            for (int t : Generalization.TOLERANCES) {
                var rs = st.executeQuery("select count(*), count(*) filter (where st_isvalid(geom_" + t + ")), "
                        + "sum(st_npoints(geom)), sum(st_npoints(geom_" + t + ")), max(st_hausdorffdistance(geom, geom_" + t + ")), "
                        + "count(*) filter (where st_isempty(geom_" + t + ")) "
                        + "from atlas.spatial_unit u join atlas.territory tt using (territory_id) where tt.key = 'koeln'");
                rs.next();
                assertThat(rs.getLong(2)).as("valid at %d m", t).isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(6)).as("none vanishes at %d m", t).isZero();
                assertThat(rs.getLong(4)).as("vertices at %d m", t).isLessThan(rs.getLong(3) / 2);
                assertThat(rs.getDouble(5)).as("distance at %d m", t).isLessThanOrEqualTo(t * 1.0001);
            }
        }
    }
}
