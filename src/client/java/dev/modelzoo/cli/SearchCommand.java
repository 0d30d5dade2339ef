package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.SearchQuery;
import dev.modelzoo.client.view.ModelSummary;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Page;
import dev.modelzoo.client.view.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz search}: the catalog, filtered and sorted as GET /models does. */
@Command(name = "search", description = "Search the catalog (full text with prefix matching, and filters).")
final class SearchCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Words to find in names, descriptions, tags.")
    String query;

    @Option(names = "--modality", description = "One of: ${COMPLETION-CANDIDATES}.")
    Modality modality;

    @Option(names = "--task", description = "One of: ${COMPLETION-CANDIDATES}.")
    Task task;

    @Option(names = "--tag")
    String tag;

    @Option(names = "--namespace")
    String namespace;

    @Option(names = "--parent", paramLabel = "REF", description = "Only models derived from this model or version.")
    String parent;

    @Option(names = "--compatible-with", paramLabel = "DATASET",
            description = "Only bases a fine-tune on this dataset (ns/name[@v]) accepts.")
    String compatibleWith;

    @Option(names = "--sort", description = "One of: ${COMPLETION-CANDIDATES} (default: relevance with a query,"
            + " else downloads).")
    SearchQuery.Sort sort;

    @Mixin
    PageOptions paging;

    @Override
    int run(ModelZooClient client) throws Exception {
        Page<ModelSummary> found = client.search(SearchQuery.builder().optText(query).optModality(modality)
                .optTask(task).optTag(tag).optNamespace(namespace).optParent(parent).optCompatibleWith(compatibleWith)
                .optSort(sort).optPage(paging.page).optSize(paging.size).build());
        if (json()) {
            printJson(found);
            return ExitCodes.OK;
        }
        if (found.items().isEmpty()) {
            out().println("No models found.");
            return ExitCodes.OK;
        }
        Table table = new Table("REFERENCE", "MODALITY", "SHAPE", "TASK", "DOWNLOADS", "DESCRIPTION");
        for (ModelSummary model : found.items()) {
            table.row(model.reference() + "@" + model.latestVersion(), model.modality(), model.shape(), model.task(),
                    model.downloads(), Table.cut(model.description(), 60));
        }
        table.print(out());
        long from = (long) found.page() * found.size() + 1;
        long to = from + found.items().size() - 1;
        out().println(from + "-" + to + " of " + found.total()
                + (found.total() > to ? " (next: --page " + (found.page() + 1) + ")" : ""));
        return ExitCodes.OK;
    }
}
