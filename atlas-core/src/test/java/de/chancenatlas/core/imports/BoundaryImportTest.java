package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boundaries through ogr2ogr and PostGIS: formats, reprojection, repair, versions, clear errors. */
class BoundaryImportTest {
    private final BoundaryImporter importer = new BoundaryImporter(TestAtlas.dataSource());

    private ImportResult load(String t, String name, byte[] content, BoundaryImporter.Options o) throws Exception {
        return importer.importFile(t, new ImportSource(name, content, "test"), o, Progress.NONE);
    }

    private static BoundaryImporter.Options bezirk(LocalDate from) {
        return new BoundaryImporter.Options("bezirk", "code", "name", null, null, from, null, null);
    }

    private static double[] centroid4326(String t, String code, int year) {
        try (var c = TestAtlas.dataSource().getConnection(); var ps = c.prepareStatement(
                "select st_x(p), st_y(p) from (select st_transform(st_centroid(u.geom), 4326) p from atlas.spatial_unit u "
                        + "join atlas.territory t using (territory_id) where t.key = ? and u.code = ? and u.validity @> make_date(?, 12, 31)) x")) {
            ps.setString(1, t);
            ps.setString(2, code);
            ps.setInt(3, year);
            var rs = ps.executeQuery();
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void geoJsonIn4326IsReprojectedToTheTerritorysSrid() throws Exception {
        String t = TestAtlas.territory("bnd-4326");
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"05\",\"name\":\"Neu\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[6.95,50.93],[6.96,50.93],[6.96,50.94],[6.95,50.94],[6.95,50.93]]]}}]}";
        ImportResult r = load(t, "neu.geojson", json.getBytes(StandardCharsets.UTF_8), bezirk(LocalDate.of(2000, 1, 1)));
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.warnings()).as("it lies outside the territory total").extracting(Problem::kind).containsExactly(Problem.Kind.NO_PARENT);
        assertThat(centroid4326(t, "05", 2020)).containsExactly(new double[] {6.955, 50.935}, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(TestAtlas.count("select st_srid(geom) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and code = '05'", t)).isEqualTo(25832);
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit u join atlas.spatial_unit p on p.unit_id = u.parent_id "
                + "join atlas.territory t on t.territory_id = u.territory_id where t.key = ? and u.code = '05' and p.code = 'T'", t))
                .as("no parent of its own level exists there, the total is the parent level's only unit: not inside it -> none")
                .isZero();
    }

    @Test
    void koelnShapefileWithAFalseEastingLandsOnKoeln() throws Exception {
        String t = TestAtlas.territory("bnd-shp");
        Path shp = TestAtlas.demoDir().resolve("koeln").resolve("Stadtbezirk.shp");
        ImportResult r = load(t, "Stadtbezirk.zip", Shapefiles.zip(shp),
                new BoundaryImporter.Options("bezirk", "STB_NR", "STB_NAME", null, 3, LocalDate.of(2000, 1, 1), null, null));
        assertThat(r.written()).isEqualTo(9);
        // Innenstadt around the cathedral (6.96 E, 50.94 N)
        assertThat(centroid4326(t, "001", 2020)).containsExactly(new double[] {6.96, 50.94}, org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void geoPackageIsRead(@TempDir Path dir) throws Exception {
        String t = TestAtlas.territory("bnd-gpkg");
        Path geojson = dir.resolve("in.geojson");
        Files.write(geojson, TestAtlas.grid(2));
        Path gpkg = dir.resolve("out.gpkg");
        Process p = new ProcessBuilder("ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        ImportResult r = load(t, "bezirke.gpkg", Files.readAllBytes(gpkg), bezirk(LocalDate.of(2000, 1, 1)));
        assertThat(r.unchanged()).as("same geometry and names as the existing units").isTrue();
        assertThat(r.rows()).isEqualTo(2);
    }

    @Test
    void invalidGeometryIsRepairedWithAWarningAndALineIsRejected() throws Exception {
        String t = TestAtlas.territory("bnd-repair");
        String bowtie = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"09\",\"name\":\"Schleife\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[350000,5650000],[351000,5651000],[351000,5650000],[350000,5651000],[350000,5650000]]]}}]}";
        ImportResult r = load(t, "schleife.geojson", bowtie.getBytes(StandardCharsets.UTF_8), bezirk(LocalDate.of(2000, 1, 1)));
        assertThat(r.warnings()).extracting(Problem::kind).contains(Problem.Kind.GEOMETRY_REPAIRED);
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and code = '09' and st_isvalid(geom)", t)).isEqualTo(1);

        String line = bowtie.replace("\"Polygon\",\"coordinates\":[[[350000,5650000],[351000,5651000],[351000,5650000],[350000,5651000],[350000,5650000]]]",
                "\"LineString\",\"coordinates\":[[350000,5650000],[351000,5651000]]").replace("\"09\"", "\"10\"");
        assertThatThrownBy(() -> load(t, "linie.geojson", line.getBytes(StandardCharsets.UTF_8), bezirk(LocalDate.of(2000, 1, 1))))
                .isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems()).extracting(Problem::kind).containsExactly(Problem.Kind.INVALID_GEOMETRY));
    }

    @Test
    void missingCodeFieldIsNamedWithTheFieldsThatExist() throws Exception {
        String t = TestAtlas.territory("bnd-field");
        Path shp = TestAtlas.demoDir().resolve("koeln").resolve("Stadtteil.shp");
        assertThatThrownBy(() -> load(t, "Stadtteil.zip", Shapefiles.zip(shp),
                new BoundaryImporter.Options("bezirk", "STT_NUMMER", "STT_NAME", null, null, null, null, null)))
                .isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.MISSING_COLUMN);
                    assertThat(p.de()).contains("STT_NUMMER").contains("STT_NR");
                }));
        assertThatThrownBy(() -> load(t, "x.geojson", "kein json".getBytes(StandardCharsets.UTF_8), bezirk(null)))
                .isInstanceOf(ImportRejected.class);
    }

    @Test
    void aChangedBoundaryBecomesANewVersionAndValuesKeepTheirVersion() throws Exception {
        String t = TestAtlas.territory("bnd-version");
        new ValueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("v.csv",
                "gebiet;indikator;jahr;wert\n01;anzahl;2015;5\n".getBytes(StandardCharsets.UTF_8), "test"), ValueImporter.Options.NONE, Progress.NONE);
        byte[] bigger = new String(TestAtlas.grid(1), StandardCharsets.UTF_8).replace("351000", "351500").getBytes(StandardCharsets.UTF_8);

        // a new version that would start before the stored value's year is refused with the earliest possible date
        assertThatThrownBy(() -> load(t, "neu.geojson", bigger, bezirk(LocalDate.of(2012, 1, 1)))).isInstanceOf(ImportRejected.class)
                .satisfies(e -> assertThat(((ImportRejected) e).problems().get(0).de()).contains("2016-01-01"));

        ImportResult r = load(t, "neu.geojson", bigger, bezirk(LocalDate.of(2018, 1, 1)));
        assertThat(r.written()).isEqualTo(1);
        assertThat(TestAtlas.count("select count(*) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and code = '01'", t)).as("two versions").isEqualTo(2);
        assertThat(TestAtlas.count("select round(st_area(geom)) from atlas.spatial_unit u join atlas.territory t using (territory_id) "
                + "where t.key = ? and code = '01' and valid_to is null", t)).isEqualTo(1_500_000);
        assertThat(centroid4326(t, "01", 2015)[0]).isLessThan(centroid4326(t, "01", 2020)[0]);
        // 2020 values now land on the new version; 2015 stays on the old one
        new ValueImporter(TestAtlas.dataSource()).importFile(t, new ImportSource("w.csv",
                "gebiet;indikator;jahr;wert\n01;anzahl;2020;6\n".getBytes(StandardCharsets.UTF_8), "test"), ValueImporter.Options.NONE, Progress.NONE);
        assertThat(TestAtlas.count("select count(distinct v.unit_id) from atlas.indicator_value v join atlas.territory t using (territory_id) "
                + "where t.key = ?", t)).isEqualTo(2);
    }
}
