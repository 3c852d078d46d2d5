package de.chancenatlas.core.admin;

import de.chancenatlas.core.db.Transactions;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Administrative actions on whole territories; each is explicit and logged. */
public final class TerritoryAdmin {
    private final DataSource ds;

    public TerritoryAdmin(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Deletes a territory with all its data (values, history, units, catalogue, batches) in one
     * transaction and records who did it. Returns false when there was no such territory.
     */
    public boolean deleteTerritory(String key, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            int id;
            try (var ps = c.prepareStatement("select territory_id from atlas.territory where key = ? for update")) {
                ps.setString(1, key);
                var rs = ps.executeQuery();
                if (!rs.next()) {
                    return false;
                }
                id = rs.getInt(1);
            }
            try (var st = c.createStatement()) {
                for (String table : new String[] {"indicator_value_history", "indicator_value", "facility", "unit_closure"}) {
                    st.execute("delete from atlas." + table + " where territory_id = " + id);
                }
                st.execute("update atlas.spatial_unit set parent_id = null where territory_id = " + id);
                for (String table : new String[] {"spatial_unit", "indicator", "theme", "unit_level", "import_batch"}) {
                    st.execute("delete from atlas." + table + " where territory_id = " + id);
                }
                st.execute("delete from atlas.territory where territory_id = " + id);
            }
            try (var log = c.prepareStatement("insert into atlas.audit_log (territory_id, action, actor, details) "
                    + "values (null, 'delete_territory', ?, jsonb_build_object('territory', ?::text, 'territory_id', ?))")) {
                log.setString(1, actor);
                log.setString(2, key);
                log.setInt(3, id);
                log.executeUpdate();
            }
            return true;
        });
    }
}
