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

    /**
     * The atlas's own database as GeoServer reaches it, connecting as the reader roles.
     *
     * @param host a host name GeoServer uses for the database when it differs from the atlas's (null: the same)
     */
    public static Target of(de.chancenatlas.core.db.AtlasDatabase db, String host, Integer port, String staffRole) {
        var m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(db.jdbcUrl());
        if (!m.find()) {
            throw new IllegalStateException("Datenbankadresse nicht lesbar / database address not readable");
        }
        var pub = de.chancenatlas.core.db.Audience.PUBLIC;
        var in = de.chancenatlas.core.db.Audience.INTERNAL;
        return new Target(host != null ? host : m.group(1), port != null ? port : m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)),
                m.group(3), pub.role(), db.password(pub), in.role(), db.password(in), staffRole);
    }

    public String staffRole(String territory) {
        return staffRole.replace("{TERRITORY}", territory.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {   // no passwords
        return "Target[" + publicUser + "/" + internalUser + "@" + dbHost + ":" + dbPort + "/" + database + ", role " + staffRole + "]";
    }
}
