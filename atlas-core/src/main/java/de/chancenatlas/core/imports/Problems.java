package de.chancenatlas.core.imports;

import java.util.ArrayList;
import java.util.List;

/** Collects problems of one input; keeps the first {@link ImportRejected#MAX_LISTED}, counts all. */
public final class Problems {
    private final List<Problem> listed = new ArrayList<>();
    private int total;

    public void add(Problem p) {
        total++;
        if (listed.size() < ImportRejected.MAX_LISTED) {
            listed.add(p);
        }
    }

    /** Adds another collection's problems after this one's (keeps the order of lines). */
    public void addAll(Problems other) {
        for (Problem p : other.listed) {
            add(p);
        }
        total += other.total - other.listed.size();
    }

    public int count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Throws {@link ImportRejected} if anything was found. */
    public void throwIfAny() {
        if (total > 0) {
            throw new ImportRejected(listed, total);
        }
    }
}
