package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.SearchQuery;
import dev.modelzoo.client.view.ModelSummary;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz search}: the catalog, filtered and sorted as GET /models does. */
@Command(name = "search", description = "Search the catalog (full text with prefix matching, and filters).")
final class SearchCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Words to find in names, descriptions, tags.")
    String query;

    @Option(names = "--modality", description = "One of: ${COMPLETION-CANDIDATES}.")
    Modality modality;

    @Option(names = "--task", description = "e.g. CLASSIFICATION.")
    String task;

    @Option(names = "--tag")
    String tag;

    @Option(names = "--namespace")
    String namespace;

    @Option(names = "--parent", paramLabel = "REF", description = "Only models derived from this model or version.")
    String parent;

    @Option(names = "--compatible-with", paramLabel = "DATASET",
            description = "Only bases a fine-tune on this dataset (ns/name[@v]) accepts.")
    String compatibleWith;

    @Option(names = "--sort", description = "relevance (default with a query), downloads, recent or name.")
    String sort;

    @Option(names = "--page", description = "Zero-based page.")
    Integer page;

    @Option(names = "--size", description = "Results per page, 1-100 (default 20).")
    Integer size;

    @Override
    int run(ModelZooClient client) throws Exception {
        Page<ModelSummary> found = client.search(SearchQuery.builder().optText(query).optModality(modality)
                .optTask(task).optTag(tag).optNamespace(namespace).optParent(parent).optCompatibleWith(compatibleWith)
                .optSort(sort).optPage(page).optSize(size).build());
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
        int from = found.page() * found.size() + 1;
        out().println(from + "-" + (from + found.items().size() - 1) + " of " + found.total()
                + (found.total() > from + found.items().size() - 1 ? " (next: --page " + (found.page() + 1) + ")" : ""));
        return ExitCodes.OK;
    }
}
