package de.chancenatlas.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a boundary file's layers, fields and CRS before importing it (real GDAL, no database). */
class BoundaryInspectionTest {
    private final BoundaryImporter importer = new BoundaryImporter(null);

    private static void ogr2ogr(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void aGeoPackageWithTwoLayersNamesBoth(@TempDir Path dir) throws Exception {
        Path json = Files.write(dir.resolve("grid.geojson"), TestAtlas.grid(4));
        Path gpkg = dir.resolve("bezirke.gpkg");
        ogr2ogr("-f", "GPKG", gpkg.toString(), json.toString(), "-nln", "bezirke");
        ogr2ogr("-f", "GPKG", "-update", gpkg.toString(), json.toString(), "-nln", "bloecke", "-t_srs", "EPSG:4326", "-where", "code = '01'");
        var layers = importer.inspect(new ImportSource("bezirke.gpkg", Files.readAllBytes(gpkg), "test"));
        assertThat(layers).extracting(BoundaryImporter.Layer::name).containsExactly("bezirke", "bloecke");
        assertThat(layers.get(0).featureCount()).isEqualTo(4);
        assertThat(layers.get(0).epsg()).isEqualTo("EPSG:25832");
        assertThat(layers.get(1).featureCount()).isEqualTo(1);
        assertThat(layers.get(1).epsg()).isEqualTo("EPSG:4326");
        assertThat(layers.get(1).fields()).extracting(BoundaryImporter.Field::name).containsExactly("code", "name");
        assertThat(layers.get(1).fields().get(1).samples()).containsExactly("Bezirk 1");
    }

    @Test
    void aZippedShapefileWithoutProjectionSaysSo(@TempDir Path dir) throws Exception {
        Path json = Files.write(dir.resolve("grid.geojson"), TestAtlas.grid(2));
        Path shp = dir.resolve("shp").resolve("bezirke.shp");
        Files.createDirectories(shp.getParent());
        ogr2ogr("-f", "ESRI Shapefile", shp.toString(), json.toString());
        Files.delete(dir.resolve("shp").resolve("bezirke.prj"));
        var layers = importer.inspect(new ImportSource("bezirke.zip", Shapefiles.zip(shp), "test"));
        assertThat(layers).hasSize(1);
        assertThat(layers.get(0).crs()).isNull();
        assertThat(layers.get(0).epsg()).isNull();
        assertThat(layers.get(0).geometry()).isEqualTo("Polygon");
        assertThat(layers.get(0).fields()).extracting(BoundaryImporter.Field::type).containsExactly("String", "String");
        assertThat(layers.get(0).fields().get(0).samples()).containsExactly("01", "02");
    }

    @Test
    void anUnreadableFileIsAProblemNotAnError() {
        assertThatThrownBy(() -> importer.inspect(new ImportSource("kaputt.geojson", "{\"type\": \"Feat".getBytes(), "test")))
                .isInstanceOf(ImportRejected.class);
    }
}
