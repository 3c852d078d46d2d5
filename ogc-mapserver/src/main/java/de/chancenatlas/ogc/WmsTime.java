package de.chancenatlas.ogc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WMS TIME of the indicator layers. A period is a Stichtag (31.12. of annual values, 30.06. of a
 * half-year, 15.10. of a school year, ...); capabilities advertise those dates (QGIS 3.22 reads no
 * bare years). MapServer draws a period only for an exact value and quietly falls back to the
 * default for anything else, so TIME is made exact here: a year, a month, a date or date-time, or
 * an interval (QGIS' time slider sends {@code 2005-01-01T00:00:00Z/2006-01-01T00:00:00Z}) selects
 * the latest Stichtag that lies in it ({@code TIME=2019-06-30} is the half-year's map, {@code TIME=2008}
 * the last Stichtag of 2008), else the latest Stichtag in the years it touches; nothing selected is an error.
 */
final class WmsTime {
    private static final Pattern VALUE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?)?)?");

    private WmsTime() {
    }

    /** The Stichtag {@code value} selects among {@code periods}; an {@link OgcException} (InvalidDimensionValue) if none. */
    static LocalDate select(String value, Collection<LocalDate> periods) {
        String v = value.strip();
        if (v.contains(",")) {
            throw invalid(v, periods, "ein Zeitpunkt oder Zeitraum, keine Liste / one time or interval, not a list");
        }
        String[] parts = v.split("/");
        if (parts.length < 1 || parts.length > 3) {
            throw invalid(v, periods, "nicht lesbar / not readable");
        }
        LocalDate start = bound(parts[0], true, v, periods);
        LocalDate end = bound(parts.length > 1 ? parts[1] : parts[0], false, v, periods);
        if (end.isBefore(start)) {
            throw invalid(v, periods, "Ende vor Beginn / end before start");
        }
        return periods.stream().filter(p -> !p.isBefore(start) && !p.isAfter(end))
                .max(LocalDate::compareTo)
                .or(() -> periods.stream().filter(p -> p.getYear() >= start.getYear() && p.getYear() <= end.getYear()).max(LocalDate::compareTo))
                .orElseThrow(() -> invalid(v, periods, "kein Zeitpunkt mit Werten / no period with values"));
    }

    /** The first (or last) day a value names: 2005 is all of 2005, 2005-06 all of June; a date-time counts by its date. */
    private static LocalDate bound(String text, boolean first, String value, Collection<LocalDate> periods) {
        Matcher m = VALUE.matcher(text.strip());
        if (!m.matches()) {
            throw invalid(value, periods, "nicht lesbar / not readable");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return first ? month.atDay(1) : month.atEndOfMonth();
            }
            return month.atDay(Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw invalid(value, periods, "kein gültiges Datum / not a valid date");
        }
    }

    private static OgcException invalid(String value, Collection<LocalDate> periods, String why) {
        List<LocalDate> sorted = periods.stream().sorted().toList();
        return new OgcException("InvalidDimensionValue", "TIME", "TIME=" + value + ": " + why + "; Werte gibt es für / values exist for "
                + String.join(", ", sorted.stream().map(LocalDate::toString).toList()));
    }
}
