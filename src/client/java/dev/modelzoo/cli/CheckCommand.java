package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.CompatibilityQuery;
import dev.modelzoo.client.view.CompatibilityReport;
import dev.modelzoo.client.view.Finding;
import dev.modelzoo.client.view.Strategy;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mz check}: can this base be fine-tuned on this dataset? Exit status 1 when not. */
@Command(name = "check", description = {"Check a base model against a dataset: every violation with its"
        + " suggestion.", "Exit status 0 when compatible, 1 when not."})
final class CheckCommand extends ApiCommand {

    @Option(names = "--base", required = true, paramLabel = "REF")
    String base;

    @Option(names = "--dataset", required = true, paramLabel = "REF")
    String dataset;

    @Option(names = "--test-dataset", paramLabel = "REF")
    String testDataset;

    @Option(names = "--strategy", description = "One of: ${COMPLETION-CANDIDATES} (default HEAD_ONLY).")
    Strategy strategy;

    @Option(names = "--freeze-up-to", paramLabel = "LAYER", description = "For FREEZE_UP_TO: a layer index, or a"
            + " layer name (e.g. a Keras layer of an imported graph).")
    String freezeUpTo;

    @Option(names = "--adapt", description = "Allow resizing and RGB/gray conversion of image data.")
    boolean adapt;

    @Override
    int run(ModelZooClient client) throws Exception {
        CompatibilityReport report = client.check(new CompatibilityQuery(base, dataset, null, testDataset, strategy,
                LayerArgument.index(freezeUpTo), adapt, LayerArgument.name(freezeUpTo)));
        if (json()) {
            printJson(report);
        } else {
            print(out(), report);
        }
        return report.compatible() ? ExitCodes.OK : ExitCodes.NO;
    }

    static void print(PrintWriter out, CompatibilityReport report) {
        out.println((report.compatible() ? "compatible: " : "incompatible: ") + report.base() + " with "
                + report.dataset());
        for (Finding finding : report.violations()) {
            boolean fieldSaysMore = finding.field() != null && !finding.field().equals(finding.rule());
            out.println("  " + finding.severity() + " " + finding.rule()
                    + (fieldSaysMore ? " (" + finding.field() + ")" : "") + ": " + finding.message());
            if (finding.expected() != null || finding.actual() != null) {
                out.println("    expected " + finding.expected() + ", found " + finding.actual());
            }
            if (finding.suggestion() != null) {
                out.println("    suggestion: " + finding.suggestion());
            }
        }
        if (!report.compatible() && report.compatibleBases() != null && !report.compatibleBases().isEmpty()) {
            out.println("  bases that fit this dataset: " + String.join(", ", report.compatibleBases()));
        }
    }
}
