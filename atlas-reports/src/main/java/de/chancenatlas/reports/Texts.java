package de.chancenatlas.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The report texts in one language (German by default, English available), the same bundle the templates read with $R{}. */
final class Texts {
    final Locale locale;
    final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("de.chancenatlas.reports.texts", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Texts DE = new Texts(Locale.GERMANY);
    private static final Texts EN = new Texts(Locale.ENGLISH);

    /** "de" (default) or "en"; anything else is a bad request. */
    static Texts of(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("de")) {
            return DE;
        }
        if (lang.equalsIgnoreCase("en")) {
            return EN;
        }
        throw new ReportProblem.BadRequest("Sprache „" + lang + "“ nicht verfügbar (de, en) / language not available");
    }

    String language() {
        return locale.getLanguage();
    }

    /**
     * A period as this language names it: the German label from the database (sql/V10), or in English
     * from the period's key (2015-H1 → "H1 2015", 2015-06 → "June 2015", 2023/24 → "School year 2023/24").
     */
    String period(de.chancenatlas.core.read.AtlasReader.Period p) {
        if (p == null) {
            return "";
        }
        if (!"en".equals(language())) {
            return p.periodLabel();
        }
        String k = p.period();
        java.time.LocalDate d = java.time.LocalDate.parse(p.stichtag());
        if (k.matches("\\d{4}-H[12]") || k.matches("\\d{4}-Q[1-4]")) {
            return k.substring(5) + " " + k.substring(0, 4);
        }
        if (k.matches("\\d{4}-\\d{2}")) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH));
        }
        if (k.matches("\\d{4}/\\d{2}")) {
            return "School year " + k;
        }
        if (k.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        }
        return k;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }
}
