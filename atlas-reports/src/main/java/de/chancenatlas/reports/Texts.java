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

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }
}
