package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.server.security.Principals;
import java.security.Principal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration: one's own account and tokens, users and grants, departments, publication and
 * disclosure settings. Territory administrators act within their territories; global
 * administrators everywhere. Every change is logged with its actor.
 */
@RestController
@RequestMapping("/api/v1")
public class AdminController {
    private final Accounts accounts;
    private final Publication publication;

    public AdminController(Accounts accounts, Publication publication) {
        this.accounts = accounts;
        this.publication = publication;
    }

    // ---- one's own account ------------------------------------------------------------------------

    @GetMapping("/me")
    public Map<String, Object> me(Principal p) {
        Account a = Principals.staff(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", a.login());
        m.put("display_name", a.displayName());
        m.put("global_admin", a.globalAdmin());
        m.put("must_change_password", a.mustChangePassword());
        m.put("grants", a.grants());
        return m;
    }

    public record PasswordChange(String old_password, String new_password) { }

    @PostMapping("/me/password")
    public Map<String, Object> changePassword(@RequestBody PasswordChange body, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        accounts.changePassword(a.login(), body.old_password(), body.new_password());
        return Map.of("login", a.login(), "status", "Passwort geändert / password changed");
    }

    public record TokenRequest(String name, Integer valid_days) { }

    /** A new API token; it is shown in this answer only. */
    @PostMapping("/me/tokens")
    public ResponseEntity<Map<String, Object>> createToken(@RequestBody(required = false) TokenRequest body, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        Integer days = body == null ? null : body.valid_days();
        if (days != null && (days < 1 || days > 3650)) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "valid_days: 1–3650");
        }
        String token = accounts.createToken(a.login(), body == null ? null : body.name(), days);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token,
                "hint", "Nur jetzt sichtbar; als 'Authorization: Bearer <token>' senden / shown once; send as 'Authorization: Bearer <token>'"));
    }

    @GetMapping("/me/tokens")
    public List<Map<String, Object>> tokens(Principal p) throws SQLException {
        return accounts.tokens(Principals.staff(p).login());
    }

    @DeleteMapping("/me/tokens/{id}")
    public Map<String, Object> revokeToken(@PathVariable int id, Principal p) throws SQLException {
        if (!accounts.revokeToken(Principals.staff(p).login(), id)) {
            throw new ApiErrors.NotFound("token " + id);
        }
        return Map.of("id", id, "status", "revoked");
    }

    // ---- users ------------------------------------------------------------------------------------

    public record NewUser(String login, String display_name, String email, String password, Boolean global_admin) { }

    /** Creates a user; without a password the answer carries a one-time password to hand over. */
    @PostMapping("/users")
    public ResponseEntity<Map<String, Object>> createUser(@RequestBody NewUser body, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        boolean global = Boolean.TRUE.equals(body.global_admin());
        if (!(a.globalAdmin() || (!global && !a.adminTerritories().isEmpty()))) {
            throw AccessProblem.forbidden();
        }
        String oneTime = accounts.createUser(body.login(), body.display_name(), body.email(), body.password(), global, a.login());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", body.login());
        if (oneTime != null) {
            m.put("one_time_password", oneTime);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    @GetMapping("/users")
    public List<Map<String, Object>> users(Principal p) throws SQLException {
        Account a = Principals.staff(p);
        if (!a.globalAdmin() && a.adminTerritories().isEmpty()) {
            throw AccessProblem.forbidden();
        }
        return accounts.list(a);
    }

    /** Unlocks a locked account; administrators of a territory the user works in, or global ones. */
    @PostMapping("/users/{login}/unlock")
    public Map<String, Object> unlock(@PathVariable String login, Principal p) throws SQLException {
        Account a = administering(login, p);
        accounts.unlock(login, a.login());
        return Map.of("login", login, "status", "entsperrt / unlocked");
    }

    @PostMapping("/users/{login}/password-reset")
    public Map<String, Object> resetPassword(@PathVariable String login, Principal p) throws SQLException {
        Account a = administering(login, p);
        return Map.of("login", login, "one_time_password", accounts.resetPassword(login, a.login()));
    }

    /** The acting account if it may administer that user (global admin, or admin where the user has grants). */
    private Account administering(String login, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        Account u = accounts.find(login).orElseThrow(() -> new ApiErrors.NotFound("user " + login));
        boolean ok = a.globalAdmin() || (!u.globalAdmin() && u.grants().stream().anyMatch(g -> a.isAdmin(g.territory())));
        if (!ok) {
            throw AccessProblem.forbidden();
        }
        return a;
    }

    // ---- grants and departments --------------------------------------------------------------------

    public record GrantRequest(String login, String role, String department) { }

    @PostMapping("/territories/{territory}/grants")
    public ResponseEntity<Map<String, Object>> grant(@PathVariable String territory, @RequestBody GrantRequest body, Principal p)
            throws SQLException {
        Account a = Principals.admin(p, territory);
        accounts.grant(body.login(), territory, role(body.role()), body.department(), a.login());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("login", body.login(), "territory", territory, "role", body.role()));
    }

    @DeleteMapping("/territories/{territory}/grants")
    public Map<String, Object> revoke(@PathVariable String territory, @RequestParam String login, @RequestParam String role,
                                      @RequestParam(required = false) String department, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        if (!accounts.revoke(login, territory, role(role), department, a.login())) {
            throw new ApiErrors.NotFound("grant");
        }
        return Map.of("login", login, "territory", territory, "role", role, "status", "revoked");
    }

    private static Account.Role role(String r) {
        try {
            return Account.Role.valueOf(r == null ? "" : r);
        } catch (IllegalArgumentException e) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Rolle: admin, editor oder reader / role: admin, editor or reader");
        }
    }

    public record Department(String key, String name, List<String> themes, List<String> indicators) { }

    @PostMapping("/territories/{territory}/departments")
    public ResponseEntity<Map<String, Object>> saveDepartment(@PathVariable String territory, @RequestBody Department body, Principal p)
            throws SQLException {
        Account a = Principals.admin(p, territory);
        if (body.key() == null || body.name() == null) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "key und name fehlen / key and name are required");
        }
        accounts.saveDepartment(territory, body.key(), body.name(), body.themes(), body.indicators(), a.login());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("territory", territory, "department", body.key()));
    }

    @GetMapping("/territories/{territory}/departments")
    public List<Map<String, Object>> departments(@PathVariable String territory, Principal p) throws SQLException {
        if (!Principals.staff(p).readsInternal(territory)) {
            throw AccessProblem.forbidden();
        }
        return accounts.departments(territory);
    }

    // ---- publication and disclosure ---------------------------------------------------------------

    @GetMapping("/territories/{territory}/publication")
    public Map<String, Object> publication(@PathVariable String territory, Principal p) throws SQLException {
        if (!Principals.staff(p).readsInternal(territory)) {
            throw AccessProblem.forbidden();
        }
        return publication.status(territory);
    }

    public record Levels(List<String> levels) { }

    /** Publishes an indicator on the given levels (all polygon levels when none are given). */
    @PostMapping("/territories/{territory}/indicators/{key}/publication")
    public Map<String, Object> publish(@PathVariable String territory, @PathVariable String key, @RequestBody(required = false) Levels body,
                                       Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        List<String> done = publication.publish(territory, key, body == null ? null : body.levels(), a.login());
        // a level that cannot have values is published as asked, with the reason it shows an empty map (structured in no_values)
        List<Map<String, String>> noValues = publication.warnings(territory, key, body == null ? null : body.levels());
        List<String> warnings = new java.util.ArrayList<>(publication.derivable(territory, key));
        noValues.forEach(w -> warnings.add(w.get("level") + ": " + w.get("de") + " / " + w.get("en")));
        return Map.of("indicator", key, "published", done, "warnings", warnings, "no_values", noValues,
                "publication", publication.status(territory));
    }

    @DeleteMapping("/territories/{territory}/indicators/{key}/publication")
    public Map<String, Object> withdraw(@PathVariable String territory, @PathVariable String key,
                                        @RequestParam(required = false) List<String> levels, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        List<String> done = publication.withdraw(territory, key, levels, a.login());
        return Map.of("indicator", key, "withdrawn", done, "warnings", publication.derivable(territory, key),
                "publication", publication.status(territory));
    }

    /** What disclosure control withheld in the territory's public area, by rule, indicator, level and period. */
    @GetMapping("/territories/{territory}/disclosure")
    public Map<String, Object> disclosure(@PathVariable String territory, Principal p) throws SQLException {
        Principals.admin(p, territory);
        return publication.disclosureReport(territory);
    }

    public record Settings(Map<String, Object> disclosure, Integer min_published) { }

    /** Replaces the territory's disclosure settings and/or the minimum of published indicators. */
    @PutMapping("/territories/{territory}/settings")
    public Map<String, Object> settings(@PathVariable String territory, @RequestBody Settings body, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        publication.saveSettings(territory, body.disclosure(), body.min_published(), a.login());
        return publication.status(territory);
    }
}
