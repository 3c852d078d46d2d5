package de.chancenatlas.core.imports;

import java.util.List;

/**
 * What an import did. {@code unchanged} true: the same file was imported before (its batch is
 * {@code batchId}) or every row equalled what was stored, and nothing was written.
 */
public record ImportResult(long batchId, String kind, String fileName, String sha256, int rows, int written,
                           int unchangedRows, boolean unchanged, List<Problem> warnings) {
}
