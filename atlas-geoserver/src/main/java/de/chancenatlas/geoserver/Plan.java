package de.chancenatlas.geoserver;

import java.util.List;

/**
 * The changes a sync makes, in the order they are applied, plus warnings (catalogue mode, workspaces
 * of the same name the atlas does not own). Empty steps: GeoServer already matches the atlas.
 */
public record Plan(List<Step> steps, List<String> warnings) {

    public enum Action { CREATE, UPDATE, DELETE }

    /**
     * One REST call. {@link #toString()} names the resource only: a body may hold a database password.
     */
    public record Step(Action action, String kind, String name, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            String sign = switch (action) {
                case CREATE -> "+";
                case UPDATE -> "~";
                case DELETE -> "-";
            };
            return sign + " " + kind + " " + name;
        }
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public long count(Action a) {
        return steps.stream().filter(s -> s.action() == a).count();
    }

    /** One line for logs and the audit: "12 neu / created, 3 geändert / changed, 1 gelöscht / deleted". */
    public String summary() {
        if (steps.isEmpty()) {
            return "GeoServer entspricht dem Atlas, nichts zu tun / GeoServer matches the atlas, nothing to do";
        }
        return count(Action.CREATE) + " neu / created, " + count(Action.UPDATE) + " geändert / changed, "
                + count(Action.DELETE) + " gelöscht / deleted";
    }
}
