package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.Prediction;
import dev.modelzoo.client.view.Predictions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mz predict}: runs a model version on an image, texts, or a JSON body of inputs. */
@Command(name = "predict", description = "Run a model on an image file (IMAGE models), --text (TEXT models) or"
        + " --json FILE ({\"inputs\": [...]}).")
final class PredictCommand extends ServerCommand {

    @Parameters(index = "0", paramLabel = "REF")
    String reference;

    @Parameters(index = "1", arity = "0..1", paramLabel = "IMAGE",
            description = "A PNG or JPEG of the model's input size (IMAGE models).")
    Path image;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text to classify (repeatable; TEXT models).")
    List<String> texts;

    @Option(names = "--inputs", paramLabel = "FILE", description = "Same as --json FILE.")
    Path inputs;

    /**
     * Here {@code --json} is both the usual flag and, with a value, the input: {@code --json FILE} sends FILE's
     * {@code {"inputs": [...]}} (and answers JSON, as JSON in gives JSON out); a bare {@code --json} after an
     * IMAGE or {@code --text} only asks for JSON output.
     */
    @Option(names = "--json", arity = "0..1", paramLabel = "FILE", fallbackValue = "", description = {"Machine-"
        + "readable output; with FILE, the request body {\"inputs\": [...]} (rows of numbers, or strings)."})
    String json;

    @Override
    boolean json() {
        return json != null;
    }

    @Override
    int run(ModelZooClient client) throws Exception {
        Reference model = Reference.parse(reference);
        Predictions predictions;
        Path body = inputs != null ? inputs : json == null || json.isEmpty() ? null : Path.of(json);
        int given = (image != null ? 1 : 0) + (texts != null ? 1 : 0) + (body != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("predict takes one input: an IMAGE file, --text TEXT or --json FILE");
        }
        if (image != null) {
            predictions = client.predictImage(model, image);
        } else if (texts != null) {
            predictions = client.predictTexts(model, texts);
        } else {
            predictions = client.predict(model, ModelZooClient.readJson(body));
        }
        if (json()) {
            printJson(predictions);
            return ExitCodes.OK;
        }
        for (Prediction prediction : predictions.predictions()) {
            out().println(String.format(Locale.ROOT, "%s %.4f   top: %s", prediction.label(),
                    prediction.probability(), prediction.top().stream().map(s -> String.format(Locale.ROOT,
                            "%s %.3f", s.label(), s.probability())).collect(Collectors.joining(", "))));
        }
        return ExitCodes.OK;
    }
}
