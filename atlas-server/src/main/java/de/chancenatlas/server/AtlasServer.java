package de.chancenatlas.server;

import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import java.util.Map;
import de.chancenatlas.core.demo.DemoLoader;
import de.chancenatlas.core.imports.Batches;
import de.chancenatlas.core.imports.BoundaryImporter;
import de.chancenatlas.core.imports.FacilityImporter;
import de.chancenatlas.core.imports.ValueImporter;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Figures;
import de.chancenatlas.ogc.OgcService;
import de.chancenatlas.ogc.tiles.TileCache;
import de.chancenatlas.ogc.tiles.TileSeeder;
import de.chancenatlas.ogc.tiles.TileService;
import de.chancenatlas.reports.MapImages;
import de.chancenatlas.reports.ReportService;
import de.chancenatlas.reports.Templates;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The server: one database (embedded or configured), the importers and the read path as beans. */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
public class AtlasServer {
    private static final Logger log = LoggerFactory.getLogger(AtlasServer.class);

    /** Opened (and migrated) before anything else; closing it stops the embedded cluster. */
    @Bean(destroyMethod = "close")
    AtlasDatabase atlasDatabase(@Value("${ATLAS_DB_URL:}") String url, @Value("${ATLAS_DB_USER:}") String user,
                                @Value("${ATLAS_DB_PASSWORD:}") String password,
                                @Value("${ATLAS_DB_PUBLIC_PASSWORD:}") String publicPassword,
                                @Value("${ATLAS_DB_INTERNAL_PASSWORD:}") String internalPassword,
                                @Value("${ATLAS_DATA_DIR:data}") String dataDir) {
        return AtlasDatabase.open(url, user, password, Map.of(Audience.PUBLIC, publicPassword, Audience.INTERNAL, internalPassword),
                Path.of(dataDir));
    }

    /** One refresher of the materialised public and layer views, shared by the read path and the OGC service. */
    @Bean
    PublishedViews publishedViews(DataSource ds) {
        return new PublishedViews(ds);
    }

    @Bean
    Publication publication(DataSource ds) {
        return new Publication(ds);
    }

    @Bean
    DataSource dataSource(AtlasDatabase db) {
        return db.dataSource();
    }

    /** The OGC engine. MapServer reads PostGIS itself, with the reader role of each layer's audience. */
    @Bean(destroyMethod = "close")
    OgcService ogcService(AtlasDatabase db, PublishedViews views, @Value("${ATLAS_DATA_DIR:data}") String dataDir,
                          @Value("${atlas.ogc.workers:2}") int workers, @Value("${atlas.ogc.precision.metres:2}") int metres,
                          @Value("${atlas.ogc.precision.degrees:7}") int degrees) {
        return new OgcService(db.dataSource(), views, db.readerConnections(), db::dataSource, new de.chancenatlas.ogc.FeatureQuery.Precision(metres, degrees),
                Path.of(dataDir).resolve("ogc"), workers);
    }

    /**
     * The tile cache: memory and disk tiers bounded in MB (the disk tier in ATLAS_DATA_DIR/tiles,
     * emptied on start); tiles drawn through the OGC service above.
     */
    @Bean
    TileService tileService(OgcService ogc, @Value("${ATLAS_DATA_DIR:data}") String dataDir,
                            @Value("${atlas.tiles.memory-mb:128}") long memoryMb, @Value("${atlas.tiles.disk-mb:2048}") long diskMb) {
        return new TileService(ogc, new TileCache(memoryMb << 20, Path.of(dataDir).resolve("tiles"), diskMb << 20));
    }

    @Bean(destroyMethod = "close")
    TileSeeder tileSeeder(TileService tiles) {
        return new TileSeeder(tiles);
    }

    @Bean
    AtlasReader atlasReader(AtlasDatabase db, PublishedViews views) {
        return new AtlasReader(db::dataSource, views);
    }

    @Bean
    Figures figures(AtlasReader reader) {
        return new Figures(reader);
    }

    /**
     * Council reports. Logos named in a territory's settings are looked up in the demo folder's
     * subfolder of that territory (ATLAS_DEMO_DIR/{territory}/).
     */
    @Bean
    ReportService reportService(AtlasReader reader, OgcService ogc, DataSource ds, PublishedViews views, @Value("${ATLAS_DEMO_DIR:demo}") String demoDir) {
        Templates templates = new Templates();
        // compiling the templates takes seconds: done beside the start, not in the first request
        Thread warm = new Thread(templates::warmUp, "report-templates");
        warm.setDaemon(true);
        warm.start();
        return new ReportService(reader, new MapImages(ogc, ds, views), templates, Path.of(demoDir), new de.chancenatlas.core.admin.Logos(ds));
    }

    @Bean
    ValueImporter valueImporter(DataSource ds, @Value("${atlas.import.max-bytes:209715200}") long maxBytes,
                                @Value("${atlas.import.max-rows:5000000}") int maxRows) {
        return new ValueImporter(ds, new ValueImporter.Limits(maxBytes, maxRows));
    }

    @Bean
    BoundaryImporter boundaryImporter(DataSource ds) {
        return new BoundaryImporter(ds);
    }

    @Bean
    FacilityImporter facilityImporter(DataSource ds) {
        return new FacilityImporter(ds);
    }

    @Bean
    CatalogueImporter catalogueImporter(DataSource ds) {
        return new CatalogueImporter(ds);
    }

    @Bean
    Batches batches(DataSource ds) {
        return new Batches(ds);
    }

    @Bean
    de.chancenatlas.core.imports.Levels levels(DataSource ds) {
        return new de.chancenatlas.core.imports.Levels(ds);
    }

    /**
     * The first start creates the global administrator: ATLAS_ADMIN_USER (default "admin") with
     * ATLAS_ADMIN_PASSWORD when set (automated installs), otherwise with a one-time password printed
     * here that must be changed at first login. There is never a fixed default password.
     */
    @Bean
    SmartInitializingSingleton initialAdministrator(Accounts accounts, @Value("${ATLAS_ADMIN_USER:admin}") String login,
                                                    @Value("${ATLAS_ADMIN_PASSWORD:}") String password) {
        return () -> {
            try {
                if (accounts.hasGlobalAdmin()) {
                    return;
                }
                String oneTime = accounts.createUser(login, "Administration", null, password.isBlank() ? null : password, true, "setup");
                if (oneTime != null) {
                    log.warn("\n\n  Erster Start: Administrator „{}“, Einmal-Passwort {} – bitte bei der ersten Anmeldung ändern "
                            + "(POST /api/v1/me/password).\n  First start: administrator '{}', one-time password {} "
                            + "(change it at first login).\n", login, oneTime, login, oneTime);
                } else {
                    log.info("Administrator '{}' created from ATLAS_ADMIN_PASSWORD", login);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Creating the initial administrator failed: " + e.getMessage(), e);
            }
        };
    }

    /** Runs after all beans exist but before the web server opens its port: no request sees a half-loaded demo. */
    @Bean
    SmartInitializingSingleton demoData(DataSource ds, PublishedViews views, @Value("${atlas.demo.load:true}") boolean load,
                                        @Value("${ATLAS_DEMO_DIR:demo}") String demoDir) {
        return () -> {
            try {
                if (load && new DemoLoader(ds, Path.of(demoDir)).loadIfEmpty()) {
                    log.info("Demo territories loaded from {}", Path.of(demoDir).toAbsolutePath());
                }
                views.ensureFresh();   // the first visitor should not wait for the public views
            } catch (Exception e) {
                throw new IllegalStateException("Loading the demo territories failed", e);
            }
        };
    }
}
