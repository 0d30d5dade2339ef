package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.Layer;
import dev.modelzoo.client.view.Metric;
import dev.modelzoo.client.view.VersionDetails;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz info}: one model version in full: digest, specs, architecture, lineage, metrics. */
@Command(name = "info", description = "Show a model version (REF = ns/name for the latest, or ns/name@v).")
final class InfoCommand extends ApiCommand {

    @Parameters(paramLabel = "REF")
    String reference;

    @Option(names = "--card", description = "Also print the model card (markdown).")
    boolean card;

    @Override
    int run(ModelZooClient client) throws Exception {
        VersionDetails version = client.version(Reference.parse(reference));
        if (json()) {
            printJson(version);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        out.println(version.reference() + (version.description() == null ? "" : "  " + version.description()));
        field(out, "sha256", version.sha256());
        field(out, "size", ProgressBar.bytes(version.sizeBytes()) + " (" + version.sizeBytes() + " bytes)");
        field(out, "input", version.inputSpec().modality() + " " + version.inputSpec().shape()
                + (version.inputSpec().preprocessing() == null ? "" : " " + version.inputSpec().preprocessing()));
        field(out, "output", version.outputSpec().task() + ", " + version.outputSpec().labels().size() + " labels "
                + Table.cut(String.valueOf(version.outputSpec().labels()), 80));
        if (version.architecture() != null) {
            field(out, "architecture", version.architecture().type() + ", " + version.architecture().parameterCount()
                    + " parameters, feature layer " + version.architecture().featureLayer()
                    + (version.architecture().featureBoundary() == null ? ""
                            : ", feature boundary " + version.architecture().featureBoundary()));
            for (Layer layer : version.architecture().layers()) {
                out.printf("  %14s %2d %-12s %-22s %s -> %s%n", "", layer.index(), layer.name(), layer.type(),
                        layer.nIn() == null ? "-" : layer.nIn(), layer.nOut() == null ? "-" : layer.nOut());
            }
        }
        field(out, "parent", version.parent() == null ? "none (a base model)"
                : version.parent().reference() + " (" + version.parent().relation() + ")");
        for (Metric metric : version.metrics() == null ? List.<Metric>of() : version.metrics()) {
            field(out, "metric", Formats.metric(metric));
        }
        field(out, "license", version.license());
        field(out, "tags", version.tags() == null ? null : String.join(", ", version.tags()));
        field(out, "created", version.createdBy() + " at " + version.createdAt());
        field(out, "downloads", String.valueOf(version.downloads()));
        field(out, "pull", "mz pull " + version.reference());
        if (card && version.card() != null) {
            out.println();
            out.println(version.card());
        }
        return ExitCodes.OK;
    }

    static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("  %-14s %s%n", name, value);
        }
    }
}
