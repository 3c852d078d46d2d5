package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.Viewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorReportTest {
    @Test
    void rendersPdf() throws Exception {
        Files.createDirectories(Path.of("target/reports"));
        for (Rendered r : List.of(
                Reports.service().indicator(Viewer.ANONYMOUS, "koeln", "anteil_unter_6", "stadtteil", null, ReportFormat.PDF, ReportService.Options.DEFAULT),
                Reports.service().profile(Viewer.ANONYMOUS, "koeln", "101", null, ReportFormat.PDF, ReportService.Options.DEFAULT),
                Reports.service().comparison(Viewer.ANONYMOUS, "koeln", List.of("101", "102", "905"), null, null, ReportFormat.PDF, ReportService.Options.DEFAULT))) {
            Files.write(Path.of("target/reports/" + r.fileName()), r.body());
            assertThat(r.body().length).isGreaterThan(1000);
        }
    }
}
