package de.chancenatlas.core.access;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The analyst's inversion of a published rate: every whole numerator n with
 * round(n / denominator × scale) equal to the published figure (at its decimals, half up),
 * 0 ≤ n (≤ denominator for shares), and not a count primary suppression would have withheld.
 * Counted by trying each n near figure × denominator / scale, independently of the SQL.
 */
public final class Candidates {
    private Candidates() {
    }

    public static long count(BigDecimal published, BigDecimal denominator, BigDecimal scale, boolean mayExceed, int threshold,
                             boolean suppressZero) {
        int d = Math.max(published.scale(), 0);
        BigDecimal step = BigDecimal.ONE.movePointLeft(d).multiply(denominator).divide(scale, 10, RoundingMode.UP);
        BigDecimal centre = published.multiply(denominator).divide(scale, 10, RoundingMode.HALF_UP);
        long from = Math.max(0, centre.subtract(step).longValue() - 2);
        long to = centre.add(step).longValue() + 2;
        if (!mayExceed) {
            to = Math.min(to, denominator.longValue());
        }
        long n = 0;
        for (long k = from; k <= to; k++) {
            if (k > 0 && k < threshold || suppressZero && k == 0 && threshold > 0) {
                continue;
            }
            BigDecimal rate = BigDecimal.valueOf(k).multiply(scale).divide(denominator, d + 10, RoundingMode.HALF_UP)
                    .setScale(d, RoundingMode.HALF_UP);
            if (rate.compareTo(published) == 0) {
                n++;
            }
        }
        return n;
    }
}
