package de.chancenatlas.server.cli;

import de.chancenatlas.core.access.Account;
import de.chancenatlas.core.access.Accounts;
import de.chancenatlas.core.access.Publication;
import de.chancenatlas.core.db.AtlasDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Users, grants, departments, publication and tokens from the command line: whoever can run the
 * atlas on its machine holds the database already, so these act as that machine user ({@link Cli#actor()}).
 */
final class AccessCommands {
    private final PrintStream out;

    AccessCommands(PrintStream out) {
        this.out = out;
    }

    int run(String command, String[] raw) throws Exception {
        Cli.Args a = Cli.Args.parse(raw);
        try (AtlasDatabase db = Cli.open()) {
            Accounts accounts = new Accounts(db.dataSource(), PasswordEncoderFactories.createDelegatingPasswordEncoder());
            Publication publication = new Publication(db.dataSource());
            switch (command) {
                case "user" -> user(a, accounts);
                case "grant" -> accounts.grant(a.at(1, "LOGIN"), a.at(0, "TERRITORY"), role(a.at(2, "ROLE")), a.options().get("department"),
                        Cli.actor());
                case "revoke" -> out.println(accounts.revoke(a.at(1, "LOGIN"), a.at(0, "TERRITORY"), role(a.at(2, "ROLE")),
                        a.options().get("department"), Cli.actor()) ? "entzogen / revoked" : "keine solche Berechtigung / no such grant");
                case "department" -> accounts.saveDepartment(a.at(0, "TERRITORY"), a.at(1, "KEY"), a.at(2, "NAME"), list(a, "themes"),
                        list(a, "indicators"), Cli.actor());
                case "publish" -> {
                    out.println("veröffentlicht / published: "
                            + publication.publish(a.at(0, "TERRITORY"), a.at(1, "INDICATOR"), list(a, "levels"), Cli.actor()));
                    publication.derivable(a.at(0, "TERRITORY"), a.at(1, "INDICATOR")).forEach(w -> out.println("Hinweis / note: " + w));
                    for (var w : publication.warnings(a.at(0, "TERRITORY"), a.at(1, "INDICATOR"), list(a, "levels"))) {
                        out.println("Warnung / warning: " + w.get("level") + ": " + w.get("de") + " / " + w.get("en"));
                    }
                }
                case "withdraw" -> {
                    out.println("zurückgezogen / withdrawn: "
                            + publication.withdraw(a.at(0, "TERRITORY"), a.at(1, "INDICATOR"), list(a, "levels"), Cli.actor()));
                    publication.derivable(a.at(0, "TERRITORY"), a.at(1, "INDICATOR")).forEach(w -> out.println("Hinweis / note: " + w));
                }
                case "publication" -> {
                    Map<String, Object> s = publication.status(a.at(0, "TERRITORY"));
                    out.println((Boolean) s.get("live") ? "öffentlicher Bereich freigeschaltet / public area open"
                            : "öffentlicher Bereich noch nicht freigeschaltet / public area not open yet");
                    out.println(s.get("published") + " von mindestens / of at least " + s.get("min_published") + " Indikatoren veröffentlicht");
                    ((Map<?, ?>) s.get("indicators")).forEach((k, v) -> out.println("  " + k + ": " + v));
                }
                case "token" -> {
                    String days = a.options().get("days");
                    out.println(accounts.createToken(a.at(0, "LOGIN"), a.at(1, "NAME"), days == null ? null : Integer.valueOf(days)));
                    out.println("(nur jetzt sichtbar / shown once; Authorization: Bearer <token>)");
                }
                default -> throw new Cli.UsageException("Unbekannter Befehl / unknown command: " + command);
            }
            return 0;
        }
    }

    private void user(Cli.Args a, Accounts accounts) throws Exception {
        String action = a.at(0, "add|reset|unlock|list");
        switch (action) {
            case "add" -> {
                String password = null;
                if (a.options().containsKey("password-stdin")) {
                    password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                }
                String oneTime = accounts.createUser(a.at(1, "LOGIN"), a.options().get("name"), a.options().get("email"), password,
                        a.options().containsKey("admin"), Cli.actor());
                out.println(oneTime == null ? "angelegt / created" : "Einmal-Passwort / one-time password: " + oneTime);
            }
            case "reset" -> out.println("Einmal-Passwort / one-time password: " + accounts.resetPassword(a.at(1, "LOGIN"), Cli.actor()));
            case "unlock" -> accounts.unlock(a.at(1, "LOGIN"), Cli.actor());
            case "list" -> {
                Account any = new Account(0, Cli.actor(), null, null, "", false, true, null, false, List.of());
                for (Map<String, Object> u : accounts.list(any)) {
                    out.println(u.get("login") + (Boolean.TRUE.equals(u.get("global_admin")) ? " (Administration)" : "")
                            + (Boolean.TRUE.equals(u.get("locked")) ? " [gesperrt/locked]" : "") + " " + u.get("grants"));
                }
            }
            default -> throw new Cli.UsageException("user add|reset|unlock|list");
        }
    }

    private static Account.Role role(String r) {
        try {
            return Account.Role.valueOf(r);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("Rolle / role: admin, editor, reader");
        }
    }

    private static List<String> list(Cli.Args a, String option) {
        String v = a.options().get(option);
        return v == null ? null : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
