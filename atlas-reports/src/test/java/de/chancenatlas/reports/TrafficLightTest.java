package de.chancenatlas.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.read.Viewer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile's traffic light: deviation from the territory beyond the threshold, judged by polarity. */
class TrafficLightTest {
    private static AtlasReader.Indicator indicator(String polarity) {
        return new AtlasReader.Indicator("q", "t", "T", "Quote", null, "d", null, null, null, null, "%", BigDecimal.valueOf(100), 1,
                polarity, "ratio", null, "Quelle", null, null, "public", false, Map.of(),
                List.of(new AtlasReader.Period("2020", "2020-12-31", "2020")), List.of("bezirk"), "year", "jährlich (31.12.)", null, List.of());
    }

    private static AtlasReader.Value value(String v) {
        return new AtlasReader.Value("01", "Eins", "2020", "2020-12-31", "2020", v == null ? null : new BigDecimal(v), v == null ? "" : v.replace('.', ','),
                null, null, v == null ? "secret" : "ok", false);
    }

    private static String light(String polarity, String unit, String total, double threshold) {
        ProfileReport p = new ProfileReport(null, Viewer.ANONYMOUS, Texts.of("de"), new ReportService.Options("de", null, 1, 300, threshold));
        return p.light(indicator(polarity), value(unit), value(total))[0];
    }

    @Test
    void polarityAndThresholdDecide() {
        assertThat(light("higher_is_worse", "12.0", "10.0", 0.10)).isEqualTo("● ungünstig");
        assertThat(light("higher_is_worse", "8.0", "10.0", 0.10)).isEqualTo("● günstig");
        assertThat(light("higher_is_better", "12.0", "10.0", 0.10)).isEqualTo("● günstig");
        assertThat(light("higher_is_worse", "10.9", "10.0", 0.10)).isEqualTo("● unauffällig");
        assertThat(light("higher_is_worse", "12.0", "10.0", 0.25)).as("wider threshold").isEqualTo("● unauffällig");
        assertThat(light("neutral", "20.0", "10.0", 0.10)).as("no polarity, no judgement").isEqualTo("–");
        assertThat(light("higher_is_worse", null, "10.0", 0.10)).as("withheld value").isEqualTo("–");
    }
}
