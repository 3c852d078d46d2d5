package de.chancenatlas.core.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.chancenatlas.core.catalogue.CatalogueImporter;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A new territory from the console (global administrators): key, name, kind, CRS and its levels,
 * each level naming its parent (none for the territory as a whole). Checked field by field, then
 * written as a catalogue file through the catalogue importer, so it is a batch like any catalogue
 * import and the same rules hold; boundaries, catalogue and values follow in "Daten importieren".
 */
public final class NewTerritory {
    static final Set<String> KINDS = Set.of("kreis", "kreisfreie_stadt", "gemeinde", "land", "bund", "region");
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Level(String key, String name, String name_plural, String parent) { }

    public record Request(String key, String name, String kind, String ags, Object srid, List<Level> levels) { }

    private final DataSource ds;

    public NewTerritory(DataSource ds) {
        this.ds = ds;
    }

    /** Creates the territory; answers the catalogue batch. Refusals name their field (key, srid, levels[1].parent, …). */
    public ImportResult create(Request r, String actor) throws SQLException {
        FieldErrors e = new FieldErrors();
        String key = r.key() == null ? "" : r.key().strip();
        if (key.isEmpty()) {
            e.add("key", "Bitte einen Schlüssel angeben / a key is required");
        } else if (!key.matches("[a-z][a-z0-9_-]{1,39}")) {
            e.add("key", "Schlüssel: 2–40 Zeichen a–z, 0–9, _ und -, beginnend mit einem Buchstaben / key: a-z, 0-9, _ and -");
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            e.add("name", "Bitte einen Namen angeben / a name is required");
        } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            e.add("name", "Höchstens 200 Zeichen, keine Steuerzeichen / at most 200 characters");
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            e.add("kind", "Art: Kreis, kreisfreie Stadt, Gemeinde, Land, Bund oder Region / kind: one of " + KINDS);
        }
        String ags = r.ags() == null || r.ags().isBlank() ? null : r.ags().strip();
        if (ags != null && !ags.matches("[0-9]{2,12}")) {
            e.add("ags", "AGS/ARS: 2–12 Ziffern (als Text, mit führenden Nullen) / AGS/ARS: 2-12 digits");
        }
        Integer srid = srid(r.srid());
        try (Connection c = ds.getConnection()) {
            if (srid == null) {
                e.add("srid", "Koordinatensystem als EPSG-Code, z. B. 25832 oder EPSG:25833 / CRS as an EPSG code");
            } else if (!projected(c, srid)) {
                e.add("srid", "EPSG:" + srid + " ist kein projiziertes Koordinatensystem in Metern (z. B. 25832, 25833, 31467) "
                        + "/ is not a projected CRS in metres");
            }
            if (e.errors().stream().noneMatch(x -> x.field().equals("key")) && exists(c, key)) {
                e.add("key", "Ein Gebiet „" + key + "“ gibt es schon / a territory with this key exists");
            }
        }
        List<Map<String, Object>> levels = levels(e, r.levels());
        e.throwIfAny();
        Map<String, Object> territory = new LinkedHashMap<>();
        territory.put("key", key);
        territory.put("name", name);
        territory.put("kind", r.kind());
        if (ags != null) {
            territory.put("ags", ags);
        }
        territory.put("srid", srid);
        byte[] file;
        try {
            file = JSON.writeValueAsBytes(Map.of("territory", territory, "levels", levels));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
        try {
            ImportResult result = new CatalogueImporter(ds).importFile(null, new ImportSource("neues-gebiet-" + key + ".json", file, actor));
            de.chancenatlas.core.db.Transactions.inTransaction(ds, c -> {
                de.chancenatlas.core.access.Accounts.audit(c, de.chancenatlas.core.access.Accounts.territoryId(c, key), "create_territory", actor,
                        Map.of("territory", key, "srid", srid, "levels", levels.stream().map(l -> l.get("key")).toList(),
                                "batch_id", result.batchId()));
                return null;
            });
            return result;
        } catch (ImportRejected x) {
            // checked above; what the importer still finds is shown beside the nearest field
            FieldErrors late = new FieldErrors();
            for (Problem p : x.problems()) {
                String col = p.column() == null ? "key" : p.column().replace("territory.", "");
                late.add(col, p.de() + " / " + p.en());
            }
            throw late;
        }
    }

    /** The levels in their chain (root first), with ranks from the parent links; errors name levels[i].field. */
    static List<Map<String, Object>> levels(FieldErrors e, List<Level> in) {
        if (in == null || in.isEmpty()) {
            e.add("levels", "Mindestens eine Ebene (das Gebiet als Ganzes) / at least one level");
            return List.of();
        }
        if (in.size() > 20) {
            e.add("levels", "Höchstens 20 Ebenen / at most 20 levels");
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < in.size(); i++) {
            Level l = in.get(i);
            String at = "levels[" + i + "].";
            String k = l == null || l.key() == null ? "" : l.key().strip();
            if (!k.matches("[a-z][a-z0-9_]{0,39}")) {
                e.add(at + "key", "Schlüssel: a–z, 0–9 und _, beginnend mit einem Buchstaben / key: a-z, 0-9, _");
                ok = false;
            } else if (index.putIfAbsent(k, i) != null) {
                e.add(at + "key", "Schlüssel „" + k + "“ doppelt / duplicate key");
                ok = false;
            }
            if (l == null || l.name() == null || l.name().isBlank() || l.name().length() > 100) {
                e.add(at + "name", "Bitte einen Namen angeben (höchstens 100 Zeichen) / a name is required");
                ok = false;
            }
        }
        if (!ok) {
            return List.of();
        }
        // one chain: one level without parent, every other below exactly one, none with two children
        int root = -1;
        Map<String, Integer> childOf = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            String parent = in.get(i).parent() == null ? "" : in.get(i).parent().strip();
            String at = "levels[" + i + "].parent";
            if (parent.isEmpty()) {
                if (root >= 0) {
                    e.add(at, "Nur eine Ebene hat keine übergeordnete (das Gebiet als Ganzes) / only one level has no parent");
                    ok = false;
                }
                root = i;
            } else if (!index.containsKey(parent) || parent.equals(in.get(i).key().strip())) {
                e.add(at, "Übergeordnete Ebene „" + parent + "“ gibt es hier nicht / no such parent level");
                ok = false;
            } else if (childOf.putIfAbsent(parent, i) != null) {
                e.add(at, "Die Ebenen bilden eine Kette: „" + parent + "“ hat schon eine untergeordnete Ebene / levels form one chain");
                ok = false;
            }
        }
        if (ok && root < 0) {
            e.add("levels", "Eine Ebene braucht keine übergeordnete: das Gebiet als Ganzes / one level must have no parent");
            ok = false;
        }
        if (!ok) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Integer i = root; i != null && seen.add(i); i = childOf.get(in.get(i).key().strip())) {
            Level l = in.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", l.key().strip());
            m.put("name", l.name().strip());
            if (l.name_plural() != null && !l.name_plural().isBlank()) {
                m.put("name_plural", l.name_plural().strip());
            }
            m.put("rank", out.size());
            out.add(m);
        }
        if (out.size() != in.size()) {
            e.add("levels", "Die Ebenen bilden keine Kette vom Gebiet bis zur feinsten Ebene (ein Kreis?) / the levels do not form one chain");
        }
        return out;
    }

    private static Integer srid(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof String s && s.strip().toUpperCase().matches("(EPSG:)?\\d{4,6}")) {
            return Integer.parseInt(s.strip().toUpperCase().replace("EPSG:", ""));
        }
        return null;
    }

    private static boolean projected(Connection c, int srid) throws SQLException {
        try (var ps = c.prepareStatement("select atlas.projected_srid(?)")) {
            ps.setInt(1, srid);
            var rs = ps.executeQuery();
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean exists(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("select 1 from atlas.territory where key = ?")) {
            ps.setString(1, key);
            return ps.executeQuery().next();
        }
    }
}
