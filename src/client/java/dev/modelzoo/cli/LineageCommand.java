package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.Lineage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mz lineage}: where a version comes from and what was derived from it, drawn as a tree. */
@Command(name = "lineage", description = "Draw a version's ancestors and descendants as a tree.")
final class LineageCommand extends ApiCommand {

    @Parameters(paramLabel = "REF")
    String reference;

    @Override
    int run(ModelZooClient client) throws Exception {
        Lineage lineage = client.lineage(Reference.parse(reference));
        if (json()) {
            printJson(lineage);
        } else {
            new LineageTree(lineage).print(out());
        }
        return ExitCodes.OK;
    }
}
