package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.Job;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz job}: one fine-tune job: status, progress, results; {@code --watch} follows it to its end. */
@Command(name = "job", description = {"Show a fine-tune job.", "With --watch: follow it (live progress) and exit 0"
        + " only when it succeeded."})
final class JobCommand extends ApiCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = {"-w", "--watch"}, description = "Follow the job until it ends.")
    boolean watch;

    @Override
    int run(ModelZooClient client) throws Exception {
        if (watch) {
            return follow(this, client, id);
        }
        Job job = client.job(id);
        if (json()) {
            printJson(job);
        } else {
            print(out(), job);
        }
        return ExitCodes.OK;
    }

    /** Follows a job's events to its end, then prints the job; the exit status says whether it succeeded. */
    static int follow(ApiCommand command, ModelZooClient client, String id) throws Exception {
        JobWatcher watcher = new JobWatcher(command.err(), command.root().terminal());
        Job job = client.watch(id, watcher);
        watcher.end();
        if (command.json()) {
            command.printJson(job);
        } else {
            print(command.out(), job);
        }
        return FineTuneCommand.exitStatus(job);
    }

    static void print(PrintWriter out, Job job) {
        out.println("job " + job.id() + "  " + (job.status() == null ? "(a status this mz does not know)"
                : job.status()));
        InfoCommand.field(out, "base", job.base());
        InfoCommand.field(out, "dataset", job.dataset() + (job.testDataset() == null ? "" : ", test "
                + job.testDataset()));
        InfoCommand.field(out, "target", job.target());
        InfoCommand.field(out, "strategy", job.strategy() + (job.decision() == null ? ""
                : " (chose " + job.decision().chosen() + ")"));
        if (job.progress() != null && job.status() != null && !job.status().isFinal()) {
            InfoCommand.field(out, "progress", "epoch " + job.progress().epoch() + "/" + job.progress().epochs()
                    + (job.progress().phase() == null ? "" : ", " + job.progress().phase().toLowerCase(Locale.ROOT)));
        }
        if (job.evaluation() != null) {
            InfoCommand.field(out, "accuracy", Formats.accuracy(job.evaluation()));
        }
        if (job.baseline() != null && job.baseline().accuracy() != null) {
            InfoCommand.field(out, "from scratch", Formats.number(job.baseline().accuracy())
                    + (job.baseline().gain() == null ? "" : " (transfer gain " + Formats.points(job.baseline().gain())
                            + ")"));
        }
        if (job.training() != null && job.training().summary() != null) {
            job.training().summary().forEach(line -> InfoCommand.field(out, "training", line));
        }
        if (job.decision() != null && job.decision().explanation() != null) {
            InfoCommand.field(out, "decision", job.decision().explanation());
        }
        if (job.timings() != null) {
            InfoCommand.field(out, "seconds", String.format(Locale.ROOT, "%.1f (train %.1f, baseline %.1f)",
                    job.timings().total(), job.timings().train(), job.timings().baseline()));
        }
        InfoCommand.field(out, "result", job.result());
        if (job.errorCode() != null) {
            InfoCommand.field(out, "error", job.errorCode() + ": " + job.error());
        }
        InfoCommand.field(out, "created", job.createdBy() + " at " + job.createdAt());
    }
}
