package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which period a WMS TIME value selects. */
class WmsTimeTest {
    private static final List<Integer> PERIODS = List.of(2005, 2006, 2010, 2012);

    @Test
    void instantsSelectTheirYear() {
        assertThat(WmsTime.select("2006", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.select("2006-12-31", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.select("2006-03", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.select("2006-01-01T00:00:00Z", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.select("2006-07-01T12:30:00+02:00", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.stichtag(2006)).isEqualTo("2006-12-31");
    }

    @Test
    void intervalsSelectTheLatestStichtagInside() {
        // QGIS' yearly frame ends on the first instant of the next year: the Stichtag inside decides
        assertThat(WmsTime.select("2006-01-01T00:00:00Z/2007-01-01T00:00:00Z", PERIODS)).isEqualTo(2006);
        assertThat(WmsTime.select("2005/2010", PERIODS)).isEqualTo(2010);
        assertThat(WmsTime.select("2007/2011", PERIODS)).isEqualTo(2010);
        assertThat(WmsTime.select("2005-01-01/2012-12-31/P1Y", PERIODS)).isEqualTo(2012);
        // no Stichtag inside, but the interval lies in a year with values
        assertThat(WmsTime.select("2010-02-01/2010-03-01", PERIODS)).isEqualTo(2010);
    }

    @Test
    void nothingSelectedIsAnInvalidDimensionValue() {
        for (String t : List.of("2007", "2013-12-31", "2007-01-01/2009-12-30", "2012/2005", "2005,2006", "letztes Jahr", "2006-02-30", "")) {
            assertThatThrownBy(() -> WmsTime.select(t, PERIODS)).as("TIME=%s", t).isInstanceOfSatisfying(OgcException.class,
                    e -> assertThat(e.getMessage()).contains("2005, 2006, 2010, 2012"));
        }
    }
}
