package de.chancenatlas.core.imports;

/** Receives progress of a long import: {@code done} of {@code total} steps of the named phase. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    void report(String phase, long done, long total);
}
