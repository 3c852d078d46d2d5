package de.chancenatlas.reports;

/**
 * A report that cannot be made because of what was asked: the caller answers 404 or 400 with the
 * message (German / English), never 500.
 */
public class ReportProblem extends RuntimeException {
    private ReportProblem(String message) {
        super(message);
    }

    /** Territory, indicator, level, period or unit unknown (or not readable by this viewer). */
    public static final class NotFound extends ReportProblem {
        public NotFound(String what) {
            super(what);
        }
    }

    /** A parameter that cannot be served (format, dpi, number of units, ...). */
    public static final class BadRequest extends ReportProblem {
        public BadRequest(String message) {
            super(message);
        }
    }
}
