package dev.modelzoo.cli;

import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.Prediction;
import dev.modelzoo.client.view.Predictions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mz predict}: runs a model version on an image, a WAV clip, texts, or a JSON body of inputs. A FILE that
 * starts like a PNG or JPEG is sent as the image, one that starts like a WAV as the audio; any other file is the
 * request body {@code {"inputs": [...]}}, so {@code mz predict REF --json body.json} reads as it says (JSON in, JSON
 * out).
 */
@Command(name = "predict", description = {"Run a model on FILE or --text.", "FILE: a PNG or JPEG (IMAGE models,"
        + " the model's input size), a WAV clip (AUDIO models) or a JSON request body {\"inputs\": [...]} (rows of"
        + " numbers, or strings)."})
final class PredictCommand extends ApiCommand {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};

    @Parameters(index = "0", paramLabel = "REF")
    String reference;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "An image, a WAV clip, or a JSON body {\"inputs\": [...]}.")
    Path file;

    @Option(names = "--text", paramLabel = "TEXT", description = "Text to classify (repeatable; TEXT models).")
    List<String> texts;

    @Option(names = "--inputs", paramLabel = "FILE", description = "A JSON body {\"inputs\": [...]}, whatever it"
            + " starts with.")
    Path inputs;

    @Override
    int run(ModelZooClient client) throws Exception {
        int given = (file != null ? 1 : 0) + (texts != null ? 1 : 0) + (inputs != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("predict takes one input: FILE (an image, a WAV clip or a JSON"
                    + " body), --text TEXT or --inputs FILE");
        }
        Reference model = Reference.parse(reference);
        Predictions predictions;
        if (texts != null) {
            predictions = client.predictTexts(model, texts);
        } else if (inputs == null && startsWith(file, PNG, JPEG)) {
            predictions = client.predictImage(model, file);
        } else if (inputs == null && startsWith(file, RIFF)) {
            predictions = client.predictAudio(model, file);
        } else {
            predictions = client.predict(model, ModelZooClient.readJson(inputs != null ? inputs : file));
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

    private static boolean startsWith(Path file, byte[]... signatures) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return Arrays.stream(signatures).anyMatch(signature -> startsWith(head, signature));
        }
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && Arrays.equals(Arrays.copyOf(head, signature.length), signature);
    }
}
