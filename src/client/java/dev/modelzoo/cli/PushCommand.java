package dev.modelzoo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelzoo.client.ClientException;
import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.VersionDetails;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz push}: publishes a model version (the server validates the artifact against the metadata). */
@Command(name = "push", description = {"Publish a new version of NS/NAME: the artifact FILE and its metadata"
        + " (a JSON file with inputSpec, outputSpec, description, license, tags, card, ...).",
    "The server loads the artifact and checks its real input against inputSpec (422 with the violations if not)."})
final class PushCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NS/NAME")
    String model;

    @Parameters(index = "1", paramLabel = "FILE", description = "The artifact (a DL4J ModelSerializer zip).")
    Path artifact;

    @Option(names = {"-m", "--metadata"}, required = true, paramLabel = "FILE", description = "Metadata JSON file.")
    Path metadata;

    @Override
    int run(ModelZooClient client) throws Exception {
        Reference target = Reference.parse(model);
        if (target.version() != null) {
            throw new IllegalArgumentException("push takes NS/NAME: the server numbers the new version (set"
                    + " \"version\" in the metadata to make the push conditional)");
        }
        JsonNode metadataJson = ModelZooClient.readJson(metadata);
        String local = ModelZooClient.sha256Of(artifact);
        ProgressBar bar = progress("push " + artifact.getFileName());
        VersionDetails published = client.publish(target, artifact, metadataJson, bar);
        bar.finish();
        if (!local.equals(published.sha256())) {
            throw new ClientException("the server stored sha256 " + published.sha256() + " but the file has "
                    + local + ": the upload was altered on the way");
        }
        if (json()) {
            printJson(published);
        } else {
            out().println("published " + published.reference() + " (" + ProgressBar.bytes(published.sizeBytes())
                    + ", sha256 " + published.sha256() + ", " + published.architecture().parameterCount()
                    + " parameters)");
        }
        return ExitCodes.OK;
    }
}
