package de.chancenatlas.reports;

import de.chancenatlas.core.TestAtlas;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.ogc.OgcService;
import java.nio.file.Path;

/** One report service on the test database with the demo territories, shared by the report tests of a JVM. */
final class Reports {
    private static ReportService service;
    private static AtlasReader reader;

    private Reports() {
    }

    static synchronized ReportService service() {
        if (service == null) {
            TestAtlas.withDemo();
            PublishedViews views = new PublishedViews(TestAtlas.dataSource());
            OgcService ogc = new OgcService(TestAtlas.database(), views, Path.of("target/ogc-work"), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(ogc::close));
            reader = new AtlasReader(TestAtlas.database()::dataSource, views);
            service = new ReportService(reader, new MapImages(ogc, TestAtlas.dataSource(), views), new Templates(), TestAtlas.demoDir());
        }
        return service;
    }

    static AtlasReader reader() {
        service();
        return reader;
    }
}
