package de.chancenatlas.geoserver;

/**
 * Where the sync publishes and how GeoServer reaches the atlas's database. The database passwords
 * are those of the atlas's reader roles (one per audience); they go to GeoServer in the datastore
 * and nowhere else.
 *
 * @param dbHost     the database host as GeoServer sees it (the atlas's own by default)
 * @param staffRole  the GeoServer role that may read internal workspaces; {@code {TERRITORY}} is
 *                   replaced by the territory key in capitals ({@code ATLAS_KOELN_STAFF})
 */
public record Target(String dbHost, int dbPort, String database, String publicUser, String publicPassword, String internalUser,
                     String internalPassword, String staffRole) {
    public static final String DEFAULT_STAFF_ROLE = "ATLAS_{TERRITORY}_STAFF";
    /** Workspaces of the atlas are named {@code atlas_<territory>} and {@code atlas_<territory>_intern}. */
    public static final String PREFIX = "atlas_";

    public Target {
        if (staffRole == null || staffRole.isBlank()) {
            staffRole = DEFAULT_STAFF_ROLE;
        }
        if (!staffRole.matches("[A-Za-z0-9_{}-]{1,80}")) {
            throw new IllegalArgumentException("GeoServer-Rolle nur aus A–Z, 0–9, _ und - / GeoServer role of A–Z, 0–9, _ and - only: " + staffRole);
        }
    }

    public String staffRole(String territory) {
        return staffRole.replace("{TERRITORY}", territory.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {   // no passwords
        return "Target[" + publicUser + "/" + internalUser + "@" + dbHost + ":" + dbPort + "/" + database + ", role " + staffRole + "]";
    }
}
