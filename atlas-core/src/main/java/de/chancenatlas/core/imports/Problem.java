package de.chancenatlas.core.imports;

/**
 * One thing wrong with an input: where (line, column), what (the offending value) and why, in German
 * and English. Line numbers count physical lines of the file, the header being line 1.
 */
public record Problem(Integer line, String column, String value, Kind kind, String de, String en) {

    /** The kinds of problems, each with its German and English message template. */
    public enum Kind {
        UNKNOWN_UNIT("Unbekannter Gebietsschlüssel „%s“", "Unknown unit code '%s'"),
        UNKNOWN_UNIT_ZEROS("Unbekannter Gebietsschlüssel „%s“ – führende Nullen verloren? Gemeint ist wohl „%s“",
                "Unknown unit code '%s' - leading zeros lost? Probably '%s' is meant"),
        AMBIGUOUS_UNIT("Gebietsschlüssel „%s“ ist auf mehreren Ebenen vergeben; Ebene angeben", "Unit code '%s' exists on several levels; give the level"),
        UNKNOWN_INDICATOR("Unbekannter Indikator „%s“", "Unknown indicator '%s'"),
        NOT_PERMITTED("Keine Schreibrechte für den Indikator „%s“ (nur die Indikatoren des eigenen Fachbereichs)",
                "No write permission for indicator '%s' (only the indicators of one's own department)"),
        UNKNOWN_LEVEL("Unbekannte Gebietsebene „%s“", "Unknown unit level '%s'"),
        BAD_NUMBER("„%s“ ist keine Zahl", "'%s' is not a number"),
        BAD_PERIOD("„%s“ ist kein Zeitraum der Periodizität %s des Indikators „%s“; möglich z. B. %s",
                "'%s' is no period of indicator '%3$s' (periodicity %2$s); e.g. %4$s"),
        BAD_STATUS("Unbekannter Status „%s“ (erlaubt: ok, vorläufig, geschätzt, keine Angabe/x, geheim/.)", "Unknown status '%s' (allowed: ok, provisional, estimated, no_data/x, secret/.)"),
        PERIOD_OUTSIDE_VALIDITY("Gebiet „%s“ ist am Stichtag %s nicht gültig", "Unit '%s' is not valid on its Stichtag %s"),
        NUMERATOR_EXCEEDS_DENOMINATOR("Zähler %s ist größer als der Nenner", "Numerator %s exceeds the denominator"),
        NEGATIVE("Negativer Wert %s ist hier nicht möglich", "Negative value %s is impossible here"),
        ZERO_DENOMINATOR("Nenner %s: eine Quote über null ist nicht definiert", "Denominator %s: a rate over zero is undefined"),
        COUNTS_INCOMPLETE("Zähler und Nenner nur gemeinsam angeben (%s)", "Give numerator and denominator together (%s)"),
        VALUE_MISMATCH("Wert %s passt nicht zu Zähler/Nenner", "Value %s does not match numerator/denominator"),
        COUNTS_NOT_FOR_INDICATOR("Indikator „%s“ ist keine Quote: Zähler/Nenner nicht möglich", "Indicator '%s' is not a ratio: numerator/denominator not allowed"),
        MISSING_VALUE("Kein Wert angegeben%s", "No value given%s"),
        DUPLICATE_ROW("Doppelte Zeile: derselbe Wert steht schon in Zeile %s", "Duplicate row: the same value was given in line %s"),
        MISSING_COLUMN("Spalte „%s“ fehlt", "Column '%s' is missing"),
        UNKNOWN_COLUMN("Unbekannte Spalte „%s“", "Unknown column '%s'"),
        EMPTY_FILE("Die Datei enthält keine Datenzeilen%s", "The file holds no data rows%s"),
        TOO_MANY_ROWS("Zu viele Zeilen: höchstens %s erlaubt", "Too many rows: at most %s allowed"),
        TOO_LARGE("Datei zu groß: höchstens %s erlaubt", "File too large: at most %s allowed"),
        WRONG_COLUMN_COUNT("Zeile hat %s Felder, mehr als die Kopfzeile Spalten", "Row has %s fields, more than the header has columns"),
        UNREADABLE("Datei nicht lesbar: %s", "File not readable: %s"),
        INVALID("Ungültig: %s", "Invalid: %s"),
        INVALID_GEOMETRY("Geometrie ungültig und nicht reparierbar: %s", "Geometry invalid and not repairable: %s"),
        GEOMETRY_REPAIRED("Geometrie war ungültig und wurde repariert: %s", "Geometry was invalid and has been repaired: %s"),
        DUPLICATE_CODE("Gebietsschlüssel „%s“ kommt mehrfach vor", "Unit code '%s' occurs more than once"),
        UNKNOWN_PARENT("Übergeordnetes Gebiet „%s“ nicht gefunden", "Parent unit '%s' not found"),
        NO_PARENT("Gebiet „%s“ liegt in keinem Gebiet der übergeordneten Ebene und wird nicht nach oben zusammengefasst",
                "Unit '%s' lies in no unit of the level above and will not be aggregated upwards"),
        UNKNOWN_TERRITORY("Unbekanntes Gebiet (Mandant) „%s“", "Unknown territory '%s'"),
        TERRITORY_MISMATCH("Die Datei beschreibt das Gebiet „%s“, nicht „%s“", "The file describes territory '%s', not '%s'"),
        CONFLICT("Widerspricht den gespeicherten Daten: %s", "Conflicts with the stored data: %s"),
        BATCH_NOT_FOUND("Lieferung %s gibt es in diesem Gebiet nicht", "No batch %s in this territory"),
        BATCH_ALREADY_REVERTED("Lieferung %s ist bereits zurückgenommen", "Batch %s is already reverted"),
        BATCH_NOT_REVERTIBLE("Nur Wertelieferungen können zurückgenommen werden, nicht „%s“", "Only value batches can be reverted, not '%s'"),
        EMPTY_FIELD("Feld „%s“ ist leer", "Field '%s' is empty"),
        DUPLICATE_FACILITY("Kennung „%s“ kommt mehrfach vor (zuerst in Zeile %s)", "Code '%s' occurs more than once (first in line %s)"),
        UNKNOWN_FACILITY_TYPE("Unbekannte Einrichtungsart „%s“ (%s)", "Unknown facility type '%s' (%s)"),
        FACILITY_OUTSIDE("Einrichtung „%s“ liegt in keinem Gebiet", "Facility '%s' lies in no unit"),
        BAD_COORDINATE("„%s“ ist keine Koordinate (%s)", "'%s' is not a coordinate (%s)"),
        SUM_MISMATCH("%1$s von „%3$s“ (%4$s) im Zeitraum %5$s: geliefert %6$s, Summe der %7$d untergeordneten Gebiete %8$s, Differenz %9$s",
                "%2$s of '%3$s' (%4$s) in %5$s: delivered %6$s, sum of its %7$d sub-units %8$s, difference %9$s"),
        BATCH_REPLACED_LATER("Werte dieser Lieferung wurden von Lieferung %s ersetzt; diese zuerst zurücknehmen",
                "Values of this batch were replaced by batch %s; revert that one first");

        private final String de;
        private final String en;

        Kind(String de, String en) {
            this.de = de;
            this.en = en;
        }

        public Problem at(Integer line, String column, String value) {
            return at(line, column, value, value == null ? "" : value);
        }

        /** A problem whose message shows {@code details} rather than the offending value. */
        public Problem at(Integer line, String column, String value, Object... details) {
            return new Problem(line, column, value, this, String.format(de, details), String.format(en, details));
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (line != null) {
            b.append("Zeile/line ").append(line);
        }
        if (column != null) {
            b.append(b.isEmpty() ? "" : ", ").append("Spalte/column ").append(column);
        }
        if (!b.isEmpty()) {
            b.append(": ");
        }
        return b.append(de).append(" / ").append(en).toString();
    }
}
