package de.chancenatlas.core.read;

/**
 * Why a level of an indicator has no values, in words: the reasons sql/V10's
 * atlas.v_level_coverage gives, as the read API says them and publishing warns with them.
 */
public final class NoValues {
    private NoValues() {
    }

    /**
     * @param reason    the reason code of the view
     * @param dataLevel the finest level holding stored values (may be null)
     * @param weight    the weight indicator of a weighted mean (may be null)
     * @return German and English text
     */
    public static String[] text(String reason, String dataLevel, String weight) {
        String at = dataLevel == null ? "" : " „" + dataLevel + "“";
        String atEn = dataLevel == null ? "" : " '" + dataLevel + "'";
        return switch (reason) {
            case "no_values" -> new String[] {"Für diesen Indikator sind noch keine Werte importiert.",
                "No values have been imported for this indicator yet."};
            case "finer_than_data" -> new String[] {"Werte liegen nur bis zur Ebene" + at + " vor; feinere Ebenen werden nicht geschätzt.",
                "Values exist down to level" + atEn + " only; finer levels are not estimated."};
            case "not_aggregated" -> new String[] {"Der Indikator wird laut Katalog nicht zusammengefasst (aggregation: none); Werte liegen für"
                    + at + " vor.", "The catalogue says this indicator does not aggregate (aggregation: none); values exist for" + atEn + "."};
            case "no_counts" -> new String[] {"Die Quote wurde ohne Zähler und Nenner geliefert und lässt sich daher nicht aus"
                    + at + " zusammenfassen; im Katalog aggregation: weighted_mean mit weight_indicator angeben.",
                "The rate was delivered without numerator and denominator and cannot be aggregated from" + atEn
                    + "; declare aggregation: weighted_mean with a weight_indicator in the catalogue."};
            case "no_weights" -> new String[] {"Das Gewicht „" + weight + "“ hat keine Werte auf der Ebene" + at
                    + ", daher kein gewichtetes Mittel.", "The weight '" + weight + "' has no values on level" + atEn + ", so no weighted mean."};
            case "not_published" -> new String[] {"Der Indikator ist auf dieser Ebene nicht veröffentlicht.",
                "The indicator is not published on this level."};
            default -> new String[] {reason, reason};
        };
    }
}
