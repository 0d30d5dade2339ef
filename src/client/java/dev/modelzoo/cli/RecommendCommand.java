package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.view.Recommendation;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz recommend}: which base for my data, ranked by a probe on each base's frozen features. */
@Command(name = "recommend", description = {"Rank the catalog's bases for a dataset by measured transferability"
        + " (a cross-validated probe on each compatible base's frozen features; cached, shared with fine-tunes).",
    "Lists the rejected bases with the checker's reason."})
final class RecommendCommand extends ApiCommand {

    @Parameters(paramLabel = "DATASET", description = "ns/name or ns/name@v")
    String dataset;

    @Option(names = "--limit", description = "Most bases in the ranking (default 10).")
    Integer limit;

    @Override
    int run(ModelZooClient client) throws Exception {
        Recommendation ranking = client.recommend(dataset, limit);
        if (json()) {
            printJson(ranking);
            return ExitCodes.OK;
        }
        PrintWriter out = out();
        out.println("bases for " + ranking.dataset() + " (" + ranking.examples() + " examples"
                + (ranking.subsampled() ? ", a stratified subsample of " + ranking.datasetSize() : "") + ")");
        Table table = new Table("RANK", "BASE", "SCORE", "95% INTERVAL", "FEATURES", "SECONDS");
        int rank = 1;
        for (Recommendation.RankedBase base : ranking.items()) {
            table.row(rank++, base.base(), String.format(Locale.ROOT, "%.4f", base.score()),
                    String.format(Locale.ROOT, "%.2f-%.2f", base.estimatedAccuracy().interval().low(),
                            base.estimatedAccuracy().interval().high()),
                    "layer " + base.featureLayer() + (base.featuresFromCache() ? " (cached)" : ""),
                    String.format(Locale.ROOT, "%.2f", base.seconds()));
        }
        if (ranking.items().isEmpty()) {
            out.println("No compatible base was scored.");
        } else {
            table.print(out);
        }
        for (Recommendation.ConsideredBase base : ranking.rejected()) {
            out.println("  rejected " + base.base() + ": " + base.reason());
        }
        for (Recommendation.ConsideredBase base : ranking.notScored()) {
            out.println("  not scored " + base.base() + ": " + base.reason());
        }
        out.println("score: " + ranking.method());
        if (!ranking.items().isEmpty()) {
            out.println("fine-tune the top one: mz finetune --base " + ranking.items().get(0).base() + " --dataset "
                    + ranking.dataset() + " --target NS/NAME --strategy AUTO --watch");
        }
        return ExitCodes.OK;
    }
}
