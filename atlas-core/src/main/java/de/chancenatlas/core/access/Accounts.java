package de.chancenatlas.core.access;

import de.chancenatlas.core.db.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts in the database: passwords (hashed by the given encoder, bcrypt by default),
 * lockout after repeated failures, one-time passwords, API tokens, departments and grants.
 * Every change is written to the audit log with its actor.
 */
public final class Accounts {
    /** Consecutive failed logins before an account is locked, and for how long. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final DataSource ds;
    private final PasswordEncoder encoder;

    public Accounts(DataSource ds, PasswordEncoder encoder) {
        this.ds = ds;
        this.encoder = encoder;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    // ---- users -----------------------------------------------------------------------------

    /**
     * Creates a user. Without a password a one-time password is generated and returned; it must be
     * changed at first login. A given password is checked against the policy and need not be changed.
     */
    public String createUser(String login, String displayName, String email, String password, boolean globalAdmin, String actor)
            throws SQLException {
        if (login == null || !login.matches("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}")) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Ungültiger Benutzername „" + login
                    + "“ (2–64 Zeichen: Buchstaben, Ziffern, . _ @ -) / invalid login", "login");
        }
        String pw = password == null || password.isBlank() ? oneTimePassword() : checkPolicy(login, password);
        boolean oneTime = password == null || password.isBlank();
        Transactions.inTransaction(ds, c -> {
            if (find(c, login).isPresent()) {
                throw new AccessProblem(AccessProblem.Kind.CONFLICT, "Benutzer „" + login + "“ gibt es schon / user exists", "login");
            }
            try (var ps = c.prepareStatement("insert into atlas.app_user (login, display_name, email, password_hash, must_change_password, "
                    + "global_admin, password_changed_at) values (?, ?, ?, ?, ?, ?, now())")) {
                ps.setString(1, login);
                ps.setString(2, displayName);
                ps.setString(3, email);
                ps.setString(4, encoder.encode(pw));
                ps.setBoolean(5, oneTime);
                ps.setBoolean(6, globalAdmin);
                ps.executeUpdate();
            }
            audit(c, null, "create_user", actor, Map.of("login", login, "global_admin", globalAdmin));
            return null;
        });
        return oneTime ? pw : null;
    }

    /**
     * The atlas account of a person the directory (LDAP/AD) has authenticated: created on first
     * login without grants and with an unusable local password; rights are granted in the atlas.
     */
    public Account directoryAccount(String login, String displayName) throws SQLException {
        Optional<Account> known = find(login);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("insert into atlas.app_user (login, display_name, password_hash, must_change_password) "
                    + "values (?, ?, ?, false) on conflict do nothing")) {
                ps.setString(1, login);
                ps.setString(2, displayName);
                ps.setString(3, encoder.encode(HexFormat.of().formatHex(b)));   // a secret nobody holds: no local login
                ps.executeUpdate();
            }
            audit(c, null, "create_user", "directory", Map.of("login", login, "source", "ldap"));
            return null;
        });
        return find(login).orElseThrow();
    }

    /** Whether any global administrator exists (the first start creates one). */
    public boolean hasGlobalAdmin() throws SQLException {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select exists (select 1 from atlas.app_user where global_admin and not disabled)");
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public Optional<Account> find(String login) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return find(c, login);
        }
    }

    private static Optional<Account> find(Connection c, String login) throws SQLException {
        try (var ps = c.prepareStatement("select user_id, login, display_name, email, password_hash, must_change_password, global_admin, "
                + "locked_until, disabled from atlas.app_user where lower(login) = lower(?)")) {
            ps.setString(1, login);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            int id = rs.getInt(1);
            Timestamp locked = rs.getTimestamp(8);
            return Optional.of(new Account(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                    rs.getBoolean(7), locked == null ? null : locked.toInstant(), rs.getBoolean(9), grants(c, id)));
        }
    }

    private static List<Account.Grant> grants(Connection c, int userId) throws SQLException {
        try (var ps = c.prepareStatement("select t.key, g.role, d.key from atlas.user_grant g join atlas.territory t using (territory_id) "
                + "left join atlas.department d on d.department_id = g.department_id where g.user_id = ? order by t.key, g.role, d.key")) {
            ps.setInt(1, userId);
            var rs = ps.executeQuery();
            List<Account.Grant> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Account.Grant(rs.getString(1), Account.Role.valueOf(rs.getString(2)), rs.getString(3)));
            }
            return out;
        }
    }

    /** Users visible to an administrator: all for global administrators, else those with grants in their territories. */
    public List<Map<String, Object>> list(Account admin) throws SQLException {
        return list(admin, null);
    }

    /**
     * As {@link #list(Account)}, narrowed by a search text (part of login, name or e-mail, any case).
     * Each user with status (disabled, locked and until when, one-time password pending), last login and grants.
     */
    public List<Map<String, Object>> list(Account admin, String query) throws SQLException {
        String q = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select u.login, u.display_name, u.email, u.global_admin, u.disabled, u.locked_until > now(), "
                     + "u.must_change_password, u.user_id, to_char(u.locked_until at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                     + "to_char(u.last_login_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                     + "to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                     + "from atlas.app_user u where (? or exists (select 1 from atlas.user_grant g "
                     + "join atlas.territory t using (territory_id) where g.user_id = u.user_id and t.key = any (?))) "
                     + "and (?::text is null or lower(u.login) like ? or lower(coalesce(u.display_name, '')) like ? "
                     + "or lower(coalesce(u.email, '')) like ?) order by lower(u.login)")) {
            ps.setBoolean(1, admin.globalAdmin());
            ps.setArray(2, c.createArrayOf("text", admin.adminTerritories().toArray()));
            for (int i = 3; i <= 6; i++) {
                ps.setString(i, q);
            }
            var rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("login", rs.getString(1));
                m.put("display_name", rs.getString(2));
                m.put("email", rs.getString(3));
                m.put("global_admin", rs.getBoolean(4));
                m.put("disabled", rs.getBoolean(5));
                m.put("locked", rs.getBoolean(6));
                m.put("must_change_password", rs.getBoolean(7));
                m.put("locked_until", rs.getBoolean(6) ? rs.getString(9) : null);
                m.put("last_login_at", rs.getString(10));
                m.put("created_at", rs.getString(11));
                m.put("grants", grants(c, rs.getInt(8)));
                out.add(m);
            }
            return out;
        }
    }

    /**
     * Changes a user's name and e-mail address, and disables or enables the account (a disabled
     * account can neither log in nor use its tokens). A null argument leaves that part as it is.
     */
    public void update(String login, String displayName, String email, Boolean disabled, String actor) throws SQLException {
        Account a = find(login).orElseThrow(() -> notFound(login));
        Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("update atlas.app_user set display_name = case when ? then ? else display_name end, "
                    + "email = case when ? then ? else email end, disabled = coalesce(?, disabled) where user_id = ?")) {
                ps.setBoolean(1, displayName != null);
                ps.setString(2, displayName == null || displayName.isBlank() ? null : displayName.strip());
                ps.setBoolean(3, email != null);
                ps.setString(4, email == null || email.isBlank() ? null : email.strip());
                ps.setObject(5, disabled);
                ps.setInt(6, a.userId());
                ps.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("login", a.login());
            if (displayName != null) {
                details.put("display_name", displayName);
            }
            if (email != null) {
                details.put("email", email);
            }
            if (disabled != null) {
                details.put("disabled", disabled);
            }
            audit(c, null, disabled == null ? "update_user" : disabled ? "disable_user" : "enable_user", actor, details);
            return null;
        });
    }

    // ---- passwords and lockout ------------------------------------------------------------------

    /** Changes one's own password; the old one must be given. */
    public void changePassword(String login, String oldPassword, String newPassword) throws SQLException {
        Account a = find(login).orElseThrow(AccessProblem::forbidden);
        if (oldPassword == null || !encoder.matches(oldPassword, a.passwordHash())) {
            throw new AccessProblem(AccessProblem.Kind.FORBIDDEN, "Das bisherige Passwort stimmt nicht / the current password is wrong");
        }
        if (encoder.matches(newPassword == null ? "" : newPassword, a.passwordHash())) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Das neue Passwort muss sich vom alten unterscheiden / must differ from the old one");
        }
        setPassword(a, checkPolicy(login, newPassword), false, login);
    }

    /** An administrator resets a password: returns a one-time password, and unlocks the account. */
    public String resetPassword(String login, String actor) throws SQLException {
        Account a = find(login).orElseThrow(() -> notFound(login));
        String pw = oneTimePassword();
        setPassword(a, pw, true, actor);
        return pw;
    }

    private void setPassword(Account a, String password, boolean oneTime, String actor) throws SQLException {
        Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("update atlas.app_user set password_hash = ?, must_change_password = ?, failed_logins = 0, "
                    + "locked_until = null, password_changed_at = now() where user_id = ?")) {
                ps.setString(1, encoder.encode(password));
                ps.setBoolean(2, oneTime);
                ps.setInt(3, a.userId());
                ps.executeUpdate();
            }
            audit(c, null, oneTime ? "reset_password" : "change_password", actor, Map.of("login", a.login()));
            return null;
        });
    }

    static String checkPolicy(String login, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Das Passwort braucht mindestens " + MIN_PASSWORD_LENGTH
                    + " Zeichen / the password needs at least " + MIN_PASSWORD_LENGTH + " characters", "password");
        }
        if (password.toLowerCase().contains(login.toLowerCase())) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Das Passwort darf den Benutzernamen nicht enthalten / must not contain the login",
                    "password");
        }
        return password;
    }

    /** Counts a failed login; the account locks for {@link #LOCK_TIME} after {@link #MAX_FAILURES} in a row. */
    public void recordFailure(String login) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("update atlas.app_user set failed_logins = failed_logins + 1, "
                     + "locked_until = case when failed_logins + 1 >= ? then now() + make_interval(secs => ?) else locked_until end "
                     + "where lower(login) = lower(?) returning failed_logins, locked_until")) {
            ps.setInt(1, MAX_FAILURES);
            ps.setLong(2, LOCK_TIME.toSeconds());
            ps.setString(3, login);
            var rs = ps.executeQuery();
            if (rs.next() && rs.getInt(1) == MAX_FAILURES) {
                try (var log = c.prepareStatement("insert into atlas.audit_log (action, actor, details) values ('lock_user', 'system', "
                        + "jsonb_build_object('login', ?::text))")) {
                    log.setString(1, login);
                    log.executeUpdate();
                }
            }
        }
    }

    public void recordSuccess(String login) throws SQLException {
        try (Connection c = ds.getConnection();
              // the last login is kept to the minute: Basic clients (QGIS) authenticate every request
             var ps = c.prepareStatement("update atlas.app_user set failed_logins = 0, locked_until = null, last_login_at = now() "
                     + "where lower(login) = lower(?) and (failed_logins > 0 or locked_until is not null "
                     + "or last_login_at is null or last_login_at < now() - interval '1 minute')")) {
            ps.setString(1, login);
            ps.executeUpdate();
        }
    }

    public void unlock(String login, String actor) throws SQLException {
        Account a = find(login).orElseThrow(() -> notFound(login));
        Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("update atlas.app_user set failed_logins = 0, locked_until = null where user_id = ?")) {
                ps.setInt(1, a.userId());
                ps.executeUpdate();
            }
            audit(c, null, "unlock_user", actor, Map.of("login", a.login()));
            return null;
        });
    }

    private static String oneTimePassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---- API tokens -----------------------------------------------------------------------------

    /** A new token for scripts; only its hash is stored, so it is returned here and never again. */
    public String createToken(String login, String name, Integer validDays) throws SQLException {
        Account a = find(login).orElseThrow(() -> notFound(login));
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = "cna_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("insert into atlas.api_token (user_id, name, token_hash, expires_at) "
                    + "values (?, ?, ?, case when ?::int is null then null else now() + make_interval(days => ?::int) end)")) {
                ps.setInt(1, a.userId());
                ps.setString(2, name == null || name.isBlank() ? "token" : name);
                ps.setString(3, sha256(token));
                ps.setObject(4, validDays);
                ps.setObject(5, validDays);
                ps.executeUpdate();
            }
            audit(c, null, "create_token", login, Map.of("login", a.login(), "name", name == null ? "token" : name));
            return null;
        });
        return token;
    }

    /** The account a valid (not revoked, not expired) token belongs to. */
    public Optional<Account> byToken(String token) throws SQLException {
        if (token == null || !token.startsWith("cna_") || token.length() > 100) {
            return Optional.empty();
        }
        String login;
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("update atlas.api_token k set last_used_at = now() from atlas.app_user u "
                     + "where k.user_id = u.user_id and k.token_hash = ? and k.revoked_at is null "
                     + "and (k.expires_at is null or k.expires_at > now()) and not u.disabled returning u.login")) {
            ps.setString(1, sha256(token));
            var rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            login = rs.getString(1);
        }
        return find(login);
    }

    public List<Map<String, Object>> tokens(String login) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select k.token_id, k.name, k.created_at::text, k.expires_at::text, k.last_used_at::text, "
                     + "k.revoked_at is not null from atlas.api_token k join atlas.app_user u using (user_id) where lower(u.login) = lower(?) "
                     + "order by k.token_id")) {
            ps.setString(1, login);
            var rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getInt(1));
                m.put("name", rs.getString(2));
                m.put("created_at", rs.getString(3));
                m.put("expires_at", rs.getString(4));
                m.put("last_used_at", rs.getString(5));
                m.put("revoked", rs.getBoolean(6));
                out.add(m);
            }
            return out;
        }
    }

    public boolean revokeToken(String login, int tokenId) throws SQLException {
        return revokeToken(login, tokenId, login);
    }

    /** Revokes one of a user's tokens; the actor is the user or an administrator of theirs. */
    public boolean revokeToken(String login, int tokenId, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("update atlas.api_token k set revoked_at = now() from atlas.app_user u "
                    + "where k.user_id = u.user_id and lower(u.login) = lower(?) and k.token_id = ? and k.revoked_at is null")) {
                ps.setString(1, login);
                ps.setInt(2, tokenId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit(c, null, "revoke_token", actor, Map.of("login", login, "token_id", tokenId));
            return true;
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- departments and grants -----------------------------------------------------------------

    /** Creates or updates a department with the themes and indicators it writes. */
    public void saveDepartment(String territory, String key, String name, List<String> themes, List<String> indicators, String actor)
            throws SQLException {
        Transactions.inTransaction(ds, c -> {
            int tid = territoryId(c, territory);
            int did;
            try (var ps = c.prepareStatement("insert into atlas.department (territory_id, key, name) values (?, ?, ?) "
                    + "on conflict (territory_id, key) do update set name = excluded.name returning department_id")) {
                ps.setInt(1, tid);
                ps.setString(2, key);
                ps.setString(3, name);
                var rs = ps.executeQuery();
                rs.next();
                did = rs.getInt(1);
            } catch (SQLException e) {
                if ("23514".equals(e.getSQLState())) {
                    throw new AccessProblem(AccessProblem.Kind.INVALID, "Ungültiger Schlüssel „" + key + "“ (a-z, 0-9, _ und -) / invalid key", "key");
                }
                throw e;
            }
            try (var st = c.prepareStatement("delete from atlas.department_theme where department_id = ?");
                 var si = c.prepareStatement("delete from atlas.department_indicator where department_id = ?")) {
                st.setInt(1, did);
                st.executeUpdate();
                si.setInt(1, did);
                si.executeUpdate();
            }
            link(c, tid, did, "theme", themes);
            link(c, tid, did, "indicator", indicators);
            audit(c, tid, "save_department", actor, Map.of("department", key, "themes", themes == null ? List.of() : themes,
                    "indicators", indicators == null ? List.of() : indicators));
            return null;
        });
    }

    private static void link(Connection c, int tid, int did, String kind, List<String> keys) throws SQLException {
        for (String k : keys == null ? List.<String>of() : keys) {
            try (var ps = c.prepareStatement("insert into atlas.department_" + kind + " (territory_id, department_id, " + kind + "_id) "
                    + "select ?, ?, " + kind + "_id from atlas." + kind + " where territory_id = ? and key = ?")) {
                ps.setInt(1, tid);
                ps.setInt(2, did);
                ps.setInt(3, tid);
                ps.setString(4, k);
                if (ps.executeUpdate() == 0) {
                    throw new AccessProblem(AccessProblem.Kind.INVALID, ("theme".equals(kind) ? "Unbekanntes Thema „" : "Unbekannter Indikator „")
                            + k + "“ / unknown " + kind + " '" + k + "'", kind + "s");
                }
            }
        }
    }

    /**
     * Deletes a department; its editors lose that role (their grants go with it), its values stay.
     * Answers the logins that lost a role, or null when there was no such department.
     */
    public List<String> deleteDepartment(String territory, String key, String actor) throws SQLException {
        return Transactions.inTransaction(ds, c -> {
            int tid = territoryId(c, territory);
            List<String> editors = new ArrayList<>();
            try (var ps = c.prepareStatement("select u.login from atlas.user_grant g join atlas.app_user u using (user_id) "
                    + "join atlas.department d on d.department_id = g.department_id where d.territory_id = ? and d.key = ? order by 1")) {
                ps.setInt(1, tid);
                ps.setString(2, key);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    editors.add(rs.getString(1));
                }
            }
            try (var ps = c.prepareStatement("delete from atlas.department where territory_id = ? and key = ?")) {
                ps.setInt(1, tid);
                ps.setString(2, key);
                if (ps.executeUpdate() == 0) {
                    return null;
                }
            }
            audit(c, tid, "delete_department", actor, Map.of("department", key, "editors", editors));
            return editors;
        });
    }

    public List<Map<String, Object>> departments(String territory) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select d.key, d.name, "
                     + "array(select th.key from atlas.department_theme x join atlas.theme th using (theme_id) where x.department_id = d.department_id order by 1), "
                     + "array(select i.key from atlas.department_indicator x join atlas.indicator i using (indicator_id) where x.department_id = d.department_id order by 1) "
                     + "from atlas.department d join atlas.territory t using (territory_id) where t.key = ? order by d.key")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                out.add(Map.of("key", rs.getString(1), "name", rs.getString(2), "themes", List.of((Object[]) rs.getArray(3).getArray()),
                        "indicators", List.of((Object[]) rs.getArray(4).getArray())));
            }
            return out;
        }
    }

    /** Gives a user a role in a territory (editors: for a department). Granting twice changes nothing. */
    public void grant(String login, String territory, Account.Role role, String department, String actor) throws SQLException {
        if ((role == Account.Role.editor) != (department != null && !department.isBlank())) {
            throw new AccessProblem(AccessProblem.Kind.INVALID, "Bearbeiter brauchen einen Fachbereich, andere Rollen keinen "
                    + "/ editors need a department, other roles none", "department");
        }
        Account a = find(login).orElseThrow(() -> notFound(login));
        Transactions.inTransaction(ds, c -> {
            int tid = territoryId(c, territory);
            Integer did = null;
            if (department != null && !department.isBlank()) {
                try (var ps = c.prepareStatement("select department_id from atlas.department where territory_id = ? and key = ?")) {
                    ps.setInt(1, tid);
                    ps.setString(2, department);
                    var rs = ps.executeQuery();
                    if (!rs.next()) {
                        throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Fachbereich „" + department + "“ gibt es nicht / no such department",
                                "department");
                    }
                    did = rs.getInt(1);
                }
            }
            try (var ps = c.prepareStatement("insert into atlas.user_grant (user_id, territory_id, role, department_id, granted_by) "
                    + "values (?, ?, ?, ?, ?) on conflict do nothing")) {
                ps.setInt(1, a.userId());
                ps.setInt(2, tid);
                ps.setString(3, role.name());
                ps.setObject(4, did);
                ps.setString(5, actor);
                ps.executeUpdate();
            }
            audit(c, tid, "grant", actor, Map.of("login", a.login(), "role", role.name(), "department", department == null ? "" : department));
            return null;
        });
    }

    public boolean revoke(String login, String territory, Account.Role role, String department, String actor) throws SQLException {
        Account a = find(login).orElseThrow(() -> notFound(login));
        return Transactions.inTransaction(ds, c -> {
            int tid = territoryId(c, territory);
            int n;
            try (var ps = c.prepareStatement("delete from atlas.user_grant g where user_id = ? and territory_id = ? and role = ? "
                    + "and (?::text is null or department_id = (select department_id from atlas.department where territory_id = ? and key = ?))")) {
                ps.setInt(1, a.userId());
                ps.setInt(2, tid);
                ps.setString(3, role.name());
                ps.setString(4, department);
                ps.setInt(5, tid);
                ps.setString(6, department);
                n = ps.executeUpdate();
            }
            if (n > 0) {
                audit(c, tid, "revoke", actor, Map.of("login", a.login(), "role", role.name(), "department", department == null ? "" : department));
            }
            return n > 0;
        });
    }

    /**
     * The indicator keys an account may write values for in a territory: all for its administrators,
     * those of its departments' themes and indicators for editors, none otherwise.
     */
    public Set<String> writableIndicators(Account a, String territory) throws SQLException {
        try (Connection c = ds.getConnection();
             var ps = c.prepareStatement("select i.key from atlas.indicator i join atlas.territory t using (territory_id) where t.key = ? and (? "
                     + "or exists (select 1 from atlas.department_theme x join atlas.department d using (department_id) "
                     + "           where x.theme_id = i.theme_id and d.key = any (?)) "
                     + "or exists (select 1 from atlas.department_indicator x join atlas.department d using (department_id) "
                     + "           where x.indicator_id = i.indicator_id and d.key = any (?)))")) {
            Object[] deps = a.departments(territory).toArray();
            ps.setString(1, territory);
            ps.setBoolean(2, a.isAdmin(territory));
            ps.setArray(3, c.createArrayOf("text", deps));
            ps.setArray(4, c.createArrayOf("text", deps));
            var rs = ps.executeQuery();
            Set<String> out = new TreeSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The id of a territory, or 404. */
    public static int territoryId(Connection c, String territory) throws SQLException {
        try (var ps = c.prepareStatement("select territory_id from atlas.territory where key = ?")) {
            ps.setString(1, territory);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Gebiet „" + territory + "“ gibt es nicht / no such territory");
            }
            return rs.getInt(1);
        }
    }

    /** Writes one audit log entry (the one place entries are written for account, grant and settings acts). */
    public static void audit(Connection c, Integer territoryId, String action, String actor, Map<String, ?> details) throws SQLException {
        try (var ps = c.prepareStatement("insert into atlas.audit_log (territory_id, action, actor, details) values (?, ?, ?, ?::jsonb)")) {
            ps.setObject(1, territoryId);
            ps.setString(2, action);
            ps.setString(3, actor);
            ps.setString(4, JSON.writeValueAsString(details));
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AccessProblem notFound(String login) {
        return new AccessProblem(AccessProblem.Kind.NOT_FOUND, "Benutzer „" + login + "“ gibt es nicht / no such user");
    }
}
