package de.chancenatlas.core.text;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How numbers are written in a file. German (Excel with ';'): decimal comma, '.' groups thousands
 * ("1.234,5"). Plain (CSV with ','): decimal point, no grouping ("1234.5"). Spreadsheet cells that
 * hold text accept either form when it is unambiguous.
 */
public enum NumberDialect {
    GERMAN, PLAIN, SPREADSHEET;

    private static final Pattern GERMAN_FORM = Pattern.compile("[-+]?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");
    private static final Pattern PLAIN_FORM = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The number written in {@code s}, or null when it is not one in this dialect. */
    public BigDecimal parse(String s) {
        if (!s.isEmpty() && isPlainInteger(s)) {   // the common case: no cleaning, no regular expression
            return s.length() < 18 ? BigDecimal.valueOf(Long.parseLong(s)) : new BigDecimal(s);
        }
        String t = s.strip();
        if (t.indexOf('\u2212') >= 0 || t.indexOf('\u00a0') >= 0 || t.indexOf('\u202f') >= 0) {
            t = t.replace('\u2212', '-').replace("\u00a0", "").replace("\u202f", "");   // typographic minus, protected spaces
        }
        if (t.isEmpty()) {
            return null;
        }
        if (isPlainInteger(t)) {
            return t.length() < 18 ? BigDecimal.valueOf(Long.parseLong(t)) : new BigDecimal(t);
        }
        return switch (this) {
            case GERMAN -> german(t);
            case PLAIN -> plain(t);
            case SPREADSHEET -> t.indexOf(',') >= 0 ? german(t) : plain(t);
        };
    }

    private static boolean isPlainInteger(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length()) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal german(String t) {
        if (!GERMAN_FORM.matcher(t).matches()) {
            return null;
        }
        return new BigDecimal(t.replace(".", "").replace(',', '.'));
    }

    private static BigDecimal plain(String t) {
        if (!PLAIN_FORM.matcher(t).matches()) {
            return null;
        }
        return new BigDecimal(t);
    }
}
