package de.chancenatlas.core.imports;

import de.chancenatlas.core.catalogue.FacilityType;
import de.chancenatlas.core.db.Transactions;
import de.chancenatlas.core.text.Table;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Facilities (schools, Kitas, youth centres, ...) from a table: CSV in any accepted dialect, or
 * XLSX. One row per facility with its code, name, type and position, either {@code x}/{@code y} in
 * the territory's coordinate system or {@code lon}/{@code lat} in WGS 84. A row replaces the
 * current record of its code; codes not in the file stay. Each facility is assigned the finest
 * unit that contains it (a facility outside every unit is imported with a warning). Every problem is
 * named with its line, and nothing is written while any remains.
 */
public final class FacilityImporter {
    /** A facility file is small: a Land has some tens of thousands of schools and Kitas. */
    public static final ValueImporter.Limits LIMITS = new ValueImporter.Limits(50L * 1024 * 1024, 200_000);

    /** Column names as German and English files write them, by canonical name. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "code", List.of("code", "kennung", "id", "nr", "nummer"),
            "name", List.of("name", "bezeichnung"),
            "typ", List.of("typ", "art", "type", "facility_type", "einrichtungsart"),
            "x", List.of("x", "rechtswert", "easting", "ost"),
            "y", List.of("y", "hochwert", "northing", "nord"),
            "lon", List.of("lon", "lng", "longitude", "laenge", "länge"),
            "lat", List.of("lat", "latitude", "breite"));

    private final DataSource ds;

    public FacilityImporter(DataSource ds) {
        this.ds = ds;
    }

    private record Facility(int line, String code, String name, String type, double a, double b) { }

    public ImportResult importFile(String territoryKey, ImportSource src) throws SQLException {
        Table table = ValueImporter.table(src, LIMITS);
        Map<String, Integer> col = columns(table);
        Problems problems = new Problems();
        boolean geographic = col.containsKey("lon") && col.containsKey("lat");
        for (String needed : List.of("code", "name", "typ")) {
            if (!col.containsKey(needed)) {
                problems.add(Problem.Kind.MISSING_COLUMN.at(null, null, null, needed));
            }
        }
        if (!geographic && !(col.containsKey("x") && col.containsKey("y"))) {
            problems.add(Problem.Kind.MISSING_COLUMN.at(null, null, null, "x/y (Rechtswert/Hochwert) oder/or lon/lat"));
        }
        problems.throwIfAny();
        List<Facility> facilities = check(table, col, geographic, problems);
        problems.throwIfAny();
        return Transactions.inTransaction(ds, c -> {
            int territoryId = ValueImporter.territoryId(c, territoryKey);
            var same = Batches.sameFile(c, territoryId, "facilities", src.sha256(), "{}");
            if (same.isPresent()) {
                c.rollback();
                return new ImportResult(same.get(), "facilities", src.fileName(), src.sha256(), facilities.size(), 0, facilities.size(), true,
                        List.of());
            }
            long batch = Batches.create(c, territoryId, "facilities", src, facilities.size(), "{}");
            String point = geographic ? "st_transform(st_setsrid(st_makepoint(?, ?), 4326), t.srid)" : "st_setsrid(st_makepoint(?, ?), t.srid)";
            int written = 0;
            try (var ps = c.prepareStatement("insert into atlas.facility (territory_id, code, name, facility_type, geom, batch_id) "
                    + "select t.territory_id, ?, ?, ?, " + point + ", ? from atlas.territory t where t.territory_id = ? "
                    + "on conflict (territory_id, code, valid_from) do update set name = excluded.name, facility_type = excluded.facility_type, "
                    + "geom = excluded.geom, batch_id = excluded.batch_id where (facility.name, facility.facility_type, facility.geom) "
                    + "is distinct from (excluded.name, excluded.facility_type, excluded.geom)")) {
                for (Facility f : facilities) {
                    ps.setString(1, f.code());
                    ps.setString(2, f.name());
                    ps.setString(3, f.type());
                    ps.setDouble(4, f.a());
                    ps.setDouble(5, f.b());
                    ps.setLong(6, batch);
                    ps.setInt(7, territoryId);
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    written += n;   // 0 where the row equalled the stored record
                }
            } catch (SQLException e) {
                RuntimeException readable = Batches.integrity(e);
                if (readable != null) {
                    throw readable;
                }
                throw e;
            }
            // the finest unit (highest rank) that holds the facility now
            try (var ps = c.prepareStatement("update atlas.facility f set unit_id = (select u.unit_id from atlas.spatial_unit u "
                    + "join atlas.unit_level l using (level_id) where u.territory_id = f.territory_id and l.geometry_kind = 'polygon' "
                    + "and u.valid_to is null and u.srid = f.srid and st_intersects(u.geom, f.geom) order by l.rank desc limit 1) where f.batch_id = ?")) {
                ps.setLong(1, batch);
                ps.executeUpdate();
            }
            List<Problem> warnings = new ArrayList<>();
            try (var ps = c.prepareStatement("select code from atlas.facility where batch_id = ? and unit_id is null order by code")) {
                ps.setLong(1, batch);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    warnings.add(Problem.Kind.FACILITY_OUTSIDE.at(null, "code", rs.getString(1)));
                }
            }
            Batches.finish(c, batch, written, facilities.size() - written, "{\"format\": \"" + table.description().replace("\"", "'") + "\"}");
            return new ImportResult(batch, "facilities", src.fileName(), src.sha256(), facilities.size(), written,
                    facilities.size() - written, written == 0, warnings);
        });
    }

    private static Map<String, Integer> columns(Table t) {
        Map<String, Integer> out = new HashMap<>();
        for (var e : COLUMNS.entrySet()) {
            for (String name : e.getValue()) {
                int i = t.column(name);
                if (i >= 0) {
                    out.put(e.getKey(), i);
                    break;
                }
            }
        }
        return out;
    }

    private static List<Facility> check(Table t, Map<String, Integer> col, boolean geographic, Problems p) {
        List<Facility> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Row r : t.rows()) {
            String code = r.cell(col.get("code")).strip();
            String name = r.cell(col.get("name")).strip();
            String rawType = r.cell(col.get("typ")).strip();
            String type = FacilityType.named(rawType).map(FacilityType::key).orElse(null);
            if (code.isEmpty()) {
                p.add(Problem.Kind.EMPTY_FIELD.at(r.line(), "code", "", "code"));
            } else if (seen.containsKey(code)) {
                p.add(Problem.Kind.DUPLICATE_FACILITY.at(r.line(), "code", code, code, seen.get(code)));
            } else {
                seen.put(code, r.line());
            }
            if (name.isEmpty()) {
                p.add(Problem.Kind.EMPTY_FIELD.at(r.line(), "name", "", "name"));
            }
            if (type == null) {
                p.add(Problem.Kind.UNKNOWN_FACILITY_TYPE.at(r.line(), "typ", rawType, rawType,
                        String.join(", ", java.util.Arrays.stream(FacilityType.values()).map(FacilityType::key).toList())));
            }
            Double a = coordinate(r, col.get(geographic ? "lon" : "x"), geographic ? "lon" : "x", geographic ? 180 : Double.MAX_VALUE, t, p);
            Double b = coordinate(r, col.get(geographic ? "lat" : "y"), geographic ? "lat" : "y", geographic ? 90 : Double.MAX_VALUE, t, p);
            if (!code.isEmpty() && !name.isEmpty() && type != null && a != null && b != null) {
                out.add(new Facility(r.line(), code, name, type, a, b));
            }
        }
        return out;
    }

    private static Double coordinate(Table.Row r, int index, String column, double limit, Table t, Problems p) {
        String raw = r.cell(index).strip();
        try {
            BigDecimal d = t.dialect().parse(raw);
            if (d != null && Math.abs(d.doubleValue()) <= limit) {
                return d.doubleValue();
            }
        } catch (RuntimeException e) {
            // reported below
        }
        p.add(Problem.Kind.BAD_COORDINATE.at(r.line(), column, raw, raw, limit == Double.MAX_VALUE ? column : column + " ±" + (int) limit));
        return null;
    }
}
