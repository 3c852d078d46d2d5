package de.chancenatlas.reports;

import de.chancenatlas.core.TestAtlas;
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
            OgcService ogc = new OgcService(TestAtlas.dataSource(), TestAtlas.database().libpqConnection(), Path.of("target/ogc-work"), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(ogc::close));
            reader = new AtlasReader(TestAtlas.dataSource());
            service = new ReportService(reader, new MapImages(ogc, TestAtlas.dataSource()), new Templates(), TestAtlas.demoDir());
        }
        return service;
    }

    static AtlasReader reader() {
        service();
        return reader;
    }
}
