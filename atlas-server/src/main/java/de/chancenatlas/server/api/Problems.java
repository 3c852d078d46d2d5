package de.chancenatlas.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** The atlas's problem response: {@code {"status": n, "title": "deutsch / english"}}, one wording per status. */
public final class Problems {
    private Problems() {
    }

    public static Map<String, Object> body(int status, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("title", title);
        return m;
    }

    /** The title for a status when there is nothing more specific to say. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Ungültige Anfrage / bad request";
            case 401 -> "Anmeldung erforderlich / authentication required";
            case 403 -> "Kein Zugriff / forbidden";
            case 404 -> "Nicht gefunden / not found";
            case 405 -> "Methode nicht erlaubt / method not allowed";
            case 406 -> "Format nicht verfügbar / format not available";
            case 413 -> "Anfrage zu groß / request too large";
            case 415 -> "Medientyp nicht unterstützt / unsupported media type";
            default -> status >= 500 ? "Interner Fehler, siehe Server-Protokoll / internal error, see the server log"
                    : "Anfrage abgelehnt / request refused";
        };
    }
}
