package de.chancenatlas.core.imports;

import de.chancenatlas.core.db.Transactions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;

/**
 * Imports unit boundaries into a level from GeoJSON, ESRI Shapefile (zipped) or GeoPackage.
 * GDAL's ogr2ogr reads the format and reprojects to the territory's SRID (it understands .prj files
 * without an EPSG code, such as Köln's UTM 32N with a 2,500,000 m false easting); PostGIS repairs
 * invalid geometries. Units are matched by code: an unchanged unit stays, a changed one gets a new
 * version from {@code validFrom} (the old version is closed), or is corrected in place when
 * {@code validFrom} equals the current version's start. Units missing from the file are left alone.
 */
public final class BoundaryImporter {
    public record Options(String level, String codeField, String nameField, String parentField, Integer codeWidth,
                          LocalDate validFrom, String sourceSrs, String layer) {
        public Options {
            if (validFrom == null) {
                validFrom = LocalDate.of(1900, 1, 1);
            }
        }
    }

    /** The largest boundary file read (the server's upload limit may be lower). */
    public static final long MAX_BYTES = 500L * 1024 * 1024;
    private static final int MAX_FEATURES = 200_000;
    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    public BoundaryImporter(DataSource ds) {
        this.ds = ds;
    }

    private record Feature(int number, String code, String name, String parentCode, String geojson) { }

    public ImportResult importFile(String territoryKey, ImportSource src, Options o, Progress progress) throws SQLException {
        if (src.content().length > MAX_BYTES) {
            throw new ImportRejected(Problem.Kind.TOO_LARGE.at(null, null, null, ValueImporter.human(MAX_BYTES)));
        }
        Problems problems = new Problems();
        return Transactions.inTransaction(ds, c -> {
            int tid = ValueImporter.territoryId(c, territoryKey);
            int srid;
            try (var ps = c.prepareStatement("select srid from atlas.territory where territory_id = ?")) {
                ps.setInt(1, tid);
                var rs = ps.executeQuery();
                rs.next();
                srid = rs.getInt(1);
            }
            Integer[] level = level(c, tid, o.level());
            if (level == null) {
                throw new ImportRejected(Problem.Kind.UNKNOWN_LEVEL.at(null, "level", o.level()));
            }
            progress.report("lesen/read", 0, 1);
            List<Feature> features = read(src, o, srid, problems);
            progress.report("lesen/read", 1, 1);
            problems.throwIfAny();
            String optionsJson = Batches.options(o);
            var same = Batches.sameFile(c, tid, "boundaries", src.sha256(), optionsJson);
            if (same.isPresent()) {
                c.rollback();
                return new ImportResult(same.get(), "boundaries", src.fileName(), src.sha256(), features.size(), 0, features.size(), true, List.of());
            }
            long batch = Batches.create(c, tid, "boundaries", src, features.size(), optionsJson);
            List<Problem> warnings = new ArrayList<>();
            int written = write(c, tid, srid, level[0], level[1], batch, features, o, problems, warnings, progress);
            problems.throwIfAny();
            Batches.finish(c, batch, written, features.size() - written, null);
            return new ImportResult(batch, "boundaries", src.fileName(), src.sha256(), features.size(), written,
                    features.size() - written, written == 0, warnings);
        });
    }

    /** A field of a layer with its type and the values of the first features (to recognise a code or name field). */
    public record Field(String name, String type, List<String> samples) { }

    /** A layer of an uploaded file: its geometry type, feature count, CRS (null when the file names none) and fields. */
    public record Layer(String name, String geometry, long featureCount, String crs, String epsg, List<Field> fields) { }

    /**
     * What an uploaded boundary file holds, read by GDAL's ogrinfo without importing anything: its
     * layers with fields, feature count and CRS, so that level, code and name field can be chosen
     * from the file's own fields.
     */
    public List<Layer> inspect(ImportSource src) {
        if (src.content().length > MAX_BYTES) {
            throw new ImportRejected(Problem.Kind.TOO_LARGE.at(null, null, null, ValueImporter.human(MAX_BYTES)));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("atlas-inspect");
            Path input = materialise(src, dir);
            List<Layer> layers = new ArrayList<>();
            for (Layer l : ogrinfo(run(dir, "ogrinfo", "-ro", "-so", "-al", "-nomd", input.toString()))) {
                layers.add(new Layer(l.name(), l.geometry(), l.featureCount(), l.crs(), l.epsg(), samples(dir, input, l)));
            }
            if (layers.isEmpty()) {
                throw new ImportRejected(Problem.Kind.EMPTY_FILE.at(null, null, null, ""));
            }
            return layers;
        } catch (IOException e) {
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null,
                    e.getMessage() != null && e.getMessage().contains("ogrinfo") ? "ogrinfo (Debian gdal-bin) not installed / nicht installiert" : e.getMessage()));
        } finally {
            deleteTree(dir);
        }
    }

    /** The fields of a layer with up to three sample values each, from its first features. */
    private List<Field> samples(Path dir, Path input, Layer l) throws IOException {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (Field f : l.fields()) {
            values.put(f.name(), new ArrayList<>());
        }
        JsonNode doc = json.readTree(run(dir, "ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "-limit", "3", "-lco", "RFC7946=NO",
                input.toString(), l.name()));
        for (JsonNode f : doc.path("features")) {
            for (var e : values.entrySet()) {
                String v = text(f.path("properties").get(e.getKey()));
                if (!v.isEmpty() && e.getValue().size() < 3) {
                    e.getValue().add(v.length() > 60 ? v.substring(0, 60) + "…" : v);
                }
            }
        }
        return l.fields().stream().map(f -> new Field(f.name(), f.type(), List.copyOf(values.get(f.name())))).toList();
    }

    /** Runs a GDAL tool in {@code dir}; its standard output, or the file's problem when it fails. */
    private static String run(Path dir, String... cmd) throws IOException {
        Path err = dir.resolve("gdal.err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroy();
                String e = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null,
                        e.isEmpty() ? cmd[0] + " failed" : e.lines().filter(x -> !x.isBlank()).findFirst().orElse(e)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, "interrupted"));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("^(.+): (\\w+(?:\\(\\w+\\))?) \\(\\d+\\.\\d+\\)$");

    /** Reads the layers from ogrinfo's summary (-so -al -nomd; GDAL 3.6 has no JSON output yet). */
    static List<Layer> ogrinfo(String text) {
        List<Layer> out = new ArrayList<>();
        String name = null;
        String geometry = null;
        long count = -1;
        String crs = null;
        String epsg = null;
        List<Field> fields = new ArrayList<>();
        boolean wkt = false;
        for (String line : (text + "\nLayer name: \u0000").lines().toList()) {
            if (line.startsWith("Layer name: ")) {
                if (name != null) {
                    out.add(new Layer(name, geometry, count, crs, epsg, List.copyOf(fields)));
                }
                name = line.substring(12).strip();
                geometry = null;
                count = -1;
                crs = null;
                epsg = null;
                fields.clear();
                wkt = false;
            } else if (name == null) {
                continue;
            } else if (wkt && (line.startsWith(" ") || line.startsWith("\t"))) {
                var m = java.util.regex.Pattern.compile("^ {4}ID\\[\"EPSG\",(\\d+)\\]\\]$").matcher(line);
                if (m.matches()) {
                    epsg = "EPSG:" + m.group(1);
                }
            } else if (line.startsWith("Layer SRS WKT:")) {
                wkt = true;
            } else if (wkt && crs == null && !line.isBlank()) {
                var m = java.util.regex.Pattern.compile("^\\w+\\[\"([^\"]*)\"").matcher(line);
                crs = m.find() ? m.group(1) : null;
                if (crs == null) {
                    wkt = false;   // "(unknown)": the file names no CRS
                }
            } else {
                wkt = false;
                if (line.startsWith("Geometry: ")) {
                    geometry = line.substring(10).strip();
                } else if (line.startsWith("Feature Count: ")) {
                    count = Long.parseLong(line.substring(15).strip());
                } else if (!line.contains(" = ") && !line.startsWith("Data axis") && !line.startsWith("Extent:")) {
                    var m = FIELD.matcher(line);
                    if (m.matches()) {
                        fields.add(new Field(m.group(1), m.group(2), List.of()));
                    }
                }
            }
        }
        return out;
    }

    /** {level_id, rank} of the level, or null. */
    private static Integer[] level(Connection c, int tid, String key) throws SQLException {
        try (var ps = c.prepareStatement("select level_id, rank from atlas.unit_level where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            return rs.next() ? new Integer[] {rs.getInt(1), rs.getInt(2)} : null;
        }
    }

    // ---- reading through ogr2ogr ---------------------------------------------------------------

    private List<Feature> read(ImportSource src, Options o, int srid, Problems problems) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("atlas-boundaries");
            Path input = materialise(src, dir);
            List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "-t_srs", "EPSG:" + srid,
                    "-dim", "XY", "-lco", "COORDINATE_PRECISION=3", "-lco", "RFC7946=NO"));
            if (o.sourceSrs() != null && !o.sourceSrs().isBlank()) {
                if (!o.sourceSrs().matches("(?i)EPSG:\\d{4,6}")) {
                    throw new ImportRejected(Problem.Kind.INVALID.at(null, "source_srs", o.sourceSrs(), "EPSG:nnnn"));
                }
                cmd.addAll(List.of("-s_srs", o.sourceSrs()));
            }
            cmd.add(input.toString());
            if (o.layer() != null && !o.layer().isBlank()) {
                cmd.add(o.layer());
            }
            Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("ogr.err").toFile()).start();
            List<Feature> out;
            try (InputStream in = p.getInputStream()) {
                out = parse(in, o, problems);
            }
            if (!problems.isEmpty()) {
                // the parser stopped early (e.g. a missing field); its problem is the one to report
                p.destroy();
                return out;
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String err = Files.readString(dir.resolve("ogr.err"), StandardCharsets.UTF_8).strip();
                throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null,
                        err.isEmpty() ? "ogr2ogr failed" : err.lines().filter(l -> !l.isBlank()).findFirst().orElse(err)));
            }
            if (out.isEmpty() && problems.isEmpty()) {
                problems.add(Problem.Kind.EMPTY_FILE.at(null, null, null, ""));
            }
            return out;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("ogr2ogr")) {
                throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null,
                        "ogr2ogr (Debian gdal-bin) not installed / nicht installiert"));
            }
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, "interrupted"));
        } finally {
            deleteTree(dir);
        }
    }

    /** Writes the upload to disk where ogr2ogr can read it; a zip is unpacked safely. */
    private static Path materialise(ImportSource src, Path dir) throws IOException {
        String ext = src.extension();
        byte[] b = src.content();
        boolean zip = b.length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        if (zip && !ext.equals("gpkg")) {
            Path shp = null;
            Path other = null;
            long total = 0;
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
                ZipEntry e;
                while ((e = z.getNextEntry()) != null) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    String name = Path.of(e.getName()).getFileName().toString();
                    if (name.startsWith(".") || name.contains("..")) {
                        continue;
                    }
                    Path target = dir.resolve(name).normalize();
                    if (!target.startsWith(dir)) {
                        continue;
                    }
                    total += Files.copy(z, target);
                    if (total > MAX_BYTES * 2) {
                        throw new ImportRejected(Problem.Kind.TOO_LARGE.at(null, null, null, ValueImporter.human(MAX_BYTES * 2)));
                    }
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (lower.endsWith(".shp")) {
                        if (shp != null) {
                            throw new ImportRejected(Problem.Kind.INVALID.at(null, null, name,
                                    "mehrere Shapefiles im Archiv, bitte eines je Ebene / several shapefiles in the archive, one per level please"));
                        }
                        shp = target;
                    } else if (lower.endsWith(".gpkg") || lower.endsWith(".geojson") || lower.endsWith(".json")) {
                        other = target;
                    }
                }
            }
            if (shp != null) {
                return shp;
            }
            if (other != null) {
                return other;
            }
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, "kein .shp/.gpkg/.geojson im Archiv / no .shp, .gpkg or .geojson in the archive"));
        }
        String name = switch (ext) {
            case "gpkg" -> "upload.gpkg";
            case "json", "geojson" -> "upload.geojson";
            default -> b.length > 16 && new String(b, 0, 16, StandardCharsets.US_ASCII).startsWith("SQLite format 3") ? "upload.gpkg" : "upload.geojson";
        };
        Path target = dir.resolve(name);
        Files.write(target, b);
        return target;
    }

    private List<Feature> parse(InputStream in, Options o, Problems problems) throws IOException {
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (JsonParser jp = json.getFactory().createParser(in)) {
            // advance to "features": [
            while (jp.nextToken() != null) {
                if (jp.currentToken() == JsonToken.FIELD_NAME && "features".equals(jp.currentName())) {
                    jp.nextToken();
                    break;
                }
            }
            int n = 0;
            while (jp.nextToken() == JsonToken.START_OBJECT) {
                n++;
                if (n > MAX_FEATURES) {
                    throw new ImportRejected(Problem.Kind.TOO_MANY_ROWS.at(null, null, null, String.format(Locale.GERMANY, "%,d", MAX_FEATURES)));
                }
                JsonNode f = json.readTree(jp);
                JsonNode props = f.path("properties");
                if (n == 1) {
                    for (String field : new String[] {o.codeField(), o.nameField(), o.parentField()}) {
                        if (field != null && !props.has(field)) {
                            List<String> have = new ArrayList<>();
                            props.fieldNames().forEachRemaining(have::add);
                            problems.add(Problem.Kind.MISSING_COLUMN.at(null, field, null, field + " (vorhanden/present: " + String.join(", ", have) + ")"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        return out;
                    }
                }
                String code = text(props.get(o.codeField()));
                if (o.codeWidth() != null && code.matches("\\d+") && code.length() < o.codeWidth()) {
                    code = "0".repeat(o.codeWidth() - code.length()) + code;
                }
                String name = o.nameField() == null ? code : text(props.get(o.nameField()));
                String parent = o.parentField() == null ? null : text(props.get(o.parentField()));
                String column = "Objekt/feature " + n;
                if (code.isEmpty() || !code.matches("^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")) {
                    problems.add(Problem.Kind.INVALID.at(n, o.codeField(), code, "Gebietsschlüssel „" + code + "“ / unit code"));
                    continue;
                }
                if (name.isEmpty()) {
                    problems.add(Problem.Kind.MISSING_VALUE.at(n, o.nameField(), "", " (" + code + ")"));
                    continue;
                }
                Integer first = seen.putIfAbsent(code, n);
                if (first != null) {
                    problems.add(Problem.Kind.DUPLICATE_CODE.at(n, o.codeField(), code));
                    continue;
                }
                JsonNode g = f.get("geometry");
                if (g == null || g.isNull()) {
                    problems.add(Problem.Kind.INVALID_GEOMETRY.at(n, column, code, code + ": keine Geometrie / no geometry"));
                    continue;
                }
                out.add(new Feature(n, code, name, parent, g.toString()));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        return n.isNumber() ? n.numberValue().toString().replaceAll("\\.0+$", "") : n.asText().strip();
    }

    // ---- writing -------------------------------------------------------------------------------

    private int write(Connection c, int tid, int srid, int levelId, int rank, long batch, List<Feature> features, Options o,
                      Problems problems, List<Problem> warnings, Progress progress) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("create temp table unit_stage (n integer, code text, name text, parent_code text, geom geometry, "
                    + "repaired text, unit_id bigint, parent_id bigint) on commit drop");
        }
        try (var ps = c.prepareStatement("insert into unit_stage (n, code, name, parent_code, geom) values (?, ?, ?, ?, "
                + "st_setsrid(st_geomfromgeojson(?), " + srid + "))")) {
            int i = 0;
            for (Feature f : features) {
                ps.setInt(1, f.number());
                ps.setString(2, f.code());
                ps.setString(3, f.name());
                ps.setString(4, f.parentCode());
                ps.setString(5, f.geojson());
                ps.addBatch();
                if (++i % 1000 == 0) {
                    ps.executeBatch();
                    progress.report("schreiben/write", i, features.size());
                }
            }
            ps.executeBatch();
        }
        try (var st = c.createStatement()) {
            // repair what can be repaired, keep polygons only, and say so
            st.execute("update unit_stage set repaired = st_isvalidreason(geom), "
                    + "geom = st_multi(st_collectionextract(st_makevalid(geom), 3)) where not st_isvalid(geom)");
            st.execute("update unit_stage set geom = st_multi(geom) where geometrytype(geom) = 'POLYGON'");
            var rs = st.executeQuery("select n, code, repaired, st_isempty(geom) or geometrytype(geom) <> 'MULTIPOLYGON' "
                    + "from unit_stage where repaired is not null or geometrytype(geom) <> 'MULTIPOLYGON' order by n");
            while (rs.next()) {
                if (rs.getBoolean(4)) {
                    problems.add(Problem.Kind.INVALID_GEOMETRY.at(rs.getInt(1), o.codeField(), rs.getString(2),
                            rs.getString(2) + ": " + (rs.getString(3) == null ? "keine Fläche / not a polygon" : rs.getString(3))));
                } else {
                    warnings.add(Problem.Kind.GEOMETRY_REPAIRED.at(rs.getInt(1), o.codeField(), rs.getString(2),
                            rs.getString(2) + " (" + rs.getString(3) + ")"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return 0;
        }
        Date from = Date.valueOf(o.validFrom());
        Integer parentLevel = null;
        try (var ps = c.prepareStatement("select level_id from atlas.unit_level where territory_id = ? and geometry_kind = 'polygon' "
                + "and rank < ? order by rank desc limit 1")) {
            ps.setInt(1, tid);
            ps.setInt(2, rank);
            var rs = ps.executeQuery();
            if (rs.next()) {
                parentLevel = rs.getInt(1);
            }
        }
        if (parentLevel != null) {
            String match = o.parentField() != null
                    ? "p.code = s.parent_code"
                    : "st_intersects(p.geom, s.geom)";
            // by code when the file names the parent, else the parent unit covering most of the child's area
            try (var ps = c.prepareStatement("update unit_stage s set parent_id = (select p.unit_id from atlas.spatial_unit p "
                    + "where p.level_id = ? and p.validity @> ?::date and " + match
                    + " order by st_area(st_intersection(p.geom, s.geom)) desc limit 1)")) {
                ps.setInt(1, parentLevel);
                ps.setDate(2, from);
                ps.executeUpdate();
            }
            try (var st = c.createStatement()) {
                var rs = st.executeQuery("select n, coalesce(parent_code, code) from unit_stage where parent_id is null order by n");
                while (rs.next()) {
                    if (o.parentField() != null) {
                        problems.add(Problem.Kind.UNKNOWN_PARENT.at(rs.getInt(1), o.parentField(), rs.getString(2)));
                    } else {
                        // no unit of the level above overlaps it: imported, but it will not aggregate upwards
                        warnings.add(Problem.Kind.NO_PARENT.at(rs.getInt(1), o.codeField(), rs.getString(2)));
                    }
                }
            }
        }
        // the version of each code that is valid on validFrom, if any
        try (var ps = c.prepareStatement("update unit_stage s set unit_id = u.unit_id from atlas.spatial_unit u "
                + "where u.level_id = ? and u.code = s.code and u.validity @> ?::date")) {
            ps.setInt(1, levelId);
            ps.setDate(2, from);
            ps.executeUpdate();
        }
        // a new version must not start before the current one, and must not orphan later values
        try (var ps = c.prepareStatement("select s.n, s.code, u.valid_from, (select max(v.stichtag) from atlas.indicator_value v "
                + "where v.unit_id = u.unit_id and v.stichtag >= ?::date) from unit_stage s "
                + "join atlas.spatial_unit u on u.unit_id = s.unit_id where u.valid_from <> ?::date "
                + "and (u.name, u.parent_id, true) is distinct from (s.name, s.parent_id, st_equals(u.geom, s.geom))")) {
            ps.setDate(1, from);
            ps.setDate(2, from);
            var rs = ps.executeQuery();
            while (rs.next()) {
                java.sql.Date later = rs.getDate(4);
                if (later != null) {
                    String next = later.toLocalDate().plusDays(1).toString();
                    problems.add(Problem.Kind.INVALID.at(rs.getInt(1), o.codeField(), rs.getString(2),
                            "Gebiet " + rs.getString(2) + " hat bis " + later + " Werte auf der alten Gebietsfassung; eine neue Fassung ist erst ab "
                                    + next + " möglich / unit has values up to " + later + " on its old version; a new version can start "
                                    + next + " at the earliest"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return 0;
        }
        String differs = "(u.name, u.parent_id, true) is distinct from (s.name, s.parent_id, st_equals(u.geom, s.geom))";
        int written;
        try (var st = c.createStatement()) {
            st.execute("alter table unit_stage add column new_version boolean not null default false");
        }
        // same start date: a correction of the current version, in place
        try (var ps = c.prepareStatement("update atlas.spatial_unit u set name = s.name, parent_id = s.parent_id, geom = s.geom, "
                + "batch_id = ? from unit_stage s where u.unit_id = s.unit_id and u.valid_from = ?::date and " + differs)) {
            ps.setLong(1, batch);
            ps.setDate(2, from);
            written = ps.executeUpdate();
        }
        // later start date: close the old version, then add the new one
        try (var ps = c.prepareStatement("update unit_stage s set new_version = true from atlas.spatial_unit u "
                + "where u.unit_id = s.unit_id and u.valid_from <> ?::date and " + differs)) {
            ps.setDate(1, from);
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("update atlas.spatial_unit u set valid_to = ?::date from unit_stage s "
                + "where u.unit_id = s.unit_id and s.new_version")) {
            ps.setDate(1, from);
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("insert into atlas.spatial_unit (territory_id, level_id, code, name, parent_id, valid_from, valid_to, geom, batch_id) "
                + "select ?, ?, s.code, s.name, s.parent_id, ?::date, "
                + "(select min(n.valid_from) from atlas.spatial_unit n where n.level_id = ? and n.code = s.code and n.valid_from > ?::date), "
                + "s.geom, ? from unit_stage s where s.unit_id is null or s.new_version order by s.n")) {
            int k = 1;
            ps.setInt(k++, tid);
            ps.setInt(k++, levelId);
            ps.setDate(k++, from);
            ps.setInt(k++, levelId);
            ps.setDate(k++, from);
            ps.setLong(k, batch);
            written += ps.executeUpdate();
        }
        try (var st = c.createStatement()) {
            // fresh statistics for the planner: the value checks and the layer queries join units by key
            st.execute("analyze atlas.spatial_unit");
        }
        progress.report("schreiben/write", features.size(), features.size());
        return written;
    }

    /**
     * Creates one unit on {@code level} as the union of all units of {@code fromLevel} valid on
     * {@code validFrom} (or, when it exists, gives it that union as its geometry), and makes it their
     * parent: the territory total of a city built from its districts, or a Kreis from its Gemeinden.
     */
    public void dissolve(String territoryKey, String fromLevel, String level, String code, String name, LocalDate validFrom, String actor)
            throws SQLException {
        Transactions.inTransaction(ds, c -> {
            int tid = ValueImporter.territoryId(c, territoryKey);
            Integer[] from = level(c, tid, fromLevel);
            Integer[] to = level(c, tid, level);
            if (from == null || to == null) {
                throw new ImportRejected(Problem.Kind.UNKNOWN_LEVEL.at(null, "level", from == null ? fromLevel : level));
            }
            long unitId;
            String union = "(select st_multi(st_collectionextract(st_makevalid(st_union(geom)), 3)) from atlas.spatial_unit "
                    + "where level_id = ? and validity @> ?::date)";
            try (var ps = c.prepareStatement("update atlas.spatial_unit set name = ?, geom = " + union
                    + " where level_id = ? and code = ? and validity @> ?::date returning unit_id")) {
                ps.setString(1, name);
                ps.setInt(2, from[0]);
                ps.setDate(3, Date.valueOf(validFrom));
                ps.setInt(4, to[0]);
                ps.setString(5, code);
                ps.setDate(6, Date.valueOf(validFrom));
                var rs = ps.executeQuery();
                unitId = rs.next() ? rs.getLong(1) : -1;
            }
            if (unitId < 0) {
                try (var ps = c.prepareStatement("insert into atlas.spatial_unit (territory_id, level_id, code, name, valid_from, geom) "
                        + "values (?, ?, ?, ?, ?::date, " + union + ") returning unit_id")) {
                    ps.setInt(1, tid);
                    ps.setInt(2, to[0]);
                    ps.setString(3, code);
                    ps.setString(4, name);
                    ps.setDate(5, Date.valueOf(validFrom));
                    ps.setInt(6, from[0]);
                    ps.setDate(7, Date.valueOf(validFrom));
                    var rs = ps.executeQuery();
                    rs.next();
                    unitId = rs.getLong(1);
                }
            }
            try (var ps = c.prepareStatement("update atlas.spatial_unit set parent_id = ? where level_id = ? and validity @> ?::date")) {
                ps.setLong(1, unitId);
                ps.setInt(2, from[0]);
                ps.setDate(3, Date.valueOf(validFrom));
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("insert into atlas.audit_log (territory_id, action, actor, details) values (?, 'dissolve_units', ?, "
                    + "jsonb_build_object('from_level', ?::text, 'level', ?::text, 'code', ?::text))")) {
                ps.setInt(1, tid);
                ps.setString(2, actor);
                ps.setString(3, fromLevel);
                ps.setString(4, level);
                ps.setString(5, code);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
