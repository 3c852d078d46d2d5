package de.chancenatlas.core.imports;

import de.chancenatlas.core.admin.FieldErrors;
import de.chancenatlas.core.db.Transactions;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * New unit levels, for a boundary file whose level does not exist yet. A polygon level is added
 * directly below its parent level (or as the top level); levels form one chain, so a level cannot be
 * put between two existing ones (their units' parent links would skip it).
 */
public final class Levels {
    private final DataSource ds;

    public Levels(DataSource ds) {
        this.ds = ds;
    }

    /** @param parent the key of the level above, or null/blank for the territory's top level */
    public Map<String, Object> create(String territoryKey, String key, String name, String namePlural, String parent, String actor)
            throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            int tid = ValueImporter.territoryId(c, territoryKey);
            try (var st = c.createStatement()) {
                st.execute("select pg_advisory_xact_lock(7412, " + tid + ")");   // two new levels at once would take the same rank
            }
            FieldErrors errors = new FieldErrors();
            String k = key == null ? "" : key.strip();
            if (!k.matches("^[a-z][a-z0-9_]{0,39}$")) {
                errors.add("key", "Schlüssel: Kleinbuchstaben, Ziffern und _, mit einem Buchstaben beginnend, höchstens 40 Zeichen"
                        + " / key: lower-case letters, digits and _, starting with a letter, at most 40 characters");
            }
            String n = name == null ? "" : name.strip();
            if (n.isEmpty() || n.length() > 200) {
                errors.add("name", "Name angeben (höchstens 200 Zeichen) / give a name (at most 200 characters)");
            }
            String plural = namePlural == null || namePlural.isBlank() ? null : namePlural.strip();
            if (plural != null && plural.length() > 200) {
                errors.add("name_plural", "höchstens 200 Zeichen / at most 200 characters");
            }
            try (var ps = c.prepareStatement("select 1 from atlas.unit_level where territory_id = ? and key = ?")) {
                ps.setInt(1, tid);
                ps.setString(2, k);
                if (ps.executeQuery().next()) {
                    errors.add("key", "Die Ebene „" + k + "“ gibt es schon / level '" + k + "' exists already");
                }
            }
            int rank = 0;
            if (parent != null && !parent.isBlank()) {
                try (var ps = c.prepareStatement("select rank from atlas.unit_level where territory_id = ? and key = ? and geometry_kind = 'polygon'")) {
                    ps.setInt(1, tid);
                    ps.setString(2, parent.strip());
                    var rs = ps.executeQuery();
                    if (rs.next()) {
                        rank = rs.getInt(1) + 1;
                    } else {
                        errors.add("parent", "Unbekannte Gebietsebene „" + parent + "“ / unknown level '" + parent + "'");
                    }
                }
            }
            try (var ps = c.prepareStatement("select name from atlas.unit_level where territory_id = ? and rank = ? and geometry_kind = 'polygon'")) {
                ps.setInt(1, tid);
                ps.setInt(2, rank);
                var rs = ps.executeQuery();
                if (rs.next()) {
                    errors.add("parent", (rank == 0 ? "Oberste Ebene ist schon „" + rs.getString(1) + "“; übergeordnete Ebene wählen"
                            : "Direkt darunter liegt schon die Ebene „" + rs.getString(1) + "“; eine Ebene kann nur unter der untersten angelegt werden")
                            + (rank == 0 ? " / the top level is '" + rs.getString(1) + "' already; choose the level above"
                            : " / level '" + rs.getString(1) + "' lies directly below already; a new level goes below the lowest one"));
                }
            }
            if (rank > 20) {
                errors.add("parent", "Höchstens 21 Ebenen / at most 21 levels");
            }
            errors.throwIfAny();
            try (var ps = c.prepareStatement("insert into atlas.unit_level (territory_id, key, name, name_plural, rank) values (?, ?, ?, ?, ?)")) {
                ps.setInt(1, tid);
                ps.setString(2, k);
                ps.setString(3, n);
                ps.setString(4, plural);
                ps.setInt(5, rank);
                ps.executeUpdate();
            }
            de.chancenatlas.core.access.Accounts.audit(c, tid, "create_level", actor, Map.of("level", k, "rank", rank));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("key", k);
            out.put("name", n);
            out.put("name_plural", plural);
            out.put("rank", rank);
            out.put("parent", parent == null || parent.isBlank() ? null : parent.strip());
            return out;
        });
    }
}
