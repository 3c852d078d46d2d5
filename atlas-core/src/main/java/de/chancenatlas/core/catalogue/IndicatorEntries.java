package de.chancenatlas.core.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.admin.FieldErrors;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One indicator's catalogue entry for the admin console: read in full with the field names of the
 * catalogue file, and changed through {@link CatalogueImporter#updateIndicator} so that the
 * importer's checks are the only rules. A refused entry answers {@link FieldErrors} per field.
 */
public final class IndicatorEntries {
    /** The catalogue fields of an indicator (docs/catalogue.md), in the order the file documents them. */
    public static final List<String> FIELDS = List.of("key", "theme", "title", "short_title", "definition", "interpretation", "formula",
            "numerator_label", "denominator_label", "unit_label", "scale_factor", "decimals", "polarity", "kind", "aggregation",
            "weight_indicator", "periodicity", "numerator_may_exceed_denominator", "numerator_may_be_negative", "source", "update_cycle",
            "department", "visibility", "counts_public", "disclosure", "classification");

    /**
     * What only a territory's administrators change: what the values mean and how they add up (a
     * changed kind or scale would misread stored values), who is responsible (theme and department
     * decide the editors' rights), and what the public sees (publication, disclosure). Department
     * editors keep the texts, the presentation (decimals, polarity) and the classification of
     * their indicators current.
     */
    public static final Set<String> ADMIN_ONLY = Set.of("theme", "kind", "aggregation", "weight_indicator", "scale_factor", "periodicity",
            "numerator_may_exceed_denominator", "numerator_may_be_negative", "department", "visibility", "counts_public", "disclosure");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DataSource ds;
    private final CatalogueImporter importer;

    public IndicatorEntries(DataSource ds, CatalogueImporter importer) {
        this.ds = ds;
        this.importer = importer;
    }

    /** The stored entry with every field of {@link #FIELDS} (null where empty), or empty for an unknown indicator. */
    public Optional<Map<String, Object>> entry(String territory, String key) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select i.*, th.key as theme_key, i.disclosure::text as disclosure_json, "
                     + "i.classification::text as classification_json from atlas.indicator i join atlas.territory t using (territory_id) "
                     + "join atlas.theme th using (theme_id) where t.key = ? and i.key = ?")) {
            ps.setString(1, territory);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : FIELDS) {
                m.put(f, switch (f) {
                    case "theme" -> rs.getString("theme_key");
                    case "scale_factor" -> plain(rs.getBigDecimal(f));
                    case "decimals" -> rs.getInt(f);
                    case "numerator_may_exceed_denominator", "numerator_may_be_negative", "counts_public" -> rs.getBoolean(f);
                    case "disclosure", "classification" -> readMap(rs.getString(f + "_json"));
                    default -> rs.getString(f);
                });
            }
            return Optional.of(m);
        }
    }

    /** The theme keys and titles of a territory, in their order (the choices of the theme field). */
    public List<Map<String, String>> themes(String territory) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select th.key, th.title from atlas.theme th join atlas.territory t using (territory_id) "
                     + "where t.key = ? order by th.sort_order, th.key")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.add(Map.of("key", rs.getString(1), "title", rs.getString(2)));
            }
        }
        return out;
    }

    /**
     * Changes the entry: the fields in {@code body} (catalogue field names) replace the stored ones, a
     * field given as null or "" is emptied (the catalogue's default applies), a field left out keeps its
     * value (so a form that does not show the disclosure overrides cannot overwrite them). The result is
     * checked as a whole by the importer. {@code admin} false: a different value in a field of
     * {@link #ADMIN_ONLY} is refused.
     * @return the importer's result; {@code unchanged} when the entry was the same
     */
    public ImportResult update(String territory, String key, Map<String, Object> body, boolean admin, String actor) throws SQLException {
        Map<String, Object> current = entry(territory, key)
                .orElseThrow(() -> new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Indikator „" + key + "“ gibt es nicht / no such indicator"));
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            throw errors.add("", "Keine Angaben / no entry given");
        }
        Map<String, Object> merged = new LinkedHashMap<>(current);
        for (var e : body.entrySet()) {
            Object v = e.getValue() instanceof String s && s.isBlank() ? null : e.getValue();
            if (!FIELDS.contains(e.getKey())) {
                errors.add(e.getKey(), "Unbekanntes Feld „" + e.getKey() + "“ / unknown field");
            } else if ("key".equals(e.getKey()) && v != null && !key.equals(v)) {
                errors.add("key", "Der Schlüssel eines Indikators ist fest (Wertedateien nennen ihn) / an indicator's key is fixed");
            } else if (!admin && ADMIN_ONLY.contains(e.getKey()) && !same(v, current.get(e.getKey()))) {
                errors.add(e.getKey(), "Nur Administratoren des Gebiets ändern dieses Feld / only the territory's administrators change this field");
            } else {
                merged.put(e.getKey(), v);
            }
        }
        errors.throwIfAny();
        merged.put("key", key);
        CatalogueFile.Indicator indicator;
        try {
            indicator = JSON.convertValue(merged, CatalogueFile.Indicator.class);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty() && m.getPath().get(0).getFieldName() != null
                    ? m.getPath().get(0).getFieldName() : "";
            throw errors.add(field, "Falscher Datentyp (Zahl, Text, ja/nein oder Zuordnung erwartet) / wrong type");
        }
        try {
            byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("indicators", List.of(merged)));
            return importer.updateIndicator(territory, indicator, new ImportSource("verwaltung-" + key + ".json", content, actor));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ImportRejected r) {
            throw fieldErrors(r);
        }
    }

    /** The importer's problems as form errors: "indicators[0].decimals" is the field "decimals". */
    static FieldErrors fieldErrors(ImportRejected r) {
        FieldErrors errors = new FieldErrors();
        for (Problem p : r.problems()) {
            String column = p.column() == null ? "" : p.column().replaceFirst("^indicators\\[0]\\.?", "");
            int dot = column.indexOf('.');
            String field = dot > 0 ? column.substring(0, dot) : column;   // disclosure.threshold -> disclosure
            String message = p.kind() == Problem.Kind.MISSING_COLUMN ? "Pflichtfeld: bitte ausfüllen / required field"
                    : p.de().equals(p.en()) || p.de().contains(" / ") ? p.de() : p.de() + " / " + p.en();
            errors.add(field, message);
        }
        return errors;
    }

    /** The same value for a form: numbers by value, an empty map like none. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> m && m.isEmpty()) {
            a = null;
        }
        if (b instanceof Map<?, ?> m && m.isEmpty()) {
            b = null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    /** 100, not 1E+2 or 100.000: the form shows what the file would say. */
    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
