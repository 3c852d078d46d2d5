package de.chancenatlas.core.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A territory's settings as its administrators edit them in the console: the publisher's name and
 * colour in reports ({@code settings.report}), the population indicator of disclosure control, the
 * minimum number of published indicators (KECK), and the disclosure rules. Every field is checked
 * first, each refusal named by its field; then all is written in one transaction, or nothing.
 */
public final class TerritorySettings {
    /** The keys a change may carry; anything else is refused (a typo must not pass silently). */
    static final Set<String> KEYS = Set.of("report_name", "colour", "population_indicator", "min_published", "disclosure");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource ds;

    public TerritorySettings(DataSource ds) {
        this.ds = ds;
    }

    /** What the settings screen shows: the fields above, the report block as stored, the uploaded logo's facts. */
    public Map<String, Object> read(String territory, Logos logos) throws SQLException {
        Map<String, Object> settings;
        String name;
        int published;
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select t.name, t.settings::text, p.published from atlas.territory t "
                     + "join atlas.v_territory_publication p using (territory_id) where t.key = ?")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Gebiet „" + territory + "“ gibt es nicht / no such territory");
            }
            name = rs.getString(1);
            settings = parse(rs.getString(2));
            published = rs.getInt(3);
        }
        Map<String, Object> report = section(settings, "report");
        Map<String, Object> disclosure = section(settings, "disclosure");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("territory", territory);
        out.put("name", name);
        out.put("report_name", report.get("name"));
        out.put("colour", report.get("colour"));
        out.put("population_indicator", disclosure.get("population_indicator"));
        Object min = section(settings, "publication").get("min_published");
        out.put("min_published", min == null ? 10 : min);
        out.put("published", published);
        out.put("disclosure", disclosure);
        out.put("report", report);
        out.put("logo", logos.find(territory).map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("media_type", l.mediaType());
            m.put("bytes", l.content().length);
            m.put("file_name", l.fileName());
            m.put("uploaded_at", l.uploadedAt());
            m.put("uploaded_by", l.uploadedBy());
            m.put("url", "/api/v1/territories/" + territory + "/logo?v=" + l.version());
            return m;
        }).orElse(null));
        return out;
    }

    /**
     * Applies a change: a field that is present is set (an empty text removes the setting, so the
     * default applies again), a missing field stays as it is.
     */
    @SuppressWarnings("unchecked")
    public void save(String territory, Map<String, Object> change, String actor) throws SQLException {
        FieldErrors errors = new FieldErrors();
        Map<String, Object> body = change == null ? Map.of() : change;
        for (String k : body.keySet()) {
            if (!KEYS.contains(k)) {
                errors.add(k, "Unbekannte Einstellung „" + k + "“ / unknown setting");
            }
        }
        String reportName = text(errors, body, "report_name", 120);
        String colour = text(errors, body, "colour", 7);
        if (colour != null && !colour.isEmpty() && !colour.matches("#[0-9a-fA-F]{6}")) {
            errors.add("colour", "Farbe als #RRGGBB, z. B. #1f4e79 / colour as #RRGGBB");
        }
        String population = text(errors, body, "population_indicator", 60);
        Integer minPublished = null;
        if (body.containsKey("min_published")) {
            Object v = body.get("min_published");
            if (v instanceof Integer n && n >= 1 && n <= 1000) {
                minPublished = n;
            } else if (v instanceof String s && s.strip().matches("\\d{1,4}") && Integer.parseInt(s.strip()) >= 1
                    && Integer.parseInt(s.strip()) <= 1000) {
                minPublished = Integer.parseInt(s.strip());
            } else {
                errors.add("min_published", "Eine ganze Zahl von 1 bis 1000 / a whole number from 1 to 1000");
            }
        }
        Map<String, Object> disclosure = null;
        if (body.containsKey("disclosure")) {
            if (!(body.get("disclosure") instanceof Map<?, ?> d)) {
                errors.add("disclosure", "Erwartet ein Objekt / expected an object");
            } else {
                try {
                    disclosure = Publication.checkDisclosure(new LinkedHashMap<>((Map<String, Object>) d), true);
                } catch (AccessProblem e) {
                    errors.add("disclosure", e.getMessage());
                }
            }
        }
        Map<String, Object> newDisclosure = disclosure;
        Integer min = minPublished;
        Transactions.inTransaction(ds, c -> {
            int tid;
            Map<String, Object> settings;
            try (var ps = c.prepareStatement("select territory_id, settings::text from atlas.territory where key = ? for update")) {
                ps.setString(1, territory);
                var rs = ps.executeQuery();
                if (!rs.next()) {
                    throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Gebiet „" + territory + "“ gibt es nicht / no such territory");
                }
                tid = rs.getInt(1);
                settings = parse(rs.getString(2));
            }
            Object declaredPopulation = newDisclosure != null ? newDisclosure.get("population_indicator") : null;
            String checkPopulation = population != null ? population : declaredPopulation instanceof String s ? s : null;
            if (checkPopulation != null && !checkPopulation.isEmpty()) {
                String problem = de.chancenatlas.core.access.Publication.populationIndicatorProblem(c, tid, checkPopulation);
                if (problem != null) {
                    errors.add(population != null ? "population_indicator" : "disclosure", problem);
                }
            }
            errors.throwIfAny();
            Map<String, Object> report = new LinkedHashMap<>(section(settings, "report"));
            put(report, "name", reportName);
            put(report, "colour", colour == null ? null : colour.isEmpty() ? "" : colour.toLowerCase());
            Map<String, Object> disc = new LinkedHashMap<>(newDisclosure != null ? newDisclosure : section(settings, "disclosure"));
            if (newDisclosure != null && !newDisclosure.containsKey("population_indicator")
                    && section(settings, "disclosure").get("population_indicator") != null) {
                // a disclosure form without the population indicator keeps it (it is set here, beside)
                disc.put("population_indicator", section(settings, "disclosure").get("population_indicator"));
            }
            put(disc, "population_indicator", population);
            Map<String, Object> publication = new LinkedHashMap<>(section(settings, "publication"));
            if (min != null) {
                publication.put("min_published", min);
            }
            Map<String, Object> next = new LinkedHashMap<>(settings);
            replace(next, "report", report);
            replace(next, "disclosure", disc);
            replace(next, "publication", publication);
            try (var ps = c.prepareStatement("update atlas.territory set settings = ?::jsonb where territory_id = ?")) {
                ps.setString(1, JSON.writeValueAsString(next));
                ps.setInt(2, tid);
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            Map<String, Object> details = new LinkedHashMap<>(body);
            // "settings" refreshes the public views (disclosure, KECK); the look of reports needs no refresh
            boolean data = newDisclosure != null || population != null || min != null;
            Accounts.audit(c, tid, data ? "settings" : "report_settings", actor, details);
            return null;
        });
    }

    private static String text(FieldErrors errors, Map<String, Object> body, String key, int max) {
        if (!body.containsKey(key)) {
            return null;
        }
        Object v = body.get(key);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            errors.add(key, "Erwartet einen Text / expected a text");
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            errors.add(key, "Höchstens " + max + " Zeichen / at most " + max + " characters");
        } else if (t.chars().anyMatch(Character::isISOControl)) {
            errors.add(key, "Steuerzeichen sind nicht erlaubt / control characters are not allowed");
        }
        return t;
    }

    /** Sets a key, or removes it when the value is empty; null leaves it. */
    private static void put(Map<String, Object> m, String key, String value) {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    private static void replace(Map<String, Object> settings, String key, Map<String, Object> section) {
        if (section.isEmpty()) {
            settings.remove(key);
        } else {
            settings.put(key, section);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> settings, String key) {
        return settings.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return json == null ? new LinkedHashMap<>() : JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
