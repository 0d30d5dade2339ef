package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mz cancel}: cancels a job (a queued one at once, a running one at its next minibatch). */
@Command(name = "cancel", description = "Cancel a fine-tune job; nothing is published.")
final class CancelCommand extends ApiCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    int run(ModelZooClient client) throws Exception {
        Job job = client.cancel(id);
        if (json()) {
            printJson(job);
        } else {
            out().println("job " + job.id() + " " + job.status());
        }
        return ExitCodes.OK;
    }
}
