package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import picocli.CommandLine.Command;

/** {@code mz logout}: forgets the stored token of the server (the token itself stays valid until revoked). */
@Command(name = "logout", description = "Forget the token stored for the server.")
final class LogoutCommand extends ApiCommand {

    /** {@code --json} output: the server and whether a stored token was removed. */
    record LoggedOut(String url, boolean removed) {
    }

    @Override
    int run(ModelZooClient client) throws Exception {
        boolean removed = credentials().remove(url());
        if (json()) {
            printJson(new LoggedOut(url(), removed));
        } else {
            out().println(removed ? "Logged out of " + url() : "No token was stored for " + url());
        }
        return ExitCodes.OK;
    }
}
