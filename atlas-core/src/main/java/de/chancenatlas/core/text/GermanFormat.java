package de.chancenatlas.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as German readers expect them: "1.234,5", rounded half up to the indicator's decimals.
 * Values in every output are formatted in SQL by {@code atlas.format_de}; this Java twin serves
 * what never passes through the database (legend class bounds), and a test holds both to the same
 * output.
 */
public final class GermanFormat {
    private GermanFormat() {
    }

    public static String format(BigDecimal v, int decimals) {
        if (v == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.GERMANY));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** Without grouping, for CSV cells that spreadsheets read as numbers: "1234,5". */
    public static String plainCell(BigDecimal v, int decimals) {
        return v == null ? "" : v.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
