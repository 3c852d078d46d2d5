package de.chancenatlas.core.demo;

import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Progress;
import de.chancenatlas.core.imports.Shapefiles;
import de.chancenatlas.core.imports.SourceMapping;
import de.chancenatlas.core.imports.ValueImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Loads the demo territories (Köln, Kreis Düren) from the repository's {@code demo/} folder through
 * the same importers users call: catalogue, boundaries, values via a mapping file; then the
 * departments (Fachbereiche) that write them, and one indicator published on one level only.
 * No demo users: staff accounts are created by an administrator (docs/zugang.md).
 */
public final class DemoLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    public static final String ACTOR = "demo-loader";

    private final DataSource ds;
    private final Path demoDir;

    public DemoLoader(DataSource ds, Path demoDir) {
        this.ds = ds;
        this.demoDir = demoDir;
    }

    /** Loads the demo territories when the database holds no territory yet; true if it did. */
    public boolean loadIfEmpty() throws SQLException, IOException {
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from atlas.territory");
            rs.next();
            if (rs.getLong(1) > 0) {
                return false;
            }
        }
        loadKoeln();
        loadKreisDueren();
        return true;
    }

    /** Loads each demo territory that is not there yet (tests share one database with other territories). */
    public void loadMissing() throws SQLException, IOException {
        if (!exists("koeln")) {
            loadKoeln();
        }
        if (!exists("kreis-dueren")) {
            loadKreisDueren();
        }
    }

    private boolean exists(String key) throws SQLException {
        try (var c = ds.getConnection(); var ps = c.prepareStatement("select 1 from atlas.territory where key = ?")) {
            ps.setString(1, key);
            return ps.executeQuery().next();
        }
    }

    public void loadKoeln() throws SQLException, IOException {
        Path dir = demoDir.resolve("koeln");
        log.info("Loading demo territory Köln from {}", dir);
        catalogue(dir);
        var boundaries = new BoundaryImporter(ds);
        LocalDate from = LocalDate.of(2000, 1, 1);
        boundaries.importFile("koeln", new ImportSource("Stadtbezirk.zip", Shapefiles.zip(dir.resolve("Stadtbezirk.shp")), ACTOR),
                new BoundaryImporter.Options("stadtbezirk", "STB_NR", "STB_NAME", null, 3, from, null, null), Progress.NONE);
        boundaries.dissolve("koeln", "stadtbezirk", "stadt", "000", "Köln", from, ACTOR);
        boundaries.importFile("koeln", new ImportSource("Stadtteil.zip", Shapefiles.zip(dir.resolve("Stadtteil.shp")), ACTOR),
                new BoundaryImporter.Options("stadtteil", "STT_NR", "STT_NAME", null, 3, from, null, null), Progress.NONE);
        values("koeln", dir);
        // per-level publication: second residences are public per Stadtbezirk, internal per Stadtteil
        new Publication(ds).publish("koeln", "anteil_nebenwohnung", List.of("stadtbezirk"), ACTOR);
        Accounts departments = new Accounts(ds, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        departments.saveDepartment("koeln", "statistik", "Amt für Stadtentwicklung und Statistik", List.of("demografie", "vielfalt"),
                List.of(), ACTOR);
        departments.saveDepartment("koeln", "jugendamt", "Amt für Kinder, Jugend und Familie", List.of("soziale_lage"), List.of(), ACTOR);
    }

    public void loadKreisDueren() throws SQLException, IOException {
        Path dir = demoDir.resolve("kreis-dueren");
        log.info("Loading demo territory Kreis Düren from {}", dir);
        catalogue(dir);
        var boundaries = new BoundaryImporter(ds);
        LocalDate from = LocalDate.of(2021, 1, 1);
        boundaries.importFile("kreis-dueren", new ImportSource("gemeinden.geojson", Files.readAllBytes(dir.resolve("gemeinden.geojson")), ACTOR),
                new BoundaryImporter.Options("kommune", "ags", "name", null, 8, from, null, null), Progress.NONE);
        boundaries.dissolve("kreis-dueren", "kommune", "kreis", "05358", "Kreis Düren", from, ACTOR);
        values("kreis-dueren", dir);
        Accounts departments = new Accounts(ds, PasswordEncoderFactories.createDelegatingPasswordEncoder());
        departments.saveDepartment("kreis-dueren", "statistik", "Statistikstelle", List.of(), List.of("einwohner"), ACTOR);
        departments.saveDepartment("kreis-dueren", "kreisentwicklung", "Amt für Kreisentwicklung", List.of(), List.of("bevoelkerungsdichte"), ACTOR);
    }

    private void catalogue(Path dir) throws SQLException, IOException {
        new CatalogueImporter(ds).importFile(null, new ImportSource("catalogue.yaml", Files.readAllBytes(dir.resolve("catalogue.yaml")), ACTOR));
    }

    private void values(String territory, Path dir) throws SQLException, IOException {
        SourceMapping mapping = SourceMapping.parse(Files.readAllBytes(dir.resolve("mapping.yaml")));
        byte[] csv = mapping.toCsv(Files.readAllBytes(dir.resolve(mapping.sourceFile())));
        var result = new ValueImporter(ds).importFile(territory, new ImportSource(mapping.sourceFile() + " (mapping.yaml)", csv, ACTOR),
                ValueImporter.Options.NONE, Progress.NONE);
        log.info("{}: {} values imported as batch {}", territory, result.written(), result.batchId());
    }
}
