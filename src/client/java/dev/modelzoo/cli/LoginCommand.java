package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.User;
import java.io.Console;
import picocli.CommandLine.Command;

/** {@code mz login}: checks a token with the server and stores it for that server, readable only by the user. */
@Command(name = "login", description = {"Store a token for the server (checked first with GET /users/me).",
    "The token comes from --token, $MODELZOO_TOKEN, or a prompt (or the first line of stdin)."})
final class LoginCommand extends ApiCommand {

    /** {@code --json} output: the server, the user the token belongs to, where the token was stored. */
    record LoggedIn(String url, User user, String credentials) {
    }

    @Override
    int run(ModelZooClient ignored) throws Exception {
        String token = connection.token != null ? connection.token : environment().get("MODELZOO_TOKEN");
        if (token == null) {
            token = prompt();
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token given (use --token, $MODELZOO_TOKEN or type it)");
        }
        token = token.strip();
        connection.token = token;
        User user = client().whoami();
        credentials().store(url(), token);
        if (json()) {
            printJson(new LoggedIn(url(), user, credentials().file().toString()));
        } else {
            out().println("Logged in to " + url() + " as " + user.name() + (user.admin() ? " (admin)" : "")
                    + "; token stored in " + credentials().file());
        }
        return ExitCodes.OK;
    }

    private String prompt() throws Exception {
        Console console = System.console();
        if (root().terminal() && console != null) {
            char[] typed = console.readPassword("Token for %s: ", url());
            return typed == null ? null : new String(typed);
        }
        return root().input().readLine();
    }
}
