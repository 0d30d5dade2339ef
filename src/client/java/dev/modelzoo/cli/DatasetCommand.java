package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.Dataset;
import dev.modelzoo.client.view.DatasetUpload;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Page;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mz dataset push|info|list}: labelled datasets to fine-tune on. */
@Command(name = "dataset", description = "Upload and describe datasets.",
        subcommands = {DatasetCommand.Push.class, DatasetCommand.Info.class, DatasetCommand.ListDatasets.class})
final class DatasetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mz dataset push}: uploads a dataset version; the server validates and describes it. */
    @Command(name = "push", description = {"Upload a dataset version: a ZIP of class folders of PNG/JPEG images, a"
            + " CSV whose header starts with label, or JSON Lines of {\"text\", \"label\"}."})
    static final class Push extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NS/NAME")
        String dataset;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--modality", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
        Modality modality;

        @Option(names = "--description")
        String description;

        @Option(names = "--shape", split = ",", paramLabel = "C,H,W",
                description = "For IMAGE data in a CSV: the shape of a row, e.g. 1,28,28.")
        List<Integer> shape;

        @Override
        int run(ModelZooClient client) throws Exception {
            ProgressBar bar = progress("dataset push " + file.getFileName());
            Dataset uploaded = client.uploadDataset(Reference.parse(dataset), file,
                    new DatasetUpload(modality, description, shape), bar);
            bar.finish();
            if (json()) {
                printJson(uploaded);
            } else {
                out().println("uploaded " + uploaded.reference() + ": " + uploaded.count() + " examples, "
                        + uploaded.labels().size() + " labels, shape " + uploaded.shape() + ", sha256 "
                        + uploaded.sha256());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code mz dataset info}: a dataset version as validation described it. */
    @Command(name = "info", description = "Show a dataset version (REF = ns/name for the latest, or ns/name@v).")
    static final class Info extends ApiCommand {

        @Parameters(paramLabel = "REF")
        String reference;

        @Override
        int run(ModelZooClient client) throws Exception {
            Dataset dataset = client.dataset(Reference.parse(reference));
            if (json()) {
                printJson(dataset);
                return ExitCodes.OK;
            }
            PrintWriter out = out();
            out.println(dataset.reference() + (dataset.description() == null ? "" : "  " + dataset.description()));
            InfoCommand.field(out, "modality", dataset.modality() + " " + dataset.shape());
            InfoCommand.field(out, "format", dataset.format());
            InfoCommand.field(out, "examples", String.valueOf(dataset.count()));
            for (Map.Entry<String, Integer> label : dataset.countsPerLabel().entrySet()) {
                InfoCommand.field(out, "  " + label.getKey(), String.valueOf(label.getValue()));
            }
            InfoCommand.field(out, "value range", dataset.valueRange() == null ? null
                    : String.valueOf(dataset.valueRange()));
            if (dataset.audio() != null) {
                InfoCommand.field(out, "audio", String.format(Locale.ROOT, "%d Hz, %d channel(s), clips %.2f-%.2f s",
                        dataset.audio().sampleRate(), dataset.audio().channels(),
                        dataset.audio().minSamples() / (double) dataset.audio().sampleRate(),
                        dataset.audio().maxSeconds()));
            }
            InfoCommand.field(out, "sha256", dataset.sha256());
            InfoCommand.field(out, "size", ProgressBar.bytes(dataset.sizeBytes()));
            InfoCommand.field(out, "created", dataset.createdBy() + " at " + dataset.createdAt());
            return ExitCodes.OK;
        }
    }

    /** {@code mz dataset list}: datasets, optionally of one namespace or modality. */
    @Command(name = "list", description = "List datasets.")
    static final class ListDatasets extends ApiCommand {

        @Option(names = "--namespace")
        String namespace;

        @Option(names = "--modality")
        Modality modality;

        @Mixin
        PageOptions paging;

        @Override
        int run(ModelZooClient client) throws Exception {
            Page<Dataset> found = client.datasets(namespace, modality, paging.page, paging.size);
            if (json()) {
                printJson(found);
                return ExitCodes.OK;
            }
            Table table = new Table("REFERENCE", "MODALITY", "SHAPE", "EXAMPLES", "LABELS");
            found.items().forEach(d -> table.row(d.reference(), d.modality(), d.shape(), d.count(),
                    Table.cut(String.join(" ", d.labels()), 50)));
            table.print(out());
            out().println(found.items().size() + " of " + found.total());
            return ExitCodes.OK;
        }
    }
}
