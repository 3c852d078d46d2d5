package de.chancenatlas.core.read;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the materialised views (public values with disclosure control, public and internal map
 * layers) in step with the data. Writers do not refresh them: readers call {@link #ensureFresh()},
 * which compares a generation number (three index lookups, well under a millisecond) and
 * refreshes concurrently when it moved; so a read after a write sees the write, and readers of
 * the old state are never blocked.
 */
public final class PublishedViews {
    private static final Logger log = LoggerFactory.getLogger(PublishedViews.class);
    /** Logged actions that change values, units or what is published (account actions do not). */
    private static final String DATA_ACTIONS = "'publish', 'withdraw', 'settings', 'revert_batch', 'dissolve_units', 'delete_territory'";
    private static final String[] VIEWS = {"atlas_public.indicator_value", "atlas_public.layer_value", "atlas_public.unit_geometry",
        "atlas_internal.layer_value"};

    private static final String GENERATION = "select coalesce(max(batch_id), 0) * 1000 + (select count(*) from atlas.territory) "
            + "+ coalesce((select max(audit_id) from atlas.audit_log where action in (" + DATA_ACTIONS + ")), 0) * 1000000 "
            + "from atlas.import_batch";

    private final DataSource owner;
    private volatile long generation = -1;

    /** @param owner a connection pool of the schema owner: refreshing needs it, the reader roles cannot */
    public PublishedViews(DataSource owner) {
        this.owner = owner;
    }

    /** A number that changes whenever the catalogue, boundaries, values or publication change. */
    public long generation() throws SQLException {
        // prepared: after a few calls on a pooled connection the server keeps the plan (every map request asks)
        try (Connection c = owner.getConnection(); var ps = c.prepareStatement(GENERATION); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Refreshes when the data changed since the last refresh; returns the current generation. */
    public long ensureFresh() throws SQLException {
        long g = generation();
        if (g == generation) {
            return g;
        }
        synchronized (this) {
            g = generation();
            if (g != generation) {
                long t0 = System.nanoTime();
                try (Connection c = owner.getConnection(); var st = c.createStatement()) {
                    for (String v : VIEWS) {
                        st.execute("refresh materialized view concurrently " + v);
                    }
                    // fresh statistics now, not whenever autovacuum comes by: without them the
                    // planner took a layer for one row and a Köln map query ran 240 ms instead of 10
                    for (String v : VIEWS) {
                        st.execute("analyze " + v);
                    }
                }
                log.debug("Published views refreshed in {} ms", (System.nanoTime() - t0) / 1_000_000);
                generation = g;
            }
            return generation;
        }
    }
}
