package de.chancenatlas.core.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded file with who sent it: the provenance of an import batch. */
public record ImportSource(String fileName, byte[] content, String actor) {

    public ImportSource {
        if (fileName == null || fileName.isBlank()) {
            fileName = "upload";
        }
        fileName = fileName.replaceAll("[\\p{Cntrl}]", "").replaceAll(".*[/\\\\]", "");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an import needs an actor");
        }
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String extension() {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
