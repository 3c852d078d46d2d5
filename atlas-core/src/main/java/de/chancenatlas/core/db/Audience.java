package de.chancenatlas.core.db;

/**
 * Who a read is for, and so which view family it reads and which database role it connects as
 * (sql/V5). The roles can read their schema and nothing else: defence in depth under the
 * application's own checks.
 */
public enum Audience {
    /** Anonymous users: published indicators of live territories, disclosure control applied. */
    PUBLIC("atlas_public", "atlas_public_reader"),
    /** Staff readers of a territory: every indicator with its true values. */
    INTERNAL("atlas_internal", "atlas_internal_reader");

    private final String schema;
    private final String role;

    Audience(String schema, String role) {
        this.schema = schema;
        this.role = role;
    }

    public String schema() {
        return schema;
    }

    /** The database role (login) of this audience. */
    public String role() {
        return role;
    }
}
