package de.chancenatlas.server.security;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.read.Viewer;
import java.security.Principal;
import org.springframework.security.core.Authentication;

/** From the authenticated principal of a request to the atlas's notions: a viewer, an account. */
public final class Principals {
    private Principals() {
    }

    /** Staff read the internal area of their territories; everyone else is anonymous. */
    public static Viewer viewer(Principal p) {
        return account(p).map(Account::viewer).orElse(Viewer.ANONYMOUS);
    }

    public static java.util.Optional<Account> account(Principal p) {
        if (p instanceof Authentication a && a.getPrincipal() instanceof StaffUser u) {
            return java.util.Optional.of(u.account());
        }
        return java.util.Optional.empty();
    }

    /** The account of a signed-in user, or 403. */
    public static Account staff(Principal p) {
        return account(p).orElseThrow(AccessProblem::forbidden);
    }

    /** The account if it administers the territory, else 403. */
    public static Account admin(Principal p, String territory) {
        Account a = staff(p);
        if (!a.isAdmin(territory)) {
            throw AccessProblem.forbidden();
        }
        return a;
    }
}
