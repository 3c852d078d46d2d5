package de.chancenatlas.core.access;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The analyst's inversion of a published rate: every whole numerator n with
 * round(n / denominator × scale) equal to the published figure (at its decimals, half up),
 * 0 ≤ n (≤ denominator for shares), and not a count primary suppression would have withheld.
 * Found by bisection on the rounded rate (it grows with n), independently of the SQL's formula.
 */
public final class Candidates {
    private Candidates() {
    }

    public static long count(BigDecimal published, BigDecimal denominator, BigDecimal scale, boolean mayExceed, int threshold,
                             boolean suppressZero) {
        int d = Math.max(published.scale(), 0);
        long max = mayExceed ? published.add(BigDecimal.ONE).multiply(denominator).divide(scale, 0, RoundingMode.UP).longValue() + 2
                : denominator.longValue();
        long from = first(published, denominator, scale, d, max, false);
        long to = first(published, denominator, scale, d, max, true);   // exclusive
        long n = 0;
        for (long k = from; k < to; k++) {
            if (!(k > 0 && k < threshold) && !(suppressZero && k == 0 && threshold > 0)) {
                n++;
            }
        }
        return n;
    }

    /** The first and last numerator a share (n ≤ denominator) leaves possible, gaps of the threshold ignored. */
    public static long[] range(BigDecimal published, BigDecimal denominator, BigDecimal scale) {
        int d = Math.max(published.scale(), 0);
        long max = denominator.longValue();
        return new long[] {first(published, denominator, scale, d, max, false), first(published, denominator, scale, d, max, true) - 1};
    }

    /** The smallest n in [0, max + 1] whose rounded rate is at least (or, with {@code above}, more than) the figure. */
    private static long first(BigDecimal published, BigDecimal denominator, BigDecimal scale, int d, long max, boolean above) {
        long lo = 0;
        long hi = max + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            int c = rate(mid, denominator, scale, d).compareTo(published);
            if (above ? c > 0 : c >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static BigDecimal rate(long n, BigDecimal denominator, BigDecimal scale, int d) {
        return BigDecimal.valueOf(n).multiply(scale).divide(denominator, d + 12, RoundingMode.HALF_UP).setScale(d, RoundingMode.HALF_UP);
    }
}
