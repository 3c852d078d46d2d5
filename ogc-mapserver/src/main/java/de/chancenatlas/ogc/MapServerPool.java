package de.chancenatlas.ogc;

import edu.umn.gis.mapscript.MS_REQUEST_TYPE;
import edu.umn.gis.mapscript.OWSRequest;
import edu.umn.gis.mapscript.mapObj;
import edu.umn.gis.mapscript.mapscript;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MapServer through MapScript, made safe for a multi-threaded server: a bounded set of workers,
 * each a single thread that owns its own map objects (never shared; MapServer's IO buffers are per
 * thread), reloading a map when its file's generation changes and dispatching every request on a
 * fresh clone of it. A request waits for a free worker
 * for a bounded time, then is refused as busy.
 */
public final class MapServerPool implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MapServerPool.class);
    static {
        System.loadLibrary("javamapscript");
    }

    /** A map file on disk and the catalogue generation it was written from. */
    public record Mapfile(Path path, long generation) { }

    private final BlockingQueue<Worker> idle;
    private final Worker[] workers;

    private final FeatureQuery.Precision precision;

    public MapServerPool(int size) {
        this(size, FeatureQuery.Precision.DEFAULT);
    }

    /** @param precision coordinate decimals of the GeoJSON MapServer still writes (requests {@link WfsGeoJson} leaves to it) */
    public MapServerPool(int size, FeatureQuery.Precision precision) {
        this.precision = precision;
        idle = new ArrayBlockingQueue<>(size);
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(i);
            idle.add(workers[i]);
        }
    }

    /** @param geometry for a GetMap, the geometry column its layers draw from ({@link Generalization}); otherwise null */
    public OgcResponse dispatch(String scope, Mapfile mapfile, OgcRequest request, String geometry, String onlineResource) {
        Worker w;
        try {
            w = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OgcException("OperationProcessingFailed", null, "unterbrochen / interrupted");
        }
        if (w == null) {
            throw new OgcException("OperationProcessingFailed", null, "Server ausgelastet, bitte erneut versuchen / server busy, try again");
        }
        try {
            return w.thread.submit(() -> w.run(scope, mapfile, request, geometry, onlineResource, precision)).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            // MapServer's own failures outside a request (a map that does not load) arrive as UnknownError:
            // logged for the operator, an exception report for the client, never a 500
            log.error("MapServer failed on {}", mapfile.path(), e.getCause());
            throw new OgcException("NoApplicableCode", null, "Fehler der Kartenmaschine / map engine error");
        } catch (TimeoutException e) {
            throw new OgcException("OperationProcessingFailed", null, "Zeitüberschreitung / timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OgcException("OperationProcessingFailed", null, "unterbrochen / interrupted");
        } finally {
            idle.add(w);
        }
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.thread.shutdown();
        }
    }

    /** Each indicator layer's metadata URL: its description in the read API, on the host the client used. */
    private static void metadataUrls(mapObj map, String onlineResource) {
        java.net.URI base = java.net.URI.create(onlineResource);
        for (int i = 0; i < map.getNumlayers(); i++) {
            var md = map.getLayer(i).getMetadata();
            String path = md.get(MapfileWriter.API_PATH_KEY, null);
            if (path != null) {
                md.set("ows_metadataurl_href", base.resolve(path).toString());
                md.set("ows_metadataurl_format", "application/json");
                md.set("ows_metadataurl_type", "TC211");   // the only types WMS 1.1.1 knows: TC211, FGDC
            }
        }
    }

    /** Gives each layer its GetMap query on that geometry column (the clone only: the loaded map keeps the exact one). */
    private static void useMapData(mapObj map, String geometry) {
        for (int i = 0; i < map.getNumlayers(); i++) {
            var layer = map.getLayer(i);
            String data = layer.getMetadata().get(MapfileWriter.MAP_DATA_KEY + geometry, null);
            if (data != null) {
                layer.setData(data);
            }
        }
    }

    /**
     * What in a MapServer message is nobody's business outside: database errors (their text echoes the
     * query), SQL, file paths of the map files and of GDAL's in-memory files.
     */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "(?i)query error|error executing|ERROR:|postgis|postgres|psql|\\bsql\\b|\\bselect\\b|/vsimem|\\.map\\b|/tmp/|/var/|/work/|/home/|/usr/");

    /**
     * An exception report of MapServer that would show internals is replaced by our own (the original
     * goes to the log for the operator); an OGR output that failed after its headers ("Status: 400")
     * too. Other reports (an unknown type name, a bad filter) pass as MapServer wrote them.
     */
    static void withoutInternals(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (text.startsWith("Status:") || INTERNALS.matcher(text).find()) {
            org.slf4j.LoggerFactory.getLogger(MapServerPool.class).warn("MapServer refused a request: {}", text.strip());
            throw new OgcException("NoApplicableCode", null, "Die Anfrage konnte nicht ausgeführt werden / the request could not be processed");
        }
    }

    private static final class Worker {
        final ExecutorService thread;
        final Map<String, mapObj> maps = new HashMap<>();
        final Map<String, Long> generations = new HashMap<>();

        Worker(int n) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mapserver-" + n);
                t.setDaemon(true);
                return t;
            });
        }

        OgcResponse run(String scope, Mapfile mapfile, OgcRequest request, String geometry, String onlineResource,
                        FeatureQuery.Precision precision) {
            mapObj map = maps.get(scope);
            if (map == null || generations.get(scope) != mapfile.generation()) {
                if (map != null) {
                    map.delete();
                }
                map = new mapObj(mapfile.path().toString(), null);
                maps.put(scope, map);
                generations.put(scope, mapfile.generation());
            }
            // OWSDispatch changes the map it works on (a WMS TIME filter stays on the layer, for one):
            // every request gets a fresh clone of the parsed map, never the map another request used
            mapObj loaded = map;
            map = loaded.cloneMap();
            map.getWeb().getMetadata().set("ows_onlineresource", onlineResource);
            if ("WFS".equals(request.service())) {
                // the same decimals as our own writer: centimetres, or degrees to 1e-7 when SRSNAME asks for them
                String srs = request.params().get("SRSNAME");
                int srid = srs == null && request.body() != null && request.body().contains("srsName") ? 4326 : Crs.srid(Crs.code(srs));
                for (String f : List.of("geojson", "json")) {
                    var format = map.getOutputFormatByName(f);
                    if (format != null) {
                        format.setOption("LCO:COORDINATE_PRECISION", String.valueOf(precision.of(srid)));
                    }
                }
                // GML too: MapServer's default of six decimals made it a fifth larger than GeoServer's for the same rows
                for (int i = 0; i < map.getNumlayers(); i++) {
                    map.getLayer(i).getMetadata().set("wfs_geometry_precision", String.valueOf(precision.of(srid)));
                }
            }
            metadataUrls(map, onlineResource);
            if (geometry != null) {
                useMapData(map, geometry);
            }
            OWSRequest r = new OWSRequest();
            mapscript.msIO_installStdoutToBuffer();
            try {
                for (var e : request.params().entrySet()) {
                    r.setParameter(e.getKey(), e.getValue());
                }
                if (request.body() != null) {
                    r.setType(MS_REQUEST_TYPE.MS_POST_REQUEST);
                    r.setPostrequest(request.body());
                    r.setContenttype("text/xml");
                } else {
                    r.setType(MS_REQUEST_TYPE.MS_GET_REQUEST);
                }
                boolean failed = false;
                try {
                    map.OWSDispatch(r);
                } catch (UnknownError e) {
                    failed = true;   // MapServer wrote its exception report into the buffer already
                }
                // all of MapServer's CGI headers go (OGR output adds some besides Content-Type)
                var headers = mapscript.msIO_getAndStripStdoutBufferMimeHeaders();
                String type = headers == null ? null : headers.get("Content-Type", null);
                byte[] body = mapscript.msIO_getStdoutBufferBytes();
                if (body == null || body.length == 0) {
                    throw new OgcException("NoApplicableCode", null, "MapServer lieferte keine Antwort / no response from MapServer");
                }
                String head = new String(body, 0, Math.min(body.length, 400), java.nio.charset.StandardCharsets.UTF_8);
                if (failed || head.startsWith("Status:") || head.contains("ExceptionReport")) {
                    withoutInternals(body);
                }
                boolean wfsError = "WFS".equals(request.service()) && (failed || type != null && type.contains("xml")
                        && head.contains("ExceptionReport"));
                return new OgcResponse(wfsError ? 400 : 200, type == null ? "application/octet-stream" : type, body);
            } finally {
                mapscript.msIO_resetHandlers();
                r.delete();
                map.delete();
            }
        }
    }
}
