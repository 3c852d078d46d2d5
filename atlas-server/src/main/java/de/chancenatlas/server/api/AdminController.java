package de.chancenatlas.server.api;

import de.chancenatlas.core.access.AccessProblem;
import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.admin.AuditLog;
import de.chancenatlas.core.admin.TerritorySettings;
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
import org.springframework.web.bind.annotation.PatchMapping;
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
    private final AuditLog auditLog;
    private final TerritorySettings territorySettings;

    public AdminController(Accounts accounts, Publication publication, javax.sql.DataSource ds) {
        this.accounts = accounts;
        this.publication = publication;
        this.auditLog = new AuditLog(ds);
        this.territorySettings = new TerritorySettings(ds);
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

    /** The first role of a new user (a territory administrator must give one: users without a grant there are not theirs). */
    public record FirstGrant(String territory, String role, String department) { }

    public record NewUser(String login, String display_name, String email, String password, Boolean global_admin, FirstGrant grant) { }

    /**
     * Creates a user; without a password the answer carries a one-time password to hand over (shown
     * once; the user must change it at first login). With {@code grant}, the user gets that role at once.
     */
    @PostMapping("/users")
    public ResponseEntity<Map<String, Object>> createUser(@RequestBody NewUser body, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        boolean global = Boolean.TRUE.equals(body.global_admin());
        FirstGrant g = body.grant();
        if (!(a.globalAdmin() || (!global && !a.adminTerritories().isEmpty()))) {
            throw AccessProblem.forbidden();
        }
        if (!a.globalAdmin() && g == null) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Bitte eine Rolle in Ihrem Gebiet angeben / a role in your territory is required",
                    "role");
        }
        Account.Role role = null;
        if (g != null) {
            Principals.admin(p, g.territory());
            role = role(g.role());
            String dep = g.department() == null || g.department().isBlank() ? null : g.department();
            if ((role == Account.Role.editor) != (dep != null)) {
                throw new AccessProblem(AccessProblem.Kind.INVALID, "Bearbeiter brauchen einen Fachbereich, andere Rollen keinen "
                        + "/ editors need a department, other roles none", "department");
            }
            if (dep != null && accounts.departments(g.territory()).stream().noneMatch(d -> dep.equals(d.get("key")))) {
                throw new AccessProblem(AccessProblem.Kind.INVALID, "Fachbereich „" + dep + "“ gibt es nicht / no such department", "department");
            }
        }
        String oneTime = accounts.createUser(body.login(), body.display_name(), body.email(), body.password(), global, a.login());
        if (g != null) {
            accounts.grant(body.login(), g.territory(), role, g.department() == null || g.department().isBlank() ? null : g.department(), a.login());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("login", body.login());
        if (oneTime != null) {
            m.put("one_time_password", oneTime);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    /** The users an administrator manages (global: all; territory administrators: those with grants there), optionally searched. */
    @GetMapping("/users")
    public List<Map<String, Object>> users(@RequestParam(required = false) String q, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        if (!a.globalAdmin() && a.adminTerritories().isEmpty()) {
            throw AccessProblem.forbidden();
        }
        return accounts.list(a, q);
    }

    public record UserChange(String display_name, String email, Boolean disabled) { }

    /**
     * Changes name and e-mail, disables or enables an account. Disabling needs the right over all of the
     * user's territories (a territory administrator cannot lock someone out of another territory), and
     * nobody disables themselves.
     */
    @PatchMapping("/users/{login}")
    public Map<String, Object> updateUser(@PathVariable String login, @RequestBody UserChange body, Principal p) throws SQLException {
        Account a = administering(login, p);
        de.chancenatlas.core.admin.FieldErrors errors = new de.chancenatlas.core.admin.FieldErrors();
        if (body.display_name() != null && (body.display_name().length() > 200 || body.display_name().chars().anyMatch(Character::isISOControl))) {
            errors.add("display_name", "Höchstens 200 Zeichen, keine Steuerzeichen / at most 200 characters");
        }
        if (body.email() != null && !body.email().isBlank() && !body.email().strip().matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}")) {
            errors.add("email", "Keine gültige E-Mail-Adresse / not a valid e-mail address");
        }
        if (body.disabled() != null) {
            Account u = accounts.find(login).orElseThrow();
            if (u.login().equalsIgnoreCase(a.login())) {
                errors.add("disabled", "Das eigene Konto lässt sich nicht deaktivieren / you cannot disable your own account");
            } else if (!a.globalAdmin() && u.grants().stream().anyMatch(g -> !a.isAdmin(g.territory()))) {
                throw new AccessProblem(AccessProblem.Kind.FORBIDDEN, "Das Konto hat Rollen in Gebieten, die Sie nicht verwalten; "
                        + "deaktivieren kann es die Gesamtadministration / the account has roles in territories you do not administer");
            }
        }
        errors.throwIfAny();
        accounts.update(login, body.display_name(), body.email(), body.disabled(), a.login());
        return accounts.list(a, null).stream().filter(u -> login.equalsIgnoreCase((String) u.get("login"))).findFirst()
                .orElseThrow(() -> new ApiErrors.NotFound("user " + login));
    }

    /** A user's API tokens (without the tokens themselves), for their administrators. */
    @GetMapping("/users/{login}/tokens")
    public List<Map<String, Object>> userTokens(@PathVariable String login, Principal p) throws SQLException {
        administering(login, p);
        return accounts.tokens(login);
    }

    /** Revokes a user's token (e.g. a leaked one); it no longer authenticates from this moment. */
    @DeleteMapping("/users/{login}/tokens/{id}")
    public Map<String, Object> revokeUserToken(@PathVariable String login, @PathVariable int id, Principal p) throws SQLException {
        Account a = administering(login, p);
        if (!accounts.revokeToken(login, id, a.login())) {
            throw new ApiErrors.NotFound("token " + id);
        }
        return Map.of("id", id, "status", "revoked");
    }

    /**
     * The audit log, newest first, paged: who did what when. Territory administrators read their
     * territories' entries and the account entries about their users; {@code territory} narrows to one.
     */
    @GetMapping("/audit")
    public Map<String, Object> audit(@RequestParam(required = false) String territory, @RequestParam(required = false) String user,
                                     @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page,
                                     @RequestParam(defaultValue = "50") int size, Principal p) throws SQLException {
        Account a = Principals.staff(p);
        if (territory != null && !territory.isBlank()) {
            Principals.admin(p, territory);
        } else if (!a.globalAdmin() && a.adminTerritories().isEmpty()) {
            throw AccessProblem.forbidden();
        }
        return auditLog.read(a, new AuditLog.Query(territory, user, action, from, to, page, size));
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

    /** Deletes a department; its editors lose that role (answered as {@code editors}), its data stay. */
    @DeleteMapping("/territories/{territory}/departments/{key}")
    public Map<String, Object> deleteDepartment(@PathVariable String territory, @PathVariable String key, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        List<String> editors = accounts.deleteDepartment(territory, key, a.login());
        if (editors == null) {
            throw new ApiErrors.NotFound("department " + key);
        }
        return Map.of("territory", territory, "department", key, "editors", editors);
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

    /**
     * Changes the territory's settings (see {@link TerritorySettings}): {@code report_name}, {@code colour},
     * {@code population_indicator}, {@code min_published}, {@code disclosure}; a field left out stays.
     * Every field is checked first; refusals come as {@code errors: [{field, message}]} and change nothing.
     */
    @PutMapping("/territories/{territory}/settings")
    public Map<String, Object> settings(@PathVariable String territory, @RequestBody Map<String, Object> body, Principal p) throws SQLException {
        Account a = Principals.admin(p, territory);
        territorySettings.save(territory, body, a.login());
        return publication.status(territory);
    }
}
