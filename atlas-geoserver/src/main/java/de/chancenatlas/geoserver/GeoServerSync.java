package de.chancenatlas.geoserver;

import de.chancenatlas.core.read.PublishedViews;
import de.chancenatlas.geoserver.Model.Workspace;
import de.chancenatlas.geoserver.Plan.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Keeps a GeoServer in step with the atlas: reads what GeoServer has, plans, applies (unless a dry
 * run) and writes the result to the audit log. Idempotent: a second run without an atlas change
 * plans nothing. It touches only the {@code atlas_*} workspaces it created itself and their rules.
 */
public final class GeoServerSync {
    private final DataSource ds;
    private final AtlasLayers atlas;

    /** @param ds the owner's pool */
    public GeoServerSync(DataSource ds) {
        this.ds = ds;
        this.atlas = new AtlasLayers(ds);
    }

    /** The outcome: the plan and whether it was applied. */
    public record Result(Plan plan, boolean applied) {
    }

    /**
     * @param territory one territory, or null for all (then also removes the workspaces of territories no longer in the atlas)
     * @param remove    remove what the sync created (for the territory, or all) instead of publishing
     * @param progress  told each step as it is applied
     */
    public Result sync(GeoServerClient gs, Target target, String territory, boolean dryRun, boolean remove, String actor,
                       Consumer<Step> progress) throws SQLException {
        List<String> all = atlas.territories();
        if (territory != null && !all.contains(territory)) {
            throw new IllegalArgumentException("Gebiet „" + territory + "“ gibt es nicht / no such territory; bekannt / known: " + all);
        }
        new PublishedViews(ds).ensureFresh();   // GeoServer reads the materialised views directly
        List<String> territories = territory == null ? all : List.of(territory);
        List<Workspace> desired = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String t : territories) {
            for (Workspace w : atlas.workspaces(t, target)) {
                names.add(w.name());
                if (!remove) {
                    desired.add(w);
                    passwords.put(w.name(), w.name().endsWith("_intern") ? target.internalPassword() : target.publicPassword());
                }
            }
        }
        String prefix = territory == null ? Target.PREFIX : null;
        GeoServerState state = GeoServerState.read(gs, names, prefix);
        List<String> removeList = new ArrayList<>(remove ? names : List.of());
        removeList.addAll(state.otherAtlasWorkspaces());
        Plan plan = Planner.plan(desired, removeList, state, passwords);
        if (!dryRun) {
            // a datastore that moved (another host, port or database) first: GeoServer can describe
            // the featuretypes behind it only once it reaches the database again; then plan anew
            List<Step> stores = plan.steps().stream().filter(s -> s.action() == Plan.Action.UPDATE && STORE.equals(s.kind())).toList();
            if (!stores.isEmpty()) {
                apply(gs, stores, progress);
                Plan rest = Planner.plan(desired, removeList, GeoServerState.read(gs, names, prefix), passwords);
                List<Step> done = new ArrayList<>(stores);
                done.addAll(rest.steps());
                plan = new Plan(List.copyOf(done), rest.warnings());
                apply(gs, rest.steps(), progress);
            } else {
                apply(gs, plan.steps(), progress);
            }
            audit(gs.base(), territory, plan, remove, actor);
        }
        return new Result(plan, !dryRun);
    }

    private static final String STORE = "Datenspeicher/datastore";

    private static void apply(GeoServerClient gs, List<Step> steps, Consumer<Step> progress) {
        for (Step s : steps) {
            progress.accept(s);
            gs.send(s.method(), s.path(), s.contentType(), s.body(), s.action() == Plan.Action.DELETE);
        }
    }

    private void audit(String url, String territory, Plan plan, boolean remove, String actor) throws SQLException {
        var details = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        details.put("geoserver", url);
        details.put("remove", remove);
        details.put("created", plan.count(Plan.Action.CREATE));
        details.put("changed", plan.count(Plan.Action.UPDATE));
        details.put("deleted", plan.count(Plan.Action.DELETE));
        details.put("summary", plan.summary());
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement("insert into atlas.audit_log (territory_id, action, actor, details) "
                + "values ((select territory_id from atlas.territory where key = ?), 'geoserver_sync', ?, ?::jsonb)")) {
            ps.setString(1, territory);
            ps.setString(2, actor);
            ps.setString(3, details.toString());
            ps.executeUpdate();
        }
    }
}
