package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.User;
import picocli.CommandLine.Command;

/** {@code mz whoami}: the user the token belongs to. */
@Command(name = "whoami", description = "Show the user the token belongs to.")
final class WhoamiCommand extends ApiCommand {

    @Override
    int run(ModelZooClient client) throws Exception {
        User user = client.whoami();
        if (json()) {
            printJson(user);
        } else {
            out().println(user.name() + (user.admin() ? " (admin)" : "") + " on " + url());
        }
        return ExitCodes.OK;
    }
}
