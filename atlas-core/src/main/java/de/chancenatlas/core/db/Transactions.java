package de.chancenatlas.core.db;

import de.chancenatlas.core.imports.Batches;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * All-or-nothing writes: the work runs in one transaction that is committed when it returns and
 * rolled back when it throws. An integrity error of the schema (a constraint or trigger refused
 * the data) comes out as a readable rejection instead of a bare SQL error.
 */
public final class Transactions {
    private Transactions() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                RuntimeException readable = Batches.integrity(e);
                if (readable != null) {
                    throw readable;
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
