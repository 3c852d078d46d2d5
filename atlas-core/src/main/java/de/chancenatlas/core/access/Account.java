package de.chancenatlas.core.access;

import de.chancenatlas.core.read.Viewer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff user with the grants held in each territory. The rights rules live here: who reads the
 * internal area, who administers, who may write which indicators (see {@link Accounts#writableIndicators}).
 */
public record Account(int userId, String login, String displayName, String email, String passwordHash, boolean mustChangePassword,
                      boolean globalAdmin, Instant lockedUntil, boolean disabled, List<Grant> grants) {

    public enum Role { admin, editor, reader }

    /** A role in one territory; editors hold it for one department. */
    public record Grant(String territory, Role role, String department) { }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean isAdmin(String territory) {
        return globalAdmin || grants.stream().anyMatch(g -> g.territory().equals(territory) && g.role() == Role.admin);
    }

    /** Any grant in a territory lets one read its internal area. */
    public boolean readsInternal(String territory) {
        return globalAdmin || grants.stream().anyMatch(g -> g.territory().equals(territory));
    }

    public Set<String> departments(String territory) {
        return grants.stream().filter(g -> g.territory().equals(territory) && g.role() == Role.editor)
                .map(Grant::department).collect(Collectors.toUnmodifiableSet());
    }

    /** Territories where this account administers something (global administrators: all). */
    public Set<String> adminTerritories() {
        return grants.stream().filter(g -> g.role() == Role.admin).map(Grant::territory).collect(Collectors.toUnmodifiableSet());
    }

    public Viewer viewer() {
        if (globalAdmin) {
            return Viewer.internal(login);
        }
        return new Viewer(login, grants.stream().map(Grant::territory).collect(Collectors.toUnmodifiableSet()));
    }
}
