package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.Job;
import dev.modelzoo.client.view.JobStatus;
import dev.modelzoo.client.view.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mz jobs}: fine-tune jobs, newest first, optionally of one status. */
@Command(name = "jobs", description = "List fine-tune jobs.")
final class JobsCommand extends ApiCommand {

    @Option(names = "--status", description = "One of: ${COMPLETION-CANDIDATES}.")
    JobStatus status;

    @Mixin
    PageOptions paging;

    @Override
    int run(ModelZooClient client) throws Exception {
        Page<Job> jobs = client.jobs(status, paging.page, paging.size);
        if (json()) {
            printJson(jobs);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "STATUS", "STRATEGY", "BASE", "DATASET", "RESULT", "CREATED");
        for (Job job : jobs.items()) {
            table.row(job.id(), job.status(), job.strategy(), job.base(), job.dataset(),
                    job.result() != null ? job.result() : job.errorCode(), job.createdAt());
        }
        table.print(out());
        out().println(jobs.items().size() + " of " + jobs.total());
        return ExitCodes.OK;
    }
}
