package de.chancenatlas.core.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of facilities (the check of {@code atlas.facility.facility_type}): their key, their
 * German plural for layer titles, the other names files use for them, and their colour on maps
 * (qualitative, ColorBrewer "Set1", distinct from the sequential choropleth palettes).
 */
public enum FacilityType {
    SCHULE("Schulen", "#377eb8", "schulen"),
    KITA("Kitas", "#4daf4a", "kitas", "kindertageseinrichtung", "kindertagesstätte"),
    JUGENDZENTRUM("Jugendzentren", "#ff7f00", "jugendfreizeiteinrichtung"),
    FAMILIENZENTRUM("Familienzentren", "#984ea3"),
    BERATUNGSSTELLE("Beratungsstellen", "#e41a1c", "beratung"),
    SONSTIGE("Sonstige Einrichtungen", "#666666");

    private final String plural;
    private final String colour;
    private final List<String> aliases;

    FacilityType(String plural, String colour, String... aliases) {
        this.plural = plural;
        this.colour = colour;
        this.aliases = List.of(aliases);
    }

    /** The key stored in the database and used in layer names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String plural() {
        return plural;
    }

    public String colour() {
        return colour;
    }

    /** The type a file names by its key or another common name, in any case. */
    public static Optional<FacilityType> named(String name) {
        String n = name.strip().toLowerCase(Locale.GERMANY);
        for (FacilityType t : values()) {
            if (t.key().equals(n) || t.aliases.contains(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
