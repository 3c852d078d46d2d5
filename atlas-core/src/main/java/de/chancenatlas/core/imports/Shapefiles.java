package de.chancenatlas.core.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs a shapefile and its sidecar files into one zip, the form the boundary import takes. */
public final class Shapefiles {
    private static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg", "qpj");

    private Shapefiles() {
    }

    /**
     * Zips {@code x.shp} with {@code x.shx}, {@code x.dbf}, {@code x.prj}, ... in a fixed order with
     * fixed timestamps, so the same files always give the same bytes (and the same checksum).
     */
    public static byte[] zip(Path shp) throws IOException {
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.list(shp.toAbsolutePath().getParent())) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot < 0 || !name.substring(0, dot).equals(base) || !PARTS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                ZipEntry e = new ZipEntry(name);
                e.setTime(0);
                z.putNextEntry(e);
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
