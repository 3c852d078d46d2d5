package de.chancenatlas.core.read;

import java.util.Set;

/**
 * Who is reading. Every read of the atlas goes through {@link AtlasReader} with a viewer, so the
 * access policy has one place to act. Anonymous viewers see the public area only.
 *
 * @param name        login name, or "anonymous"
 * @param territories territories whose internal area the viewer may read
 */
public record Viewer(String name, Set<String> territories) {
    public static final Viewer ANONYMOUS = new Viewer("anonymous", Set.of());

    public boolean isInternalFor(String territory) {
        return territories.contains(territory) || territories.contains("*");
    }

    /** Staff with internal read rights on every territory (administrators, command-line tools). */
    public static Viewer internal(String name) {
        return new Viewer(name, Set.of("*"));
    }
}
