package de.chancenatlas.core.access;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an analyst can compute from public figures by adding and subtracting: the rows of known
 * linear forms over the true counts (relations that sum to zero, published counts as unit rows),
 * kept in echelon form with exact integer arithmetic. A cell is determined when its unit vector
 * lies in the row space.
 */
public final class LinearAudit {
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<BigInteger[]> pivots = new ArrayList<>();
    private final List<Integer> pivotColumns = new ArrayList<>();
    private final List<Map<Integer, BigInteger>> pending = new ArrayList<>();
    private boolean dirty;

    private int column(String cell) {
        return columns.computeIfAbsent(cell, c -> columns.size());
    }

    /** A relation: the coefficients times the true counts sum to zero (a sum: total 1, parts -1). */
    public void relation(Map<String, Integer> coefficients) {
        Map<Integer, BigInteger> row = new HashMap<>();
        coefficients.forEach((cell, k) -> row.put(column(cell), BigInteger.valueOf(k)));
        pending.add(row);
        dirty = true;
    }

    /** A count that is published exactly. */
    public void known(String cell) {
        relation(Map.of(cell, 1));
    }

    /** Whether the cell's count follows from the known rows. */
    public boolean determined(String cell) {
        int c = column(cell);
        build();
        BigInteger[] e = new BigInteger[columns.size()];
        java.util.Arrays.fill(e, BigInteger.ZERO);
        e[c] = BigInteger.ONE;
        return reduce(e) == null;
    }

    private void build() {
        if (!dirty) {
            return;
        }
        for (Map<Integer, BigInteger> r : pending) {
            BigInteger[] row = new BigInteger[columns.size()];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            r.forEach((k, v) -> row[k] = v);
            BigInteger[] reduced = reduce(row);
            if (reduced != null) {
                int p = 0;
                while (reduced[p].signum() == 0) {
                    p++;
                }
                pivots.add(reduced);
                pivotColumns.add(p);
            }
        }
        pending.clear();
        dirty = false;
    }

    /** The row reduced against the pivots (extended to the current width); null when nothing is left. */
    private BigInteger[] reduce(BigInteger[] row) {
        BigInteger[] r = row;
        for (int i = 0; i < pivots.size(); i++) {
            BigInteger[] p = widen(pivots.get(i), r.length);
            int c = pivotColumns.get(i);
            if (r[c].signum() != 0) {
                BigInteger a = p[c];
                BigInteger b = r[c];
                BigInteger[] next = new BigInteger[r.length];
                BigInteger g = BigInteger.ZERO;
                for (int k = 0; k < r.length; k++) {
                    next[k] = r[k].multiply(a).subtract(p[k].multiply(b));
                    g = g.gcd(next[k]);
                }
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                    for (int k = 0; k < r.length; k++) {
                        next[k] = next[k].divide(g);
                    }
                }
                r = next;
            }
        }
        for (BigInteger v : r) {
            if (v.signum() != 0) {
                return r;
            }
        }
        return null;
    }

    private static BigInteger[] widen(BigInteger[] row, int width) {
        if (row.length >= width) {
            return row;
        }
        BigInteger[] w = java.util.Arrays.copyOf(row, width);
        java.util.Arrays.fill(w, row.length, width, BigInteger.ZERO);
        return w;
    }
}
