package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.Epochs;
import dev.modelzoo.client.view.FineTuneRequest;
import dev.modelzoo.client.view.Hyperparameters;
import dev.modelzoo.client.view.Job;
import dev.modelzoo.client.view.JobStatus;
import dev.modelzoo.client.view.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mz finetune}: starts a fine-tune job; with {@code --watch}, follows it and exits 0 only on success. */
@Command(name = "finetune", description = {"Start a fine-tune of a base on a dataset; the derived model is"
        + " published as TARGET with lineage to the base.", "With --watch: a live progress bar from the job's events;"
        + " exit status 0 only when the job succeeded."})
final class FineTuneCommand extends ApiCommand {

    @Option(names = "--base", required = true, paramLabel = "REF")
    String base;

    @Option(names = "--dataset", required = true, paramLabel = "REF")
    String dataset;

    @Option(names = "--target", required = true, paramLabel = "NS/NAME", description = "The model to publish into.")
    String target;

    @Option(names = "--test-dataset", paramLabel = "REF",
            description = "Same labels; the derived model and the baseline are scored on it.")
    String testDataset;

    @Option(names = "--strategy", description = "One of: ${COMPLETION-CANDIDATES} (default HEAD_ONLY).")
    Strategy strategy;

    @Option(names = "--freeze-up-to", paramLabel = "LAYER", description = "For FREEZE_UP_TO: a layer index, or a"
            + " layer name (e.g. a Keras layer of an imported graph).")
    String freezeUpTo;

    @Option(names = "--baseline", description = "Also train from scratch and report the transfer gain.")
    boolean baseline;

    @Option(names = "--adapt", description = "Resize / convert channels of image data to fit the base.")
    boolean adapt;

    @Option(names = "--epochs", paramLabel = "N|auto", description = "Epochs per stage (default auto).")
    String epochs;

    @Option(names = "--batch-size")
    Integer batchSize;

    @Option(names = "--learning-rate")
    Double learningRate;

    @Option(names = "--seed")
    Long seed;

    @Option(names = "--validation-fraction")
    Double validationFraction;

    @Option(names = "--early-stopping", negatable = true,
            description = "Stop a stage when validation loss stalls (default: on with auto epochs).")
    Boolean earlyStopping;

    @Option(names = "--patience", paramLabel = "EPOCHS")
    Integer patience;

    @Option(names = {"-w", "--watch"}, description = "Follow the job until it ends.")
    boolean watch;

    @Override
    int run(ModelZooClient client) throws Exception {
        Hyperparameters hyperparameters = new Hyperparameters(epochs == null ? null : epochs(epochs), batchSize,
                learningRate, seed, validationFraction, earlyStopping, patience);
        Job job = client.startFineTune(FineTuneRequest.builder(base, dataset, target).optTestDataset(testDataset)
                .optStrategy(strategy).optFreezeUpTo(LayerArgument.index(freezeUpTo))
                .optFreezeUpToLayer(LayerArgument.name(freezeUpTo)).optBaseline(baseline).optAdapt(adapt)
                .optHyperparameters(hyperparameters).build());
        if (!watch) {
            if (json()) {
                printJson(job);
            } else {
                out().println(job.id());
                err().println("job " + job.id() + " " + job.status() + "; follow it with: mz job " + job.id()
                        + " --watch");
                err().flush();
            }
            return ExitCodes.OK;
        }
        err().println("job " + job.id() + " " + job.status());
        err().flush();
        return JobCommand.follow(this, client, job.id());
    }

    private static Epochs epochs(String text) {
        try {
            return Epochs.parse(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--epochs takes a number or 'auto', not '" + text + "'");
        }
    }

    static int exitStatus(Job job) {
        return job.status() == JobStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.NO;
    }
}
