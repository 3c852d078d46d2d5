package de.chancenatlas.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.chancenatlas.core.TestAtlas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Staff accounts: one-time passwords, the password policy, lockout, tokens, department rights, publication. */
class AccountsTest {
    private final Accounts accounts = new Accounts(TestAtlas.dataSource(), PasswordEncoderFactories.createDelegatingPasswordEncoder());

    @Test
    void aUserWithoutPasswordGetsAOneTimePasswordThatMustBeChanged() throws Exception {
        String oneTime = accounts.createUser("meier", "Frau Meier", null, null, false, "test");
        Account a = accounts.find("MEIER").orElseThrow();
        assertThat(a.mustChangePassword()).isTrue();
        assertThat(a.passwordHash()).startsWith("{bcrypt}").doesNotContain(oneTime);
        assertThatThrownBy(() -> accounts.changePassword("meier", oneTime, "kurz")).isInstanceOf(AccessProblem.class)
                .hasMessageContaining("mindestens");
        assertThatThrownBy(() -> accounts.changePassword("meier", oneTime, "meier-ist-toll-2026")).hasMessageContaining("Benutzernamen");
        assertThatThrownBy(() -> accounts.changePassword("meier", "falsch", "Sozialraum-Monitoring")).hasMessageContaining("bisherige");
        accounts.changePassword("meier", oneTime, "Sozialraum-Monitoring");
        assertThat(accounts.find("meier").orElseThrow().mustChangePassword()).isFalse();
        assertThatThrownBy(() -> accounts.createUser("Meier", null, null, null, false, "test")).hasMessageContaining("gibt es schon");
        assertThatThrownBy(() -> accounts.createUser("x'; drop table atlas.app_user; --", null, null, null, false, "test"))
                .hasMessageContaining("Ungültiger Benutzername");
    }

    @Test
    void fiveFailuresInARowLockTheAccountAndASuccessOrAnAdministratorUnlocks() throws Exception {
        accounts.createUser("lock-me", null, null, "ein langes Passwort", false, "test");
        for (int i = 0; i < Accounts.MAX_FAILURES - 1; i++) {
            accounts.recordFailure("lock-me");
        }
        accounts.recordSuccess("lock-me");
        for (int i = 0; i < Accounts.MAX_FAILURES - 1; i++) {
            accounts.recordFailure("lock-me");
        }
        assertThat(accounts.find("lock-me").orElseThrow().isLocked(Instant.now())).as("the success reset the count").isFalse();
        accounts.recordFailure("lock-me");
        assertThat(accounts.find("lock-me").orElseThrow().isLocked(Instant.now())).isTrue();
        assertThat(TestAtlas.count("select count(*) from atlas.audit_log where action = 'lock_user' and details ->> 'login' = 'lock-me'"))
                .isEqualTo(1);
        accounts.unlock("lock-me", "admin");
        assertThat(accounts.find("lock-me").orElseThrow().isLocked(Instant.now())).isFalse();
    }

    @Test
    void tokensAreStoredHashedWorkUntilRevokedAndNeverAfterExpiry() throws Exception {
        accounts.createUser("skript", null, null, "ein langes Passwort", false, "test");
        String token = accounts.createToken("skript", "nightly import", 30);
        assertThat(TestAtlas.count("select count(*) from atlas.api_token where token_hash = ?", token)).isZero();
        assertThat(accounts.byToken(token)).map(Account::login).contains("skript");
        assertThat(accounts.byToken(token + "x")).isEmpty();
        int id = ((Number) accounts.tokens("skript").get(0).get("id")).intValue();
        assertThat(accounts.revokeToken("skript", id)).isTrue();
        assertThat(accounts.byToken(token)).isEmpty();
        String expired = accounts.createToken("skript", "old", 1);
        TestAtlas.count("with u as (update atlas.api_token set expires_at = now() - interval '1 day' where name = 'old' returning 1) "
                + "select count(*) from u");
        assertThat(accounts.byToken(expired)).isEmpty();
    }

    @Test
    void editorsWriteTheirDepartmentsIndicatorsAndAdministratorsAll() throws Exception {
        String t = TestAtlas.territory("rights");
        accounts.createUser("jugendamt", null, null, "ein langes Passwort", false, "test");
        accounts.saveDepartment(t, "jugend", "Jugendamt", List.of(), List.of("anzahl"), "test");
        accounts.grant("jugendamt", t, Account.Role.editor, "jugend", "test");
        Account editor = accounts.find("jugendamt").orElseThrow();
        assertThat(accounts.writableIndicators(editor, t)).containsExactly("anzahl");
        assertThat(editor.readsInternal(t)).isTrue();
        assertThat(editor.isAdmin(t)).isFalse();
        assertThat(editor.viewer().isInternalFor(t)).isTrue();
        assertThat(editor.viewer().isInternalFor("koeln")).isFalse();

        accounts.saveDepartment(t, "jugend", "Jugendamt", List.of("test"), List.of(), "test");
        assertThat(accounts.writableIndicators(editor, t)).containsExactlyInAnyOrder("anzahl", "quote", "index");
        assertThatThrownBy(() -> accounts.grant("jugendamt", t, Account.Role.editor, null, "test")).hasMessageContaining("Fachbereich");
        assertThatThrownBy(() -> accounts.saveDepartment(t, "x", "X", List.of("gibt-es-nicht"), List.of(), "test"))
                .hasMessageContaining("gibt-es-nicht");

        accounts.grant("jugendamt", t, Account.Role.admin, null, "test");
        assertThat(accounts.find("jugendamt").orElseThrow().isAdmin(t)).isTrue();
        assertThat(accounts.revoke("jugendamt", t, Account.Role.admin, null, "test")).isTrue();
        assertThat(accounts.find("jugendamt").orElseThrow().isAdmin(t)).isFalse();
    }

    @Test
    void theKeckRuleOpensThePublicAreaAndPublishingIsLogged() throws Exception {
        String t = TestAtlas.territory("keck");
        Publication p = new Publication(TestAtlas.dataSource());
        p.saveSettings(t, null, 3, "test");
        assertThat(p.status(t)).containsEntry("published", 1).containsEntry("live", false);
        p.publish(t, "anzahl", List.of("bezirk"), "admin");
        p.publish(t, "index", null, "admin");
        assertThat(p.status(t)).containsEntry("published", 3).containsEntry("live", true);
        assertThat(p.withdraw(t, "index", List.of("gesamt"), "admin")).containsExactly("gesamt");
        assertThat(p.status(t)).containsEntry("live", true);
        p.withdraw(t, "index", null, "admin");
        assertThat(p.status(t)).containsEntry("published", 2).containsEntry("live", false);
        assertThat(TestAtlas.count("select count(*) from atlas.audit_log a join atlas.territory t using (territory_id) "
                + "where t.key = ? and a.action in ('publish', 'withdraw') and a.actor = 'admin'", t)).isEqualTo(4);
        assertThatThrownBy(() -> p.saveSettings(t, java.util.Map.of("treshold", 5), null, "admin")).hasMessageContaining("treshold");
        assertThatThrownBy(() -> p.publish(t, "quote", List.of("block"), "admin")).hasMessageContaining("block");
    }
}
