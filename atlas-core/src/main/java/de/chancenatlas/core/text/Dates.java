package de.chancenatlas.core.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as users type them: ISO (2024-01-01) or German (1.1.2024, 01.01.2024). */
public final class Dates {
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu");

    private Dates() {
    }

    /** The date, or null for an empty text; {@link IllegalArgumentException} for anything else. */
    public static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return s.strip().matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}") ? LocalDate.parse(s.strip(), GERMAN) : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Datum „" + s + "“ (JJJJ-MM-TT oder TT.MM.JJJJ) / date (YYYY-MM-DD or DD.MM.YYYY)");
        }
    }
}
