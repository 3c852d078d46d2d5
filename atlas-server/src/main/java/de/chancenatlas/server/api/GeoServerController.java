package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.db.AtlasDatabase;
import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.geoserver.GeoServerClient;
import de.chancenatlas.geoserver.GeoServerSync;
import de.chancenatlas.geoserver.Plan;
import de.chancenatlas.geoserver.Target;
import de.chancenatlas.server.security.Principals;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/geoserver/sync}: the sync of {@code ./atlas geoserver sync} for global
 * administrators, against the GeoServer configured once in the environment (ATLAS_GEOSERVER_URL,
 * _USER, _PASSWORD; docs/geoserver.md). With ATLAS_GEOSERVER_AUTO_SYNC=true the server also syncs by
 * itself after each data or catalogue change (checked once a minute); every applied sync is in the audit log.
 */
@RestController
@RequestMapping("/api/v1/geoserver")
public class GeoServerController implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GeoServerController.class);
    private final AtlasDatabase db;
    private final PublishedViews views;
    private final String url;
    private final String user;
    private final String password;
    private final String dbHost;
    private final String dbPort;
    private final String staffRole;
    private final ScheduledExecutorService auto;
    private long syncedGeneration = -1;

    public GeoServerController(AtlasDatabase db, PublishedViews views, @Value("${ATLAS_GEOSERVER_URL:}") String url,
                               @Value("${ATLAS_GEOSERVER_USER:}") String user, @Value("${ATLAS_GEOSERVER_PASSWORD:}") String password,
                               @Value("${ATLAS_GEOSERVER_DB_HOST:}") String dbHost, @Value("${ATLAS_GEOSERVER_DB_PORT:}") String dbPort,
                               @Value("${ATLAS_GEOSERVER_STAFF_ROLE:}") String staffRole,
                               @Value("${ATLAS_GEOSERVER_AUTO_SYNC:false}") boolean autoSync) {
        this.db = db;
        this.views = views;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dbHost = dbHost.isBlank() ? null : dbHost;
        this.dbPort = dbPort.isBlank() ? null : dbPort;
        this.staffRole = staffRole;
        if (autoSync && configured()) {
            auto = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "geoserver-auto-sync");
                t.setDaemon(true);
                return t;
            });
            auto.scheduleWithFixedDelay(this::autoSync, 1, 1, TimeUnit.MINUTES);
        } else {
            auto = null;
        }
    }

    private boolean configured() {
        return !url.isBlank() && !user.isBlank() && !password.isBlank();
    }

    @PostMapping("/sync")
    public Map<String, Object> sync(@RequestParam(required = false) String territory, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
                                    @RequestParam(defaultValue = "false") boolean remove, Principal p) throws Exception {
        Account a = Principals.staff(p);
        if (!a.globalAdmin()) {
            throw AccessProblem.forbidden();
        }
        if (territory != null && !territory.matches("[a-z][a-z0-9_-]{1,39}")) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Gebietsschlüssel ungültig / invalid territory key");
        }
        if (!configured()) {
            throw new AccessProblem(AccessProblem.Kind.CONFLICT, "Kein GeoServer eingerichtet (ATLAS_GEOSERVER_URL, _USER, _PASSWORD) / "
                    + "no GeoServer configured (ATLAS_GEOSERVER_URL, _USER, _PASSWORD)");
        }
        try {
            return body(run(territory, dryRun, remove, a.login()));
        } catch (IllegalArgumentException e) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, e.getMessage());
        }
    }

    private synchronized GeoServerSync.Result run(String territory, boolean dryRun, boolean remove, String actor) throws Exception {
        long generation = views.ensureFresh();
        Target target = Target.of(db, dbHost, dbPort == null ? null : Integer.valueOf(dbPort), staffRole);
        var result = new GeoServerSync(db.dataSource()).sync(new GeoServerClient(url, user, password), target, territory, dryRun, remove, actor,
                s -> log.info("GeoServer: {}", s));
        if (!dryRun && !remove && territory == null) {
            syncedGeneration = generation;
        }
        return result;
    }

    private void autoSync() {
        try {
            if (views.generation() != syncedGeneration) {
                var r = run(null, false, false, "system@auto-sync");
                log.info("GeoServer auto-sync: {}", r.plan().summary());
            }
        } catch (Exception e) {
            // written to the audit log too, so an admin sees it without reading the server log
            log.warn("GeoServer auto-sync failed: {}", e.getMessage());
            try (var c = db.dataSource().getConnection(); var ps = c.prepareStatement(
                    "insert into atlas.audit_log (action, actor, details) values ('geoserver_sync_failed', 'system@auto-sync', "
                            + "jsonb_build_object('error', ?::text))")) {
                ps.setString(1, e.getMessage());
                ps.executeUpdate();
            } catch (Exception ignored) {
                // the log line above stands
            }
        }
    }

    private static Map<String, Object> body(GeoServerSync.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applied", r.applied());
        m.put("summary", r.plan().summary());
        m.put("created", r.plan().count(Plan.Action.CREATE));
        m.put("changed", r.plan().count(Plan.Action.UPDATE));
        m.put("deleted", r.plan().count(Plan.Action.DELETE));
        m.put("steps", r.plan().steps().stream().map(Plan.Step::toString).toList());
        m.put("warnings", r.plan().warnings());
        return m;
    }

    @ExceptionHandler(GeoServerClient.GeoServerException.class)
    ResponseEntity<Map<String, Object>> geoServerFailed(GeoServerClient.GeoServerException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON)
                .body(Problems.body(502, "GeoServer: " + e.getMessage()));
    }

    @Override
    public void close() {
        if (auto != null) {
            auto.shutdownNow();
        }
    }
}
