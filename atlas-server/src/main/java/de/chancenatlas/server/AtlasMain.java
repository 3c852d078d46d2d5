package de.chancenatlas.server;

import de.chancenatlas.server.cli.Cli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;

/**
 * Entry point behind {@code ./atlas}: {@code serve} starts the server, everything else is a
 * command-line tool working on the same database (see {@code ./atlas help}).
 */
public final class AtlasMain {
    private AtlasMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.equals("serve")) {
            SpringApplication.run(AtlasServer.class, rest);
        } else {
            System.exit(new Cli().run(command, rest));
        }
    }
}
