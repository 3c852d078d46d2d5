package de.chancenatlas.core.imports;

import java.util.List;

/** An import that wrote nothing because its input has problems; carries every problem found. */
public class ImportRejected extends RuntimeException {
    /** Reporting stops after this many problems; the total is still counted. */
    public static final int MAX_LISTED = 1000;

    private final List<Problem> problems;
    private final int total;

    public ImportRejected(List<Problem> problems, int total) {
        super(total + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0)));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public ImportRejected(Problem single) {
        this(List.of(single), 1);
    }

    public List<Problem> problems() {
        return problems;
    }

    public int total() {
        return total;
    }
}
