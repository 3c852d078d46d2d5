package de.chancenatlas.ogc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The OGC endpoint behind {@code /ows} (all territories) and {@code /{territory}/ows}: vets each
 * request, checks that the layers it names are published in that scope, and hands it to MapServer.
 * Maps are rebuilt from the catalogue when it changes; no restart.
 */
public final class OgcService implements AutoCloseable {
    private static final long RECHECK_MILLIS = 2000;

    private final LayerCatalog catalog;
    private final MapfileWriter writer;
    private final MapServerPool pool;
    private final Path workDir;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private volatile long generation = -1;
    private volatile long checkedAt;

    /**
     * A built map: its file, its layer names, each time-enabled layer's latest period, and a map file
     * per layer. MapServerPool clones the map for every request, and a clone costs in proportion to
     * the layers (28 ms for Köln's 42 layers, as much as the GetMap itself): a request for one layer
     * runs on that layer's own small map.
     */
    private record Scope(MapServerPool.Mapfile mapfile, Set<String> layers, Map<String, Integer> latest,
                         Map<String, MapServerPool.Mapfile> single) { }

    /**
     * @param connection libpq connection string MapServer uses to read the public views
     */
    public OgcService(DataSource ds, String connection, Path workDir, int workers) {
        this.catalog = new LayerCatalog(ds);
        this.workDir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(this.workDir);
            Path fontset = this.workDir.resolve("fonts.txt");
            Files.writeString(fontset, MapfileWriter.fontsetLine(), StandardCharsets.UTF_8);
            for (var f : MapfileWriter.supportFiles().entrySet()) {
                Files.writeString(this.workDir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            this.writer = new MapfileWriter(connection, fontset.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pool = new MapServerPool(workers);
    }

    /**
     * @param territory the territory of a virtual endpoint, or null for all
     * @param onlineResource the URL clients use for this endpoint (ends with "?")
     */
    public OgcResponse handle(String territory, Map<String, String[]> params, String body, String onlineResource) {
        String service = first(params, "SERVICE");
        String version = first(params, "VERSION");
        try {
            OgcRequest request = OgcRequest.vet(params, body);
            service = request.service();
            version = request.version();
            Scope scope = scope(territory);
            for (String name : request.layerNames()) {
                if (!scope.layers().contains(name)) {
                    throw new OgcException("WFS".equals(request.service()) ? "InvalidParameterValue" : "LayerNotDefined",
                            "WFS".equals(request.service()) ? "TYPENAMES" : "LAYERS",
                            "Ebene „" + name + "“ gibt es hier nicht / layer '" + name + "' is not defined here");
                }
            }
            request.checkResourceIds(scope.layers());
            defaultTime(request, scope);
            String key = territory == null ? "*" : territory;
            if (GetFeatureById.applies(request)) {
                return GetFeatureById.answer(request, scope.layers(), r -> dispatch(key, scope, r, onlineResource));
            }
            OgcResponse response = dispatch(key, scope, request, onlineResource);
            return WfsCapabilities.applies(request) ? WfsCapabilities.complete(response) : response;
        } catch (OgcException e) {
            return e.report(service, version);
        }
    }

    /** On the layer's own map when the request names one layer (capabilities always see all). */
    private OgcResponse dispatch(String key, Scope scope, OgcRequest request, String onlineResource) {
        List<String> names = request.layerNames();
        if (names.size() == 1 && request.body() == null && !"GetCapabilities".equals(request.request())
                && scope.single().containsKey(names.get(0))) {
            return pool.dispatch(key + "|" + names.get(0), scope.single().get(names.get(0)), request, onlineResource);
        }
        return pool.dispatch(key, scope.mapfile(), request, onlineResource);
    }

    /**
     * A map without TIME shows the latest period of its layers; WFS is left alone and serves all
     * periods, each feature with its period attribute. The map file also says so (wms_timedefault,
     * so capabilities carry the default; tested not to cut WFS answers); setting it here as well keeps
     * the rule in one readable place and independent of MapServer's handling of the default.
     */
    private static void defaultTime(OgcRequest request, Scope scope) {
        if (!"WMS".equals(request.service()) || request.params().containsKey("TIME")
                || !Set.of("GetMap", "GetFeatureInfo").contains(request.request())) {
            return;
        }
        request.layerNames().stream().map(scope.latest()::get).filter(java.util.Objects::nonNull).max(Integer::compare)
                .ifPresent(year -> request.params().put("TIME", String.valueOf(year)));
    }

    /** Published layer names in a scope (all territories when null). */
    public Set<String> layerNames(String territory) {
        return scope(territory).layers();
    }

    private Scope scope(String territory) {
        String key = territory == null ? "*" : territory;
        long now = System.currentTimeMillis();
        if (now - checkedAt > RECHECK_MILLIS) {
            try {
                long g = catalog.generation();
                if (g != generation) {
                    catalog.refresh();
                    scopes.clear();
                    generation = g;
                }
                checkedAt = now;
            } catch (SQLException e) {
                throw new OgcException("NoApplicableCode", null, "Datenbank nicht erreichbar / database unavailable");
            }
        }
        return scopes.computeIfAbsent(key, k -> build(territory, generation));
    }

    private Scope build(String territory, long gen) {
        try {
            List<LayerDef> layers = catalog.layers(territory);
            if (territory != null && layers.isEmpty()) {
                throw new OgcException("InvalidParameterValue", null, "Gebiet „" + territory + "“ veröffentlicht nichts / publishes nothing");
            }
            String title = territory == null ? "Chancenatlas" : "Chancenatlas " + layers.get(0).territoryName();
            String prefix = (territory == null ? "all" : territory) + "-" + gen;
            Path file = writeMap(prefix + ".map", writer.write(title, layers));
            Map<String, MapServerPool.Mapfile> single = new java.util.HashMap<>();
            for (LayerDef l : layers) {
                single.put(l.name(), new MapServerPool.Mapfile(writeMap(prefix + "-" + l.name() + ".map", writer.write(title, List.of(l))), gen));
            }
            Map<String, Integer> latest = layers.stream().filter(l -> !l.periods().isEmpty())
                    .collect(Collectors.toUnmodifiableMap(LayerDef::name, l -> l.periods().get(l.periods().size() - 1)));
            return new Scope(new MapServerPool.Mapfile(file, gen), layers.stream().map(LayerDef::name).collect(Collectors.toUnmodifiableSet()),
                    latest, Map.copyOf(single));
        } catch (SQLException e) {
            throw new OgcException("NoApplicableCode", null, "Datenbank nicht erreichbar / database unavailable");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeMap(String name, String content) throws IOException {
        Path file = workDir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));   // holds the DB password
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to restrict
        }
        return file;
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
