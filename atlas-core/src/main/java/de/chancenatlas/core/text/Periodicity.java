package de.chancenatlas.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an indicator reports, and how a period is written by people: the reading side of the
 * periods. A period is a reporting date (Stichtag); its key and German label are made from the
 * Stichtag and the periodicity in the database (sql/V10, atlas.period_key and atlas.period_label),
 * so every output names it the same. Stored as {@link #code()}: {@code year}, {@code half_year},
 * {@code quarter}, {@code month}, {@code yearly:MM-DD} (a fixed date every year, e.g. the Kita
 * statistics on 01.03.) or {@code school_year:MM-DD} (the school year, counted on that date).
 */
public record Periodicity(Kind kind, MonthDay day) {

    public enum Kind { YEAR, HALF_YEAR, QUARTER, MONTH, YEARLY, SCHOOL_YEAR }

    /** The school statistics' day when a catalogue says just "school year" (Schulstatistik, 15.10.). */
    public static final MonthDay SCHOOL_DAY = MonthDay.of(10, 15);
    public static final Periodicity YEAR = new Periodicity(Kind.YEAR, null);

    private static final String DAY = "(\\d{1,2})\\.(\\d{1,2})\\.?";
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T[0-9:.]+Z?)?");
    private static final Pattern YEAR_ONLY = Pattern.compile("(\\d{4})(?:\\.0+)?");
    private static final Pattern HALF = Pattern.compile("(?:(\\d{4})\\s*[-/ ]?\\s*H([12])|H([12])\\s*[-/ ]?\\s*(\\d{4})"
            + "|([12])\\.?\\s*(?:Hj\\.?|Halbjahr|HJ\\.?)\\s*(\\d{4}))", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("(?:(\\d{4})\\s*[-/ ]?\\s*Q([1-4])|Q([1-4])\\s*[-/ ]?\\s*(\\d{4})"
            + "|([1-4])\\.?\\s*(?:Quartal|Qu\\.?|Q\\.?)\\s*(\\d{4}))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})-(\\d{1,2})|(\\d{1,2})[/.](\\d{4}))");
    private static final Pattern MONTH_NAME = Pattern.compile("([A-Za-zÄäÖöÜü]+)\\.?\\s+(\\d{4})");
    private static final Pattern SCHOOL = Pattern.compile("(?:Schuljahr|SJ)?\\s*(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jan", 1), Map.entry("jänner", 1), Map.entry("februar", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("mär", 3), Map.entry("mrz", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mai", 5), Map.entry("juni", 6), Map.entry("jun", 6), Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("dez", 12));

    /** A text that is no period of this periodicity; the message (German / English) names the forms that are. */
    public static final class NotAPeriod extends IllegalArgumentException {
        public NotAPeriod(String message) {
            super(message);
        }
    }

    /** The stored code (sql/V10's check constraint). */
    public String code() {
        return switch (kind) {
            case YEAR -> "year";
            case HALF_YEAR -> "half_year";
            case QUARTER -> "quarter";
            case MONTH -> "month";
            case YEARLY -> String.format("yearly:%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
            case SCHOOL_YEAR -> String.format("school_year:%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
        };
    }

    /** German name, for messages and the catalogue's description. */
    public String label() {
        return switch (kind) {
            case YEAR -> "jährlich (31.12.)";
            case HALF_YEAR -> "halbjährlich (30.06., 31.12.)";
            case QUARTER -> "vierteljährlich (Quartalsende)";
            case MONTH -> "monatlich (Monatsende)";
            case YEARLY -> String.format("jährlich zum %02d.%02d.", day.getDayOfMonth(), day.getMonthValue());
            case SCHOOL_YEAR -> String.format("Schuljahr (Stichtag %02d.%02d.)", day.getDayOfMonth(), day.getMonthValue());
        };
    }

    /** The forms {@link #stichtag} reads, as examples. */
    public String forms() {
        return switch (kind) {
            case YEAR -> "2015, 31.12.2015, 2015-12-31";
            case HALF_YEAR -> "2015-H1, 1. Hj. 2015, 1. Halbjahr 2015, 30.06.2015, 2015-06-30, 06/2015, 2015-06";
            case QUARTER -> "2015-Q2, Q2 2015, 2. Quartal 2015, 30.06.2015, 2015-06-30, 06/2015, 2015-06";
            case MONTH -> "2015-06, 06/2015, Juni 2015, 30.06.2015, 2015-06-30";
            case YEARLY -> String.format("2023, %02d.%02d.2023, 2023-%02d-%02d", day.getDayOfMonth(), day.getMonthValue(),
                    day.getMonthValue(), day.getDayOfMonth());
            case SCHOOL_YEAR -> "2023/24, 2023/2024, Schuljahr 2023/24";
        };
    }

    /**
     * Reads a periodicity as a catalogue writes it: the stored codes, or German and English words
     * ({@code jahr}, {@code halbjahr}, {@code quartal}, {@code monat}, {@code schuljahr},
     * {@code schuljahr 01.10.}, a fixed date {@code 01.03.}); null or empty is a year.
     */
    public static Periodicity parse(String text) {
        if (text == null || text.isBlank()) {
            return YEAR;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "year", "jahr", "jährlich", "jaehrlich", "annual", "yearly" -> {
                return YEAR;
            }
            case "half_year", "halbjahr", "halbjährlich", "halbjaehrlich", "half-year", "semiannual" -> {
                return new Periodicity(Kind.HALF_YEAR, null);
            }
            case "quarter", "quartal", "vierteljährlich", "quarterly" -> {
                return new Periodicity(Kind.QUARTER, null);
            }
            case "month", "monat", "monatlich", "monthly" -> {
                return new Periodicity(Kind.MONTH, null);
            }
            case "school_year", "schuljahr", "school year" -> {
                return new Periodicity(Kind.SCHOOL_YEAR, SCHOOL_DAY);
            }
            default -> { }
        }
        Matcher m = Pattern.compile("(?:(yearly|school_year):(\\d{2})-(\\d{2}))|(?:(schuljahr|school_year|school year|stichtag|jährlich zum)?\\s*"
                + DAY + ")").matcher(t);
        if (m.matches()) {
            boolean school = m.group(1) != null ? m.group(1).equals("school_year") : m.group(4) != null && m.group(4).startsWith("sch");
            int month = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(6));
            int dayOfMonth = Integer.parseInt(m.group(1) != null ? m.group(3) : m.group(5));
            try {
                MonthDay d = MonthDay.of(month, dayOfMonth);
                if (!d.equals(MonthDay.of(2, 29))) {
                    return new Periodicity(school ? Kind.SCHOOL_YEAR : Kind.YEARLY, d);
                }
            } catch (DateTimeException e) {
                // falls through to the error
            }
        }
        throw new NotAPeriod("Periodizität „" + text + "“ unbekannt; möglich: jahr, halbjahr, quartal, monat, schuljahr, "
                + "schuljahr 01.10., ein fester Stichtag wie 01.03. / unknown periodicity; possible: year, half_year, quarter, "
                + "month, school_year, school_year:10-01, a fixed date such as yearly:03-01");
    }

    /**
     * The Stichtag a text names in this periodicity: the key ({@code 2015-H1}), the Stichtag itself
     * (ISO or German) or any German form listed by {@link #forms()}. A form that names no reporting
     * date of this periodicity (a bare year of half-year data, 15.06.2015 of monthly data) is a
     * {@link NotAPeriod} saying which forms fit.
     */
    public LocalDate stichtag(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        LocalDate d;
        try {
            d = read(t);
        } catch (DateTimeException e) {
            d = null;
        }
        if (d == null || d.getYear() < 1900 || d.getYear() > 2200 || !fits(d)) {
            throw new NotAPeriod("„" + text + "“ ist kein Zeitraum der Periodizität " + label() + "; möglich z. B. " + forms()
                    + " / '" + text + "' is no period of periodicity " + code() + "; e.g. " + forms());
        }
        return d;
    }

    /** Whether a text (a column header of a wide table) names a period of some periodicity. */
    public static boolean looksLikePeriod(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        for (Kind k : Kind.values()) {
            try {
                if (new Periodicity(k, k == Kind.YEARLY || k == Kind.SCHOOL_YEAR ? SCHOOL_DAY : null).read(t) != null) {
                    return true;
                }
            } catch (DateTimeException e) {
                // not this one
            }
        }
        return false;
    }

    /** Whether a date is a reporting date of this periodicity (sql/V10's atlas.period_fits). */
    public boolean fits(LocalDate d) {
        return switch (kind) {
            case YEAR -> d.getMonthValue() == 12 && d.getDayOfMonth() == 31;
            case HALF_YEAR -> (d.getMonthValue() == 6 || d.getMonthValue() == 12) && d.equals(YearMonth.from(d).atEndOfMonth());
            case QUARTER -> d.getMonthValue() % 3 == 0 && d.equals(YearMonth.from(d).atEndOfMonth());
            case MONTH -> d.equals(YearMonth.from(d).atEndOfMonth());
            case YEARLY, SCHOOL_YEAR -> MonthDay.from(d).equals(day);
        };
    }

    private LocalDate read(String t) {
        Matcher m;
        if ((m = GERMAN_DATE.matcher(t)).matches()) {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if ((m = ISO_DATE.matcher(t)).matches()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = YEAR_ONLY.matcher(t)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return switch (kind) {
                case YEAR -> LocalDate.of(y, 12, 31);
                case YEARLY -> day.atYear(y);
                default -> null;   // a year names no single half-year, quarter, month or school year
            };
        }
        if (kind == Kind.HALF_YEAR && (m = HALF.matcher(t)).matches()) {
            int y = Integer.parseInt(first(m, 1, 4, 6));
            int h = Integer.parseInt(first(m, 2, 3, 5));
            return YearMonth.of(y, h * 6).atEndOfMonth();
        }
        if (kind == Kind.QUARTER && (m = QUARTER.matcher(t)).matches()) {
            int y = Integer.parseInt(first(m, 1, 4, 6));
            int q = Integer.parseInt(first(m, 2, 3, 5));
            return YearMonth.of(y, q * 3).atEndOfMonth();
        }
        if (kind == Kind.SCHOOL_YEAR && (m = SCHOOL.matcher(t)).matches()) {
            int start = Integer.parseInt(m.group(1));
            String next = m.group(2);
            int end = next.length() == 2 ? (start / 100) * 100 + Integer.parseInt(next) + ((start % 100) == 99 ? 100 : 0)
                    : Integer.parseInt(next);
            if (end != start + 1) {
                return null;
            }
            // the school year starts in August: a Stichtag before August lies in its second calendar year
            return day.atYear(day.getMonthValue() >= 8 ? start : start + 1);
        }
        if ((m = MONTH.matcher(t)).matches() && kind != Kind.YEAR && kind != Kind.YEARLY && kind != Kind.SCHOOL_YEAR) {
            int y = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int mo = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(3));
            return YearMonth.of(y, mo).atEndOfMonth();
        }
        if (kind == Kind.MONTH && (m = MONTH_NAME.matcher(t)).matches()) {
            Integer mo = MONTHS.get(m.group(1).toLowerCase(Locale.GERMAN));
            return mo == null ? null : YearMonth.of(Integer.parseInt(m.group(2)), mo).atEndOfMonth();
        }
        return null;
    }

    private static String first(Matcher m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException();
    }
}
