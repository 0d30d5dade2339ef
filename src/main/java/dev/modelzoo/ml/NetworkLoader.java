package dev.modelzoo.ml;

import dev.modelzoo.error.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** Loads and saves DL4J artifacts (ModelSerializer zips) and explains why bytes are not one. */
public final class NetworkLoader {

    private static final String CONFIGURATION = "configuration.json";
    private static final String COEFFICIENTS = "coefficients.bin";

    private NetworkLoader() {
    }

    /**
     * Loads a network from a ModelSerializer zip without its updater state.
     *
     * @param maxUncompressedBytes refuse archives that claim to expand beyond this (a zip bomb guard)
     */
    public static LoadedNetwork load(Path artifact, long maxUncompressedBytes) {
        boolean graph = inspectArchive(artifact, maxUncompressedBytes);
        try {
            if (graph) {
                ComputationGraph network = ModelSerializer.restoreComputationGraph(artifact.toFile(), false);
                if (network.getConfiguration().getNetworkInputs().size() != 1
                        || network.getConfiguration().getNetworkOutputs().size() != 1) {
                    throw new ArtifactException("Only computation graphs with one input and one output are supported");
                }
                return new LoadedNetwork(network);
            }
            return new LoadedNetwork(ModelSerializer.restoreMultiLayerNetwork(artifact.toFile(), false));
        } catch (ArtifactException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new ArtifactException("The archive has a DL4J configuration but the network cannot be restored: "
                    + firstLine(e), e);
        }
    }

    /** Saves without updater state: artifacts in the registry are for inference and further fine-tuning. */
    public static void save(LoadedNetwork network, OutputStream out) throws IOException {
        ModelSerializer.writeModel(network.model(), out, false);
    }

    /** Saves a network to a file without updater state. */
    public static void save(LoadedNetwork network, Path file) throws IOException {
        ModelSerializer.writeModel(network.model(), file.toFile(), false);
    }

    /** Checks the zip structure and returns whether it holds a computation graph. */
    private static boolean inspectArchive(Path artifact, long maxUncompressedBytes) {
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            ArchiveEntries.check(zip, maxUncompressedBytes, "The archive");
            ZipEntry configuration = zip.getEntry(CONFIGURATION);
            if (configuration == null || zip.getEntry(COEFFICIENTS) == null) {
                throw new ArtifactException("The archive is a zip but not a DL4J model: it lacks "
                        + CONFIGURATION + " or " + COEFFICIENTS);
            }
            try (InputStream in = zip.getInputStream(configuration)) {
                String json = new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
                return json.contains("\"vertices\"");
            }
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("The artifact is not a readable zip archive (a DL4J model is a"
                    + " ModelSerializer zip): " + firstLine(e), e);
        }
    }

    /** The first line of the cause's message, without Java names: it ends up in a 422 for the uploader. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int newline = message.indexOf('\n');
        String line = SafeText.of(newline < 0 ? message : message.substring(0, newline));
        return line.isEmpty() ? "the archive's content is not a network DL4J can read" : line;
    }
}
