package de.chancenatlas.core.catalogue;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.Transactions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.chancenatlas.core.imports.Batches;
import de.chancenatlas.core.imports.ImportRejected;
import de.chancenatlas.core.imports.ImportResult;
import de.chancenatlas.core.imports.ImportSource;
import de.chancenatlas.core.imports.Problem;
import de.chancenatlas.core.imports.Problems;
import de.chancenatlas.core.text.Periodicity;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Imports a catalogue file: creates or updates the territory, its levels, themes and indicators
 * (matched by key; nothing is deleted by omission). The whole file is validated first and written
 * in one transaction as one batch.
 */
public final class CatalogueImporter {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<String> POLARITIES = Set.of("higher_is_better", "higher_is_worse", "neutral");
    private static final Set<String> KINDS = Set.of("ratio", "count", "value");
    private static final Set<String> AGGREGATIONS = Set.of("ratio_of_sums", "sum", "none", "weighted_mean");
    private static final Set<String> TERRITORY_KINDS = Set.of("kreis", "kreisfreie_stadt", "gemeinde", "land", "bund", "region");

    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    public CatalogueImporter(DataSource ds) {
        this.ds = ds;
    }

    /** Parses the file; YAML is a superset of JSON, so one parser reads both. */
    public static CatalogueFile parse(byte[] content) {
        try {
            CatalogueFile f = YAML.readValue(content, CatalogueFile.class);
            if (f == null) {
                throw new ImportRejected(Problem.Kind.EMPTY_FILE.at(null, null, null, ""));
            }
            return f;
        } catch (UnrecognizedPropertyException e) {
            // a readable path such as indicators[3].polarityy, not Jackson's class names
            StringBuilder path = new StringBuilder();
            for (var ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            throw new ImportRejected(Problem.Kind.UNKNOWN_COLUMN.at(e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    path.toString(), e.getPropertyName()));
        } catch (JsonProcessingException e) {
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    null, null, e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ImportRejected(Problem.Kind.UNREADABLE.at(null, null, null, e.getMessage()));
        }
    }

    /**
     * @param territoryKey the territory to write into; may be null when the file defines the territory
     */
    public ImportResult importFile(String territoryKey, ImportSource src) throws SQLException {
        return write(territoryKey, parse(src.content()), src, false);
    }

    /**
     * One indicator's entry as the admin console edits it: checked and written exactly like a catalogue
     * file with this one indicator (one batch, so the edit is in the history and the maps' data
     * generation moves), keeping the indicator's place in its theme. Unchanged: nothing is written.
     */
    public ImportResult updateIndicator(String territoryKey, CatalogueFile.Indicator indicator, ImportSource src) throws SQLException {
        return write(territoryKey, new CatalogueFile(null, null, null, List.of(indicator), null), src, true);
    }

    private ImportResult write(String territoryKey, CatalogueFile f, ImportSource src, boolean edit) throws SQLException {
        if (territoryKey != null && f.territory() != null && !territoryKey.equals(f.territory().key())) {
            throw new ImportRejected(Problem.Kind.TERRITORY_MISMATCH.at(null, "territory.key", f.territory().key(),
                    f.territory().key(), territoryKey));
        }
        String key = territoryKey != null ? territoryKey : f.territory() != null ? f.territory().key() : null;
        return Transactions.inTransaction(ds, c -> {
            Integer tid = territoryId(c, key);
            Set<String> knownThemes = tid == null ? new HashSet<>() : keys(c, "theme", tid);
            validate(c, f, key, tid, knownThemes, tid == null ? Map.of() : indicatorKinds(c, tid));
            if (tid != null) {
                periodicityKeepsValues(c, tid, f);
            }
            int territoryChanged = 0;
            if (f.territory() != null) {
                int[] t = upsertTerritory(c, f.territory());
                tid = t[0];
                territoryChanged = t[1];
            }
            var same = tid == null || edit ? java.util.Optional.<Long>empty() : Batches.sameFile(c, tid, "catalogue", src.sha256(), "{}");
            if (same.isPresent()) {
                c.rollback();
                int n = count(f);
                return new ImportResult(same.get(), "catalogue", src.fileName(), src.sha256(), n, 0, n, true, List.of());
            }
            int n = count(f);
            long batch = Batches.create(c, tid, "catalogue", src, n, "{}");
            int written = territoryChanged;
            if (f.levels() != null) {
                for (var l : f.levels()) {
                    written += upsertLevel(c, tid, l);
                }
            }
            if (f.themes() != null) {
                for (var t : f.themes()) {
                    written += upsertTheme(c, tid, t);
                }
            }
            if (f.indicators() != null) {
                int order = 0;
                String territory = key != null ? key : f.territory().key();
                for (var i : f.indicators()) {
                    String before = visibility(c, tid, i.key());
                    ++order;
                    written += upsertIndicator(c, tid, i, batch, edit ? sortOrder(c, tid, i.key(), order) : order);
                    // the file's visibility is the administrator's publication decision, applied when it changes:
                    // public = published on every level; levels are withdrawn one by one through the admin API
                    String after = i.visibility() != null ? i.visibility() : "internal";
                    if (!after.equals(before) && "public".equals(after)) {
                        Publication.publish(c, territory, i.key(), null, src.actor());
                    } else if (!after.equals(before) && before != null) {
                        Publication.withdraw(c, territory, i.key(), null, src.actor());
                    }
                }
            }
            if (f.relations() != null) {
                written += replaceRelations(c, tid, f.relations());
            }
            if (edit && written == 0) {
                c.rollback();   // an edit that changes nothing leaves no batch behind
                return new ImportResult(0, "catalogue", src.fileName(), src.sha256(), n, 0, n, true, List.of());
            }
            Batches.finish(c, batch, written, n - written, null);
            return new ImportResult(batch, "catalogue", src.fileName(), src.sha256(), n, written, n - written, written == 0, List.of());
        });
    }

    private static int count(CatalogueFile f) {
        return (f.territory() == null ? 0 : 1) + size(f.levels()) + size(f.themes()) + size(f.indicators()) + size(f.relations());
    }

    private static int size(List<?> l) {
        return l == null ? 0 : l.size();
    }

    private void validate(Connection c, CatalogueFile f, String key, Integer tid, Set<String> knownThemes,
                          Map<String, String> knownKinds) throws SQLException {
        Problems p = new Problems();
        Map<String, String[]> weights = new java.util.LinkedHashMap<>();
        if (key == null) {
            p.add(Problem.Kind.MISSING_COLUMN.at(null, "territory.key", null, "territory.key"));
        } else if (tid == null && f.territory() == null) {
            p.add(Problem.Kind.UNKNOWN_TERRITORY.at(null, "territory", key));
        }
        var t = f.territory();
        if (t != null) {
            require(p, "territory.key", t.key());
            require(p, "territory.name", t.name());
            if (t.key() != null && !t.key().matches("^[a-z][a-z0-9_-]{1,39}$")) {
                p.add(Problem.Kind.INVALID.at(null, "territory.key", t.key(), "Schlüssel „" + t.key() + "“: a-z, 0-9, _ und - / key: a-z, 0-9, _ and -"));
            }
            oneOf(p, "territory.kind", t.kind(), TERRITORY_KINDS, true);
            if (t.srid() == null) {
                p.add(Problem.Kind.MISSING_COLUMN.at(null, "territory.srid", null, "territory.srid"));
            } else if (!projected(c, t.srid())) {
                p.add(Problem.Kind.INVALID.at(null, "territory.srid", t.srid().toString(), "EPSG:" + t.srid()
                        + " ist kein projiziertes Koordinatensystem in Metern (z. B. 25832, 25833, 31467) / is not a projected CRS in metres"));
            }
            if (t.ags() != null && !t.ags().matches("^[0-9]{2,12}$")) {
                p.add(Problem.Kind.INVALID.at(null, "territory.ags", t.ags(), "AGS/ARS „" + t.ags() + "“"));
            }
            if (t.settings() != null && t.settings().get("disclosure") instanceof Map<?, ?> d) {
                @SuppressWarnings("unchecked")
                Map<String, Object> dm = (Map<String, Object>) d;
                disclosure(p, "territory.settings.disclosure", dm, true);
            }
            if (t.settings() != null && t.settings().get("publication") instanceof Map<?, ?> pub
                    && pub.get("min_published") != null && !(pub.get("min_published") instanceof Integer n && n >= 1)) {
                p.add(Problem.Kind.INVALID.at(null, "territory.settings.publication.min_published", String.valueOf(pub.get("min_published")),
                        "eine ganze Zahl ab 1 / a whole number from 1"));
            }
        }
        Set<String> seen = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        if (f.levels() != null) {
            for (int i = 0; i < f.levels().size(); i++) {
                var l = f.levels().get(i);
                String at = "levels[" + i + "]";
                require(p, at + ".key", l.key());
                require(p, at + ".name", l.name());
                if (l.key() != null && !l.key().matches("^[a-z][a-z0-9_]{0,39}$")) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".key", l.key(), "Schlüssel „" + l.key() + "“: a-z, 0-9, _"));
                }
                oneOf(p, at + ".geometry_kind", l.geometryKind(), Set.of("polygon", "point"), false);
                if (l.rank() == null || l.rank() < 0 || l.rank() > 20) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".rank", String.valueOf(l.rank()), "Rang 0–20 / rank 0-20"));
                } else if (!"point".equals(l.geometryKind()) && !ranks.add(l.rank())) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".rank", String.valueOf(l.rank()), "Rang doppelt / duplicate rank"));
                }
                if (l.key() != null && !seen.add("level:" + l.key())) {
                    p.add(Problem.Kind.DUPLICATE_CODE.at(null, at + ".key", l.key()));
                }
            }
        }
        Set<String> themes = new HashSet<>(knownThemes);
        if (f.themes() != null) {
            for (int i = 0; i < f.themes().size(); i++) {
                var th = f.themes().get(i);
                String at = "themes[" + i + "]";
                require(p, at + ".key", th.key());
                require(p, at + ".title", th.title());
                if (th.key() != null && !th.key().matches("^[a-z][a-z0-9_]{0,39}$")) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".key", th.key(), "Schlüssel „" + th.key() + "“: a-z, 0-9, _"));
                }
                if (th.key() != null && !seen.add("theme:" + th.key())) {
                    p.add(Problem.Kind.DUPLICATE_CODE.at(null, at + ".key", th.key()));
                }
                themes.add(th.key());
            }
        }
        if (f.indicators() != null) {
            for (int i = 0; i < f.indicators().size(); i++) {
                var ind = f.indicators().get(i);
                String at = "indicators[" + i + "]";
                require(p, at + ".key", ind.key());
                if (ind.key() != null && !ind.key().matches("^[a-z][a-z0-9_]{0,59}$")) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".key", ind.key(), "Schlüssel „" + ind.key() + "“: a-z, 0-9, _ / key: a-z, 0-9, _"));
                }
                if (ind.key() != null && !seen.add("indicator:" + ind.key())) {
                    p.add(Problem.Kind.DUPLICATE_CODE.at(null, at + ".key", ind.key()));
                }
                require(p, at + ".title", ind.title());
                require(p, at + ".definition", ind.definition());
                require(p, at + ".unit_label", ind.unitLabel());
                require(p, at + ".source", ind.source());
                if (ind.theme() == null || !themes.contains(ind.theme())) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".theme", ind.theme(), "unbekanntes Thema „" + ind.theme() + "“ / unknown theme"));
                }
                oneOf(p, at + ".polarity", ind.polarity(), POLARITIES, false);
                oneOf(p, at + ".kind", ind.kind(), KINDS, true);
                oneOf(p, at + ".aggregation", ind.aggregation(), AGGREGATIONS, false);
                oneOf(p, at + ".visibility", ind.visibility(), Set.of("internal", "public"), false);
                disclosure(p, at + ".disclosure", ind.disclosure(), false);
                String kind = ind.kind();
                String agg = ind.aggregation() != null ? ind.aggregation() : defaultAggregation(kind);
                if ("ratio".equals(kind)) {
                    require(p, at + ".numerator_label", ind.numeratorLabel());
                    require(p, at + ".denominator_label", ind.denominatorLabel());
                    if (!Set.of("ratio_of_sums", "none", "weighted_mean").contains(agg)) {
                        p.add(Problem.Kind.INVALID.at(null, at + ".aggregation", agg, "eine Quote aggregiert als ratio_of_sums, weighted_mean oder none / a ratio aggregates as ratio_of_sums, weighted_mean or none"));
                    }
                } else if ("count".equals(kind) && !Set.of("sum", "none").contains(agg)) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".aggregation", agg, "eine Anzahl aggregiert als sum oder none / a count aggregates as sum or none"));
                } else if ("value".equals(kind) && !Set.of("none", "weighted_mean").contains(agg)) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".aggregation", agg, "ein Wert ohne Zählgrößen aggregiert nicht oder als gewichtetes Mittel (weighted_mean) / a value without counts aggregates as weighted_mean or not at all"));
                }
                weights.put(ind.key(), new String[] {at, agg, ind.weightIndicator()});
                try {
                    Periodicity.parse(ind.periodicity());
                } catch (Periodicity.NotAPeriod e) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".periodicity", ind.periodicity(), e.getMessage()));
                }
                if (ind.decimals() != null && (ind.decimals() < 0 || ind.decimals() > 6)) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".decimals", ind.decimals().toString(), "Nachkommastellen 0–6 / decimals 0-6"));
                }
                if (ind.classification() != null) {
                    try {   // the classes are computed when maps are built: a setting they cannot use is refused here
                        de.chancenatlas.core.style.Classification.of(new double[0], ind.classification(), ind.polarity(),
                                ind.decimals() == null ? 1 : ind.decimals(), ind.unitLabel());
                    } catch (RuntimeException e) {
                        p.add(Problem.Kind.INVALID.at(null, at + ".classification", String.valueOf(ind.classification()),
                                "Klassifikation: " + e.getMessage() + " / classification"));
                    }
                }
                if (ind.scaleFactor() != null && ind.scaleFactor().signum() <= 0) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".scale_factor", ind.scaleFactor().toPlainString(), "Faktor > 0 / factor > 0"));
                }
            }
        }
        // a weighted mean names its weight: a count or plain value of the territory (in this file or stored)
        Map<String, String> kinds = new java.util.HashMap<>(knownKinds);
        if (f.indicators() != null) {
            f.indicators().stream().filter(i -> i.key() != null && i.kind() != null).forEach(i -> kinds.put(i.key(), i.kind()));
        }
        for (var e : weights.entrySet()) {
            String at = e.getValue()[0];
            String weight = e.getValue()[2];
            if ("weighted_mean".equals(e.getValue()[1])) {
                if (weight == null || weight.isBlank()) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".weight_indicator", null, "ein gewichtetes Mittel braucht weight_indicator "
                            + "(z. B. die Einwohnerzahl) / a weighted mean needs weight_indicator (e.g. the population)"));
                } else if (weight.equals(e.getKey()) || !Set.of("count", "value").contains(kinds.get(weight))) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".weight_indicator", weight, "Gewicht „" + weight + "“ ist keine Anzahl oder kein "
                            + "Wert eines anderen Indikators dieses Gebiets / weight '" + weight + "' is no count or value of another indicator"));
                }
            } else if (weight != null) {
                p.add(Problem.Kind.INVALID.at(null, at + ".weight_indicator", weight, "weight_indicator nur mit aggregation: weighted_mean "
                        + "/ weight_indicator only with aggregation: weighted_mean"));
            }
        }
        relations(p, f, knownKinds);
        p.throwIfAny();
    }

    /** A changed periodicity must fit the values already stored (year to half-year does; year to 01.03. does not). */
    private static void periodicityKeepsValues(Connection c, int tid, CatalogueFile f) throws SQLException {
        if (f.indicators() == null) {
            return;
        }
        Problems p = new Problems();
        for (int k = 0; k < f.indicators().size(); k++) {
            var ind = f.indicators().get(k);
            String code = Periodicity.parse(ind.periodicity()).code();
            try (var ps = c.prepareStatement("select count(*), to_char(min(v.stichtag), 'DD.MM.YYYY') from atlas.indicator_value v "
                    + "join atlas.indicator i using (indicator_id) where i.territory_id = ? and i.key = ? and not atlas.period_fits(v.stichtag, ?)")) {
                ps.setInt(1, tid);
                ps.setString(2, ind.key());
                ps.setString(3, code);
                var rs = ps.executeQuery();
                rs.next();
                if (rs.getLong(1) > 0) {
                    p.add(Problem.Kind.INVALID.at(null, "indicators[" + k + "].periodicity", ind.periodicity(), rs.getLong(1)
                            + " gespeicherte Werte (z. B. am " + rs.getString(2) + ") passen nicht zur Periodizität " + code
                            + " / stored values do not fit this periodicity"));
                }
            }
        }
        p.throwIfAny();
    }

    /**
     * Relations name indicators of the file or of the territory: a sum adds counts (count indicators'
     * values, ratios' numerators), a denominator is a count shared by ratios.
     */
    private static void relations(Problems p, CatalogueFile f, Map<String, String> knownKinds) {
        if (f.relations() == null) {
            return;
        }
        Map<String, String> kinds = new java.util.HashMap<>(knownKinds);
        if (f.indicators() != null) {
            f.indicators().stream().filter(i -> i.key() != null && i.kind() != null).forEach(i -> kinds.put(i.key(), i.kind()));
        }
        for (int r = 0; r < f.relations().size(); r++) {
            var rel = f.relations().get(r);
            String at = "relations[" + r + "]";
            if ((rel.sum() == null) == (rel.denominator() == null)) {
                p.add(Problem.Kind.INVALID.at(null, at, null, "entweder sum oder denominator / either sum or denominator"));
                continue;
            }
            if (rel.of() == null || rel.of().isEmpty()) {
                p.add(Problem.Kind.MISSING_COLUMN.at(null, at + ".of", null, at + ".of"));
                continue;
            }
            String total = rel.sum() != null ? rel.sum() : rel.denominator();
            String totalAt = at + (rel.sum() != null ? ".sum" : ".denominator");
            String totalKind = kinds.get(total);
            if (totalKind == null) {
                p.add(Problem.Kind.INVALID.at(null, totalAt, total, "unbekannter Indikator „" + total + "“ / unknown indicator"));
            } else if (rel.denominator() != null ? !"count".equals(totalKind) : "value".equals(totalKind)) {
                p.add(Problem.Kind.INVALID.at(null, totalAt, total, rel.denominator() != null
                        ? "ein Nenner ist eine Anzahl (kind: count) / a denominator is a count"
                        : "nur Anzahlen und Quoten haben Fallzahlen / only counts and ratios have case counts"));
            }
            Set<String> parts = new HashSet<>();
            for (String part : rel.of()) {
                String kind = kinds.get(part);
                if (kind == null) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".of", part, "unbekannter Indikator „" + part + "“ / unknown indicator"));
                } else if (part.equals(total) || !parts.add(part)) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".of", part, "„" + part + "“ doppelt / listed twice"));
                } else if (rel.denominator() != null ? !"ratio".equals(kind) : "value".equals(kind)) {
                    p.add(Problem.Kind.INVALID.at(null, at + ".of", part, rel.denominator() != null
                            ? "nur Quoten haben einen Nenner / only ratios have a denominator"
                            : "nur Anzahlen und Quoten haben Fallzahlen / only counts and ratios have case counts"));
                }
            }
        }
    }

    private static Map<String, String> indicatorKinds(Connection c, int tid) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        try (var ps = c.prepareStatement("select key, kind from atlas.indicator where territory_id = ?")) {
            ps.setInt(1, tid);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** A file with relations declares all of them: they replace the territory's; returns 1 when they changed. */
    private static int replaceRelations(Connection c, int tid, List<CatalogueFile.Relation> relations) throws SQLException {
        String before = relationText(c, tid);
        try (var ps = c.prepareStatement("delete from atlas.indicator_relation where territory_id = ?")) {
            ps.setInt(1, tid);
            ps.executeUpdate();
        }
        try (var ps = c.prepareStatement("insert into atlas.indicator_relation (territory_id, relation_no, kind, indicator_id, part_id) "
                + "select ?, ?, ?, t.indicator_id, p.indicator_id from atlas.indicator t, atlas.indicator p "
                + "where t.territory_id = ? and t.key = ? and p.territory_id = ? and p.key = ?")) {
            int no = 0;
            for (var rel : relations) {
                no++;
                for (String part : rel.of()) {
                    ps.setInt(1, tid);
                    ps.setInt(2, no);
                    ps.setString(3, rel.sum() != null ? "sum" : "denominator");
                    ps.setInt(4, tid);
                    ps.setString(5, rel.sum() != null ? rel.sum() : rel.denominator());
                    ps.setInt(6, tid);
                    ps.setString(7, part);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return before.equals(relationText(c, tid)) ? 0 : 1;
    }

    private static String relationText(Connection c, int tid) throws SQLException {
        try (var ps = c.prepareStatement("select coalesce(string_agg(r.relation_no || r.kind || t.key || '>' || p.key, ',' "
                + "order by r.relation_no, p.key), '') from atlas.indicator_relation r join atlas.indicator t on t.indicator_id = r.indicator_id "
                + "join atlas.indicator p on p.indicator_id = r.part_id where r.territory_id = ?")) {
            ps.setInt(1, tid);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    static String defaultAggregation(String kind) {
        return switch (kind == null ? "" : kind) {
            case "ratio" -> "ratio_of_sums";
            case "count" -> "sum";
            default -> "none";
        };
    }

    private static void require(Problems p, String at, String v) {
        if (v == null || v.isBlank()) {
            p.add(Problem.Kind.MISSING_COLUMN.at(null, at, null, at));
        }
    }

    private static void oneOf(Problems p, String at, String v, Set<String> allowed, boolean required) {
        if (v == null) {
            if (required) {
                p.add(Problem.Kind.MISSING_COLUMN.at(null, at, null, at));
            }
        } else if (!allowed.contains(v)) {
            p.add(Problem.Kind.INVALID.at(null, at, v, "„" + v + "“ nicht erlaubt, möglich: " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + " / not allowed"));
        }
    }

    /** The schema's one rule for a territory's CRS (atlas.projected_srid, sql/V9). */
    private static boolean projected(Connection c, int srid) throws SQLException {
        try (var ps = c.prepareStatement("select atlas.projected_srid(?)")) {
            ps.setInt(1, srid);
            var rs = ps.executeQuery();
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static int sortOrder(Connection c, int tid, String key, int fallback) throws SQLException {
        try (var ps = c.prepareStatement("select sort_order from atlas.indicator where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getInt(1) : fallback;
        }
    }

    private static String visibility(Connection c, int tid, String key) throws SQLException {
        try (var ps = c.prepareStatement("select visibility from atlas.indicator where territory_id = ? and key = ?")) {
            ps.setInt(1, tid);
            ps.setString(2, key);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void disclosure(Problems p, String at, Map<String, Object> settings, boolean territoryLevel) {
        if (settings == null) {
            return;
        }
        try {
            Publication.checkDisclosure(settings, territoryLevel);
        } catch (AccessProblem e) {
            p.add(Problem.Kind.INVALID.at(null, at, String.valueOf(settings), e.getMessage()));
        }
    }

    private static Integer territoryId(Connection c, String key) throws SQLException {
        if (key == null) {
            return null;
        }
        try (var ps = c.prepareStatement("select territory_id from atlas.territory where key = ?")) {
            ps.setString(1, key);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    private static Set<String> keys(Connection c, String table, int tid) throws SQLException {
        Set<String> out = new HashSet<>();
        try (var ps = c.prepareStatement("select key from atlas." + table + " where territory_id = ?")) {
            ps.setInt(1, tid);
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Creates or updates the territory; returns {territory_id, 1 if anything changed else 0}. */
    private int[] upsertTerritory(Connection c, CatalogueFile.Territory t) throws SQLException {
        int id;
        int changed;
        try (var ps = c.prepareStatement("insert into atlas.territory (key, name, kind, ags, srid, attribution, settings) "
                + "values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (key) do update set name = excluded.name, kind = excluded.kind, "
                + "ags = excluded.ags, attribution = excluded.attribution, settings = excluded.settings "
                + "where (territory.name, territory.kind, territory.ags, territory.attribution, territory.settings) is distinct from "
                + "(excluded.name, excluded.kind, excluded.ags, excluded.attribution, excluded.settings) returning territory_id")) {
            ps.setString(1, t.key());
            ps.setString(2, t.name());
            ps.setString(3, t.kind());
            ps.setString(4, t.ags());
            ps.setInt(5, t.srid());
            ps.setString(6, t.attribution());
            ps.setString(7, toJson(t.settings()));
            var rs = ps.executeQuery();
            changed = rs.next() ? 1 : 0;
        }
        try (var ps = c.prepareStatement("select territory_id, srid from atlas.territory where key = ?")) {
            ps.setString(1, t.key());
            var rs = ps.executeQuery();
            rs.next();
            id = rs.getInt(1);
            if (rs.getInt(2) != t.srid()) {
                throw new ImportRejected(Problem.Kind.INVALID.at(null, "territory.srid", t.srid().toString(),
                        "das Koordinatensystem eines bestehenden Gebiets ist fest (" + rs.getInt(2) + ") / the SRID of an existing territory is fixed"));
            }
        }
        return new int[] {id, changed};
    }

    private static int upsertLevel(Connection c, int tid, CatalogueFile.Level l) throws SQLException {
        try (var ps = c.prepareStatement("insert into atlas.unit_level (territory_id, key, name, name_plural, rank, geometry_kind) "
                + "values (?, ?, ?, ?, ?, coalesce(?, 'polygon')) on conflict (territory_id, key) do update set name = excluded.name, "
                + "name_plural = excluded.name_plural, rank = excluded.rank, geometry_kind = excluded.geometry_kind "
                + "where (unit_level.name, unit_level.name_plural, unit_level.rank, unit_level.geometry_kind) "
                + "is distinct from (excluded.name, excluded.name_plural, excluded.rank, excluded.geometry_kind)")) {
            ps.setInt(1, tid);
            ps.setString(2, l.key());
            ps.setString(3, l.name());
            ps.setString(4, l.namePlural());
            ps.setInt(5, l.rank());
            ps.setString(6, l.geometryKind());
            return ps.executeUpdate();
        }
    }

    private static int upsertTheme(Connection c, int tid, CatalogueFile.Theme t) throws SQLException {
        try (var ps = c.prepareStatement("insert into atlas.theme (territory_id, key, title, description, sort_order) values (?, ?, ?, ?, coalesce(?, 0)) "
                + "on conflict (territory_id, key) do update set title = excluded.title, description = excluded.description, sort_order = excluded.sort_order "
                + "where (theme.title, theme.description, theme.sort_order) is distinct from (excluded.title, excluded.description, excluded.sort_order)")) {
            ps.setInt(1, tid);
            ps.setString(2, t.key());
            ps.setString(3, t.title());
            ps.setString(4, t.description());
            setInt(ps, 5, t.sortOrder());
            return ps.executeUpdate();
        }
    }

    private static final String[] INDICATOR_COLUMNS = {"theme_id", "title", "short_title", "definition", "interpretation", "formula",
        "numerator_label", "denominator_label", "unit_label", "scale_factor", "decimals", "polarity", "kind", "aggregation",
        "numerator_may_exceed_denominator", "numerator_may_be_negative", "source", "update_cycle", "department", "visibility",
        "counts_public", "disclosure", "classification", "sort_order", "periodicity", "weight_indicator"};

    private int upsertIndicator(Connection c, int tid, CatalogueFile.Indicator i, long batch, int order) throws SQLException {
        String cols = String.join(", ", INDICATOR_COLUMNS);
        String excluded = String.join(", ", java.util.Arrays.stream(INDICATOR_COLUMNS).map(s -> "excluded." + s).toList());
        String current = String.join(", ", java.util.Arrays.stream(INDICATOR_COLUMNS).map(s -> "indicator." + s).toList());
        String sql = "insert into atlas.indicator (territory_id, key, batch_id, " + cols + ") values (?, ?, ?, "
                + "(select theme_id from atlas.theme where territory_id = ? and key = ?), " + "?, ".repeat(INDICATOR_COLUMNS.length - 6)
                + "?::jsonb, ?::jsonb, ?, ?, ?) "
                + "on conflict (territory_id, key) do update set (batch_id, " + cols + ") = (excluded.batch_id, " + excluded + ") "
                + "where (" + current + ") is distinct from (" + excluded + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int k = 1;
            ps.setInt(k++, tid);
            ps.setString(k++, i.key());
            ps.setLong(k++, batch);
            ps.setInt(k++, tid);
            ps.setString(k++, i.theme());
            ps.setString(k++, i.title());
            ps.setString(k++, i.shortTitle() != null ? i.shortTitle() : i.title());
            ps.setString(k++, i.definition());
            ps.setString(k++, i.interpretation());
            ps.setString(k++, i.formula());
            ps.setString(k++, i.numeratorLabel());
            ps.setString(k++, i.denominatorLabel());
            ps.setString(k++, i.unitLabel());
            ps.setBigDecimal(k++, i.scaleFactor() != null ? i.scaleFactor() : java.math.BigDecimal.ONE);
            ps.setInt(k++, i.decimals() != null ? i.decimals() : 1);
            ps.setString(k++, i.polarity() != null ? i.polarity() : "neutral");
            ps.setString(k++, i.kind());
            ps.setString(k++, i.aggregation() != null ? i.aggregation() : defaultAggregation(i.kind()));
            ps.setBoolean(k++, Boolean.TRUE.equals(i.numeratorMayExceedDenominator()));
            ps.setBoolean(k++, Boolean.TRUE.equals(i.numeratorMayBeNegative()));
            ps.setString(k++, i.source());
            ps.setString(k++, i.updateCycle());
            ps.setString(k++, i.department());
            ps.setString(k++, i.visibility() != null ? i.visibility() : "internal");
            ps.setBoolean(k++, Boolean.TRUE.equals(i.countsPublic()));
            ps.setString(k++, toJson(i.disclosure()));
            ps.setString(k++, i.classification() != null ? toJson(i.classification()) : "{\"method\": \"quantile\", \"classes\": 5}");
            ps.setInt(k++, order);
            ps.setString(k++, Periodicity.parse(i.periodicity()).code());
            ps.setString(k, i.weightIndicator());
            return ps.executeUpdate();
        }
    }

    private static void setInt(PreparedStatement ps, int idx, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(idx, Types.INTEGER);
        } else {
            ps.setInt(idx, v);
        }
    }

    private String toJson(Map<String, Object> m) {
        try {
            return json.writeValueAsString(m == null ? Map.of() : m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
