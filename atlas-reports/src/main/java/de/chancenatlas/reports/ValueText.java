package de.chancenatlas.reports;

import de.chancenatlas.core.read.AtlasReader;
import de.chancenatlas.core.text.GermanFormat;
import java.math.BigDecimal;

/**
 * How values read in reports: as the read path formats them ({@code formatted}, made by the SQL
 * function atlas.display_value, so a value reads as in WFS and the API): the German number, "–"
 * for a withheld value, "x" for none (the signs of official statistics).
 */
final class ValueText {
    static final String WITHHELD = "–";
    static final String NONE = "x";

    private ValueText() {
    }

    static String of(AtlasReader.Value v) {
        return v == null ? NONE : v.formatted();
    }

    static boolean withheld(AtlasReader.Value v) {
        return v != null && WITHHELD.equals(v.formatted());
    }

    /** A count (numerator, denominator) with as many decimals as it has, "" when not shown. */
    static String count(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return GermanFormat.format(v, Math.max(0, s.scale()));
    }

    /** A signed difference with the indicator's decimals: "+1,2", "−0,4", "0,0". */
    static String difference(BigDecimal d, int decimals) {
        return de.chancenatlas.core.read.Figures.difference(d, decimals);
    }

    /** Markup for JasperReports' "styled" text: only the three characters it reads as tags. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
