package de.chancenatlas.ogc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import de.chancenatlas.core.db.Audience;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.core.style.StyleSet;
import de.chancenatlas.core.read.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The OGC endpoint behind {@code /ows} (all territories) and {@code /{territory}/ows}: vets each
 * request, checks that the layers it names exist for the viewer in that scope, and hands it to
 * MapServer. A layer the viewer may not read does not exist for them (GeoServer's HIDE mode): it is
 * absent from the capabilities and named as undefined when asked for. Staff get the internal layers
 * of their territories under the same names. Maps are rebuilt when the data change; no restart.
 */
public final class OgcService implements AutoCloseable {
    private final LayerCatalog catalog;
    private final PublishedViews views;
    private final MapfileWriter writer;
    private final MapServerPool pool;
    private final Path workDir;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private volatile long generation = -1;
    private volatile List<String> territories = List.of();
    private final java.util.function.Function<Audience, DataSource> readers;
    private final FeatureQuery.Precision precision;

    /**
     * A built map: its file, its layer names, each time-enabled layer's periods, and a map file
     * per layer. MapServerPool clones the map for every request, and a clone costs in proportion to
     * the layers (28 ms for Köln's 42 layers, as much as the GetMap itself): a request for one layer
     * runs on that layer's own small map.
     */
    private record Scope(String name, MapServerPool.Mapfile mapfile, MapServerPool.Mapfile wfsMapfile, Set<String> layers,
                         Map<String, List<java.time.LocalDate>> periods, Map<String, MapServerPool.Mapfile> single, Map<String, Integer> srids,
                         Map<String, LayerDef> defs) {
        /** Whether every map file is still on disk (a cleaner, or another server sharing the folder, may remove them). */
        boolean intact() {
            return Files.isRegularFile(mapfile.path()) && Files.isRegularFile(mapfile.path().getParent().resolveSibling("fonts.txt")) && Files.isRegularFile(wfsMapfile.path())
                    && single.values().stream().allMatch(f -> Files.isRegularFile(f.path()));
        }
    }

    /** On an atlas database: its owner pool, its reader roles (for MapServer and our own writer), default precision. */
    public OgcService(de.chancenatlas.core.db.AtlasDatabase db, PublishedViews views, Path workDir, int workers) {
        this(db.dataSource(), views, db.readerConnections(), db::dataSource, FeatureQuery.Precision.DEFAULT, workDir, workers);
    }

    /**
     * @param ds          the owner's pool, for the layer catalogue
     * @param views       keeps the materialised layer views fresh (shared with the read path)
     * @param connections libpq connection of each audience's reader role, which MapServer uses
     * @param readers     each audience's reader pool, for the features we write ourselves ({@link FeatureQuery})
     * @param precision   coordinate decimals of GeoJSON
     */
    public OgcService(DataSource ds, PublishedViews views, Map<Audience, String> connections,
                      java.util.function.Function<Audience, DataSource> readers, FeatureQuery.Precision precision, Path workDir, int workers) {
        this.readers = readers;
        this.precision = precision;
        this.catalog = new LayerCatalog(ds);
        this.views = views;
        this.workDir = workDir.toAbsolutePath();
        try {
            this.writer = new MapfileWriter(connections, writeSupportFiles().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pool = new MapServerPool(workers, precision);
    }

    /**
     * @param viewer    who asks: anonymous users get the public layers, staff also their territories' internal ones
     * @param territory the territory of a virtual endpoint, or null for all
     * @param onlineResource the URL clients use for this endpoint (ends with "?")
     */
    public OgcResponse handle(Viewer viewer, String territory, Map<String, String[]> params, String body, String onlineResource) {
        String service = first(params, "SERVICE");
        String version = first(params, "VERSION");
        try {
            OgcRequest request = OgcRequest.vet(params, body);
            service = request.service();
            version = request.version();
            Scope scope = scope(viewer, territory);
            for (String name : request.layerNames()) {
                if (!scope.layers().contains(name)) {
                    throw new OgcException("WFS".equals(request.service()) ? "InvalidParameterValue" : "LayerNotDefined",
                            "WFS".equals(request.service()) ? "TYPENAMES" : "LAYERS",
                            "Ebene „" + name + "“ gibt es hier nicht / layer '" + name + "' is not defined here");
                }
            }
            request.checkResourceIds(scope.layers());
            request.checkOwnCrs(request.layerNames().isEmpty() ? scope.srids().values()
                    : request.layerNames().stream().map(scope.srids()::get).toList());
            time(request, scope);
            String key = scope.name();
            if (GetFeatureById.applies(request)) {
                return GetFeatureById.answer(request, scope.layers(), r -> dispatch(key, scope, r, onlineResource));
            }
            OgcResponse geojson = WfsGeoJson.answer(request, scope.defs(), this::reader, precision, onlineResource);
            if (geojson != null) {
                return geojson;
            }
            OgcResponse response = dispatch(key, scope, request, onlineResource);
            return WfsCapabilities.applies(request) ? WfsCapabilities.complete(response) : response;
        } catch (OgcException e) {
            return e.report(service, version);
        }
    }

    private final java.util.concurrent.atomic.AtomicLong previews = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A WMS GetMap or GetLegendGraphic of one choropleth layer the viewer sees, drawn with draft
     * styles instead of the stored classification (the admin console's preview before saving). The
     * map file is the layer's own, written for this request and deleted after it: never cached, and
     * not in the tile cache, which keys the stored generation.
     */
    public OgcResponse preview(Viewer viewer, String territory, Map<String, String[]> params, StyleSet draft, String onlineResource) {
        String version = first(params, "VERSION");
        try {
            OgcRequest request = OgcRequest.vet(params, null);
            version = request.version();
            if (!"WMS".equals(request.service()) || !Set.of("GetMap", "GetLegendGraphic").contains(request.request())
                    || request.layerNames().size() != 1) {
                throw new OgcException("OperationNotSupported", "REQUEST",
                        "Vorschau: WMS GetMap oder GetLegendGraphic einer Ebene / preview: WMS GetMap or GetLegendGraphic of one layer");
            }
            Scope scope = scope(viewer, territory);
            LayerDef l = scope.defs().get(request.layerNames().get(0));
            if (l == null || l.kind() != LayerDef.Kind.CHOROPLETH) {
                throw new OgcException("LayerNotDefined", "LAYERS", "Ebene „" + request.layerNames().get(0)
                        + "“ gibt es hier nicht / layer is not defined here");
            }
            LayerDef drafted = new LayerDef(l.audience(), l.territory(), l.territoryName(), l.srid(), l.level(), l.levelName(), l.indicator(),
                    l.title(), l.abstractText(), l.theme(), l.source(), l.unitLabel(), l.periods(), l.extent(), draft.standard(), draft, l.kind());
            time(request, scope);
            long n = previews.incrementAndGet();
            Path file = writeMap(-n, "preview-" + n + ".map", writer.write("Chancenatlas " + l.territoryName(), List.of(drafted)));
            try {
                // one pool slot name for all previews; the negative generation makes the worker load this file
                return pool.dispatch("preview", new MapServerPool.Mapfile(file, -n), request, Generalization.column(request), onlineResource);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            }
        } catch (OgcException e) {
            return e.report("WMS", version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * On the layer's own map when the request names one layer (capabilities always see all); a map
     * draws the simplified geometry that suits its scale.
     */
    private OgcResponse dispatch(String key, Scope scope, OgcRequest request, String onlineResource) {
        List<String> names = request.layerNames().isEmpty() ? request.resourceTypes(scope.layers()) : request.layerNames();
        String geometry = Generalization.column(request);
        if (names.size() == 1 && request.body() == null && !"GetCapabilities".equals(request.request())
                && scope.single().containsKey(names.get(0))) {
            return pool.dispatch(key + "|" + names.get(0), scope.single().get(names.get(0)), request, geometry, onlineResource);
        }
        // Territories in different CRSs: WFS on the map without projection, so each type keeps its own.
        // Not where the map's projection is needed: features by id alone (MapServer finds none without
        // it) and answers in a requested SRSNAME (MapServer projects the map's extent into it).
        boolean srsName = request.params().containsKey("SRSNAME") || request.body() != null && request.body().contains("srsName");
        if ("WFS".equals(request.service()) && new java.util.HashSet<>(scope.srids().values()).size() > 1 && !srsName
                && (request.layerNames().size() > 0 || request.params().get("RESOURCEID") == null || request.body() != null)) {
            return pool.dispatch(key + "|wfs", scope.wfsMapfile(), request, geometry, onlineResource);
        }
        return pool.dispatch(key, scope.mapfile(), request, geometry, onlineResource);
    }

    /**
     * WMS TIME made exact for MapServer ({@link WmsTime}): a map without TIME shows the latest period
     * of its layers (as wms_timedefault says in the capabilities; set here too, so the rule does not
     * depend on MapServer's handling of defaults). WFS is left alone and serves all periods, each
     * feature with its period attribute.
     */
    private static void time(OgcRequest request, Scope scope) {
        if (!"WMS".equals(request.service()) || !Set.of("GetMap", "GetFeatureInfo").contains(request.request())) {
            return;
        }
        TreeSet<java.time.LocalDate> periods = new TreeSet<>();
        request.layerNames().stream().map(scope.periods()::get).filter(java.util.Objects::nonNull).forEach(periods::addAll);
        if (periods.isEmpty()) {
            return;   // boundaries only: no time
        }
        String time = request.params().get("TIME");
        java.time.LocalDate stichtag = time == null || time.isBlank() ? periods.last() : WmsTime.select(time, periods);
        request.params().put("TIME", stichtag.toString());
    }

    /** The reader pool of a layer's audience: its role can read that audience's views only. */
    public DataSource reader(LayerDef l) {
        return readers.apply(l.audience());
    }

    public FeatureQuery.Precision precision() {
        return precision;
    }

    /** The layers a viewer sees in a scope (all territories when null), by name in catalogue order. */
    public Map<String, LayerDef> layers(Viewer viewer, String territory) {
        return scope(viewer, territory).defs();
    }

    /** The layer names a viewer sees in a scope (all territories when null). */
    public Set<String> layerNames(Viewer viewer, String territory) {
        return scope(viewer, territory).layers();
    }

    /**
     * What a viewer sees at an endpoint, as the tile cache keys it: the scope (endpoint and the
     * territories whose internal layers the viewer gets) with the data generation it was built from.
     */
    public ViewerScope viewerScope(Viewer viewer, String territory) {
        try {
            Scope s = scope(viewer, territory);
            return new ViewerScope(s.mapfile().generation() + "/" + scopeKey(viewer, territory), s.layers(), s.periods(), s.srids());
        } catch (OgcException e) {
            return null;   // no layers for this viewer here: nothing to tile
        }
    }

    /** The scope is the endpoint plus the territories whose internal layers the viewer gets. */
    private String scopeKey(Viewer viewer, String territory) {
        return (territory == null ? "*" : territory) + "|" + String.join(",", internal(viewer, territory));
    }

    private Set<String> internal(Viewer viewer, String territory) {
        Set<String> internal = new TreeSet<>();
        for (String t : territories) {
            if ((territory == null || territory.equals(t)) && viewer.isInternalFor(t)) {
                internal.add(t);
            }
        }
        return internal;
    }

    private Scope scope(Viewer viewer, String territory) {
        try {
            long g = views.ensureFresh();
            if (g != generation) {
                synchronized (this) {   // one request switches generations, concurrent ones wait for it
                    if (g != generation) {
                        territories = catalog.territories();   // a new territory moves the generation too
                        scopes.clear();
                        deleteOldMaps(generation, g);
                        generation = g;
                    }
                }
            }
        } catch (SQLException e) {
            throw new OgcException("NoApplicableCode", null, "Datenbank nicht erreichbar / database unavailable");
        }
        Set<String> internal = internal(viewer, territory);
        String key = scopeKey(viewer, territory);
        Scope s = scopes.computeIfAbsent(key, k -> build(territory, internal, generation));
        if (!s.intact()) {
            // map files gone (removed by hand, or by another server sharing the folder): written anew
            // instead of failing every request until the next data change
            s = build(territory, internal, generation);
            scopes.put(key, s);
        }
        return s;
    }

    private Scope build(String territory, Set<String> internal, long gen) {
        try {
            List<LayerDef> layers = new ArrayList<>();
            for (LayerDef l : catalog.layers(territory, Audience.PUBLIC)) {
                if (!internal.contains(l.territory())) {
                    layers.add(l);
                }
            }
            for (String t : internal) {
                layers.addAll(catalog.layers(t, Audience.INTERNAL));
            }
            if (territory != null && layers.isEmpty()) {
                throw new OgcException("InvalidParameterValue", null, catalog.notPublicReason(territory));
            }
            String title = territory == null ? "Chancenatlas" : "Chancenatlas " + layers.get(0).territoryName();
            writeSupportFiles();
            String name = (territory == null ? "all" : territory) + (internal.isEmpty() ? "" : "-staff-" + Integer.toHexString(internal.hashCode()));
            Path file = writeMap(gen, name + ".map", writer.write(title, layers));
            Path wfsFile = writeMap(gen, name + "-wfs.map", writer.write(title, layers, true));
            Map<String, MapServerPool.Mapfile> single = new java.util.HashMap<>();
            for (LayerDef l : layers) {
                single.put(l.name(), new MapServerPool.Mapfile(writeMap(gen, name + "-" + l.name() + ".map", writer.write(title, List.of(l))), gen));
            }
            Map<String, List<java.time.LocalDate>> periods = layers.stream().filter(l -> !l.periods().isEmpty())
                    .collect(Collectors.toUnmodifiableMap(LayerDef::name,
                            l -> l.periods().stream().map(p -> java.time.LocalDate.parse(p.stichtag())).toList()));
            return new Scope(name, new MapServerPool.Mapfile(file, gen), new MapServerPool.Mapfile(wfsFile, gen), layers.stream().map(LayerDef::name).collect(Collectors.toUnmodifiableSet()),
                    periods, Map.copyOf(single), layers.stream().collect(Collectors.toUnmodifiableMap(LayerDef::name, LayerDef::srid)),
                    java.util.Collections.unmodifiableMap(layers.stream().collect(Collectors.<LayerDef, String, LayerDef, Map<String, LayerDef>>toMap(LayerDef::name, l -> l, (a, b) -> a,
                            java.util.LinkedHashMap::new))));
        } catch (SQLException e) {
            throw new OgcException("NoApplicableCode", null, "Datenbank nicht erreichbar / database unavailable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fontset and feature-info templates the maps refer to; returns the fontset's path. */
    private Path writeSupportFiles() throws IOException {
        Files.createDirectories(workDir);
        Path fontset = workDir.resolve("fonts.txt");
        Map<String, String> files = new java.util.HashMap<>(MapfileWriter.supportFiles());
        files.put("fonts.txt", MapfileWriter.fontsetLine());
        for (var f : files.entrySet()) {
            Path file = workDir.resolve(f.getKey());
            // rewritten only when missing or changed: a map being drawn may be reading it
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(f.getValue())) {
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
        }
        return fontset;
    }

    /** Map files live in a folder per generation, so the old ones go as a whole when the data change. */
    private Path writeMap(long gen, String name, String content) throws IOException {
        Path dir = workDir.resolve(String.valueOf(gen));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        // written beside and moved into place: a worker loading the map never reads half a file
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));   // holds the DB passwords
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * Deletes the map folders of older generations. The previous one stays: a request that began
     * before the switch may still be loading its map from there.
     */
    private void deleteOldMaps(long previous, long current) {
        java.util.Set<String> keep = java.util.Set.of(String.valueOf(previous), String.valueOf(current));
        try (var dirs = Files.list(workDir)) {
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("-?\\d+"))
                    .filter(d -> !keep.contains(d.getFileName().toString())).toList()) {
                try (var files = Files.walk(d)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // old map files only take space; the next change tries again
        }
    }

    private static String first(Map<String, String[]> params, String name) {
        for (var e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && e.getValue().length > 0) {
                return e.getValue()[0];
            }
        }
        return null;
    }

    @Override
    public void close() {
        pool.close();
    }
}
