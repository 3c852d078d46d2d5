package de.chancenatlas.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Stichtag a WMS TIME value selects. */
class WmsTimeTest {
    private static final List<LocalDate> PERIODS = List.of(d("2005-12-31"), d("2006-12-31"), d("2010-12-31"), d("2012-12-31"));
    private static final List<LocalDate> HALF_YEARS = List.of(d("2018-12-31"), d("2019-06-30"), d("2019-12-31"));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void instantsSelectTheirYear() {
        assertThat(WmsTime.select("2006", PERIODS)).isEqualTo(d("2006-12-31"));
        assertThat(WmsTime.select("2006-12-31", PERIODS)).isEqualTo(d("2006-12-31"));
        assertThat(WmsTime.select("2006-03", PERIODS)).isEqualTo(d("2006-12-31"));
        assertThat(WmsTime.select("2006-01-01T00:00:00Z", PERIODS)).isEqualTo(d("2006-12-31"));
        assertThat(WmsTime.select("2006-07-01T12:30:00+02:00", PERIODS)).isEqualTo(d("2006-12-31"));
    }

    @Test
    void subAnnualStichtageAreExact() {
        // the half-year's map, not the year's: the reported defect
        assertThat(WmsTime.select("2019-06-30", HALF_YEARS)).isEqualTo(d("2019-06-30"));
        assertThat(WmsTime.select("2019-06", HALF_YEARS)).isEqualTo(d("2019-06-30"));
        assertThat(WmsTime.select("2019-06-30T00:00:00Z", HALF_YEARS)).isEqualTo(d("2019-06-30"));
        assertThat(WmsTime.select("2019-12-31", HALF_YEARS)).isEqualTo(d("2019-12-31"));
        // a year is its last Stichtag
        assertThat(WmsTime.select("2019", HALF_YEARS)).isEqualTo(d("2019-12-31"));
        assertThat(WmsTime.select("2019-01-01/2019-07-01", HALF_YEARS)).isEqualTo(d("2019-06-30"));
    }

    @Test
    void intervalsSelectTheLatestStichtagInside() {
        // QGIS' yearly frame ends on the first instant of the next year: the Stichtag inside decides
        assertThat(WmsTime.select("2006-01-01T00:00:00Z/2007-01-01T00:00:00Z", PERIODS)).isEqualTo(d("2006-12-31"));
        assertThat(WmsTime.select("2005/2010", PERIODS)).isEqualTo(d("2010-12-31"));
        assertThat(WmsTime.select("2007/2011", PERIODS)).isEqualTo(d("2010-12-31"));
        assertThat(WmsTime.select("2005-01-01/2012-12-31/P1Y", PERIODS)).isEqualTo(d("2012-12-31"));
        // no Stichtag inside, but the interval lies in a year with values
        assertThat(WmsTime.select("2010-02-01/2010-03-01", PERIODS)).isEqualTo(d("2010-12-31"));
    }

    @Test
    void nothingSelectedIsAnInvalidDimensionValue() {
        for (String t : List.of("2007", "2013-12-31", "2007-01-01/2009-12-30", "2012/2005", "2005,2006", "letztes Jahr", "2006-02-30", "")) {
            assertThatThrownBy(() -> WmsTime.select(t, PERIODS)).as("TIME=%s", t).isInstanceOfSatisfying(OgcException.class,
                    e -> assertThat(e.getMessage()).contains("2005-12-31, 2006-12-31, 2010-12-31, 2012-12-31"));
        }
    }
}
