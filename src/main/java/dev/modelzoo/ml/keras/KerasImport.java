package dev.modelzoo.ml.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelzoo.ml.ArtifactException;
import dev.modelzoo.ml.LoadedNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts Keras 2 HDF5 files and TF.js layers models into DL4J networks with DL4J's Keras importer: Sequential
 * models become a MultiLayerNetwork, functional ones a ComputationGraph whose vertex names are the Keras layer
 * names. The network keeps the model's own data layout (a channels-last model stays channels-last: rewriting it
 * to channels-first before import measured wrong outputs), and the importer's do-nothing dropouts are removed.
 */
public final class KerasImport {

    /** What converted the upload, recorded with every imported version. */
    public static final String CONVERTER = "deeplearning4j-modelimport 1.0.0-M2.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> MODEL_CLASSES = Set.of("Model", "Functional", "Sequential");
    /** Layers DL4J parses but cannot run without user code or TensorFlow natives. */
    private static final Set<String> CODE_LAYERS = Set.of("Lambda", "TFOpLambda", "TensorFlowOpLayer",
            "SlicingOpLambda");
    /** TF.js JSON drops the ".0" of whole floats (6.0 becomes 6); DL4J casts these fields to Double. */
    private static final Set<String> FLOAT_FIELDS = Set.of("max_value", "negative_slope", "threshold", "rate",
            "momentum", "epsilon", "alpha", "stddev", "scale", "l1", "l2", "minval", "maxval", "mean", "value",
            "gain", "theta");
    private static final Pattern UNSUPPORTED_LAYER = Pattern.compile("Unsupported keras layer type (\\w+)");

    /** A converted network, the Keras version of its source, and whether it takes channels-last images. */
    public record Imported(LoadedNetwork network, String kerasVersion, boolean channelsLast, int dropoutsRemoved) {
    }

    private KerasImport() {
    }

    /** Whether the file starts with the HDF5 signature (Keras 2 {@code .h5} files have no user block). */
    public static boolean isHdf5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(HDF5_SIGNATURE.length), HDF5_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the zip is a TF.js layers model (a {@code model.json} with its shards). */
    public static boolean isTfjsZip(Path file) {
        return TfjsArchive.looksLikeTfjs(file);
    }

    /** A Keras 2 HDF5 file saved with {@code model.save("x.h5")} (architecture and weights). */
    public static Imported fromHdf5(Path file) {
        String kerasVersion;
        JsonNode config;
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
                if (!archive.hasAttribute("model_config")) {
                    throw new ArtifactException("The HDF5 file has no model_config attribute: it holds weights"
                            + " only (save the whole model with model.save(\"model.h5\"))");
                }
                kerasVersion = archive.hasAttribute("keras_version")
                        ? archive.readAttributeAsString("keras_version") : "unknown";
                config = JSON.readTree(archive.readAttributeAsJson("model_config"));
            } catch (ArtifactException e) {
                throw e;
            } catch (Exception | UnsatisfiedLinkError e) {
                throw new ArtifactException("The HDF5 file cannot be read as a Keras model: " + firstLine(e), e);
            }
        }
        requireKeras2(kerasVersion.trim());
        ObjectNode modelJson = prepare(config, kerasVersion.trim());
        return build(modelJson, kerasVersion.trim(), file, null);
    }

    /** A TF.js layers model: a zip of {@code model.json} and its weight shards (float32 or quantized). */
    public static Imported fromTfjs(Path zip, long maxUncompressedBytes) {
        TfjsArchive archive = TfjsArchive.read(zip, maxUncompressedBytes);
        JsonNode topology = archive.topology();
        // converted Keras models nest the config under model_config; models saved by TF.js are the config itself
        JsonNode config = topology.has("model_config") ? topology.get("model_config") : topology;
        String recorded = topology.path("keras_version").asText(config.path("keras_version").asText(""));
        // TF.js writes "tfjs-layers x.y": its layer JSON is the Keras 2 format
        String kerasVersion = recorded.startsWith("tfjs-layers") || recorded.isEmpty() ? "2.2.4" : recorded;
        requireKeras2(kerasVersion);
        ObjectNode modelJson = prepare(config, kerasVersion);
        return build(modelJson, recorded.isEmpty() ? kerasVersion : recorded, null, archive);
    }

    /** The network of {@code modelJson} with its weights from {@code hdf5} or else from {@code tfjsWeights}. */
    private static Imported build(ObjectNode modelJson, String kerasVersion, Path hdf5, TfjsArchive tfjsWeights) {
        String className = modelJson.path("class_name").asText();
        try {
            KerasModelBuilder builder = new KerasModel().modelBuilder()
                    .modelJson(JSON.writeValueAsString(modelJson)).enforceTrainingConfig(false);
            if (hdf5 != null) {
                builder.weightsHdf5Filename(hdf5.toString());
            }
            Model model;
            synchronized (KerasImport.class) {
                if (className.equals("Sequential")) {
                    KerasSequentialModel sequential = builder.buildSequential();
                    setWeights(sequential.getLayers(), tfjsWeights);
                    model = sequential.getMultiLayerNetwork(true);
                } else {
                    KerasModel functional = builder.buildModel();
                    setWeights(functional.getLayers(), tfjsWeights);
                    model = functional.getComputationGraph(true);
                }
            }
            LoadedNetwork network = new LoadedNetwork(model);
            int removed = DoNothingDropout.remove(network);
            return new Imported(network, kerasVersion, network.channelsLast(), removed);
        } catch (UnsupportedKerasConfigurationException e) {
            throw unsupported(e, modelJson);
        } catch (ArtifactException e) {
            throw e;
        } catch (InvalidKerasConfigurationException e) {
            throw new ArtifactException("The Keras model configuration is invalid: " + firstLine(e), e);
        } catch (Exception | OutOfMemoryError e) {
            throw new ArtifactException("The Keras model cannot be converted to a DL4J network: " + firstLine(e), e);
        }
    }

    private static void requireKeras2(String kerasVersion) {
        if (kerasVersion.startsWith("2")) {
            return;
        }
        if (kerasVersion.startsWith("3")) {
            throw new UnsupportedModelException("The file was saved by Keras " + kerasVersion + "; only Keras 2"
                    + " files can be imported (save it with tf.keras 2.x, or TF_USE_LEGACY_KERAS=1 on TF 2.16+)");
        }
        throw new UnsupportedModelException("The file records keras_version '" + kerasVersion + "'; only Keras 2"
                + " files (keras_version 2.x) can be imported");
    }

    /**
     * The model config as DL4J's importer wants it: Keras version and backend at the top, whole-number floats as
     * floats, and every layer checked for what the importer cannot run (nested models, code layers, several
     * inputs or outputs), each named in the error.
     */
    private static ObjectNode prepare(JsonNode config, String kerasVersion) {
        if (!config.isObject() || !MODEL_CLASSES.contains(config.path("class_name").asText())) {
            throw new UnsupportedModelException("The model's class is '" + config.path("class_name").asText("?")
                    + "'; Sequential and functional (Model/Functional) models can be imported");
        }
        ObjectNode modelJson = (ObjectNode) fixFloats(config.deepCopy());
        modelJson.put("keras_version", kerasVersion);
        modelJson.put("backend", "tensorflow");
        JsonNode inner = modelJson.path("config");
        JsonNode layers = inner.isArray() ? inner : inner.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new ArtifactException("The model configuration lists no layers");
        }
        for (JsonNode layer : layers) {
            String type = layer.path("class_name").asText();
            String name = layer.path("name").asText(layer.path("config").path("name").asText("?"));
            if (MODEL_CLASSES.contains(type)) {
                throw new UnsupportedModelException("Layer '" + name + "' is a nested " + type + " model; nested"
                        + " models cannot be imported (flatten the model into one before saving)");
            }
            if (CODE_LAYERS.contains(type)) {
                throw new UnsupportedModelException("Layer '" + name + "' has type " + type + ", which runs"
                        + " arbitrary Python or TensorFlow code and cannot be imported");
            }
        }
        for (String field : List.of("input_layers", "output_layers")) {
            if (inner.path(field).size() > 1) {
                throw new UnsupportedModelException("The model has " + inner.path(field).size() + " "
                        + field.replace("_layers", "s") + "; only models with one input and one output can be"
                        + " imported");
            }
        }
        return modelJson;
    }

    private static JsonNode fixFloats(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (FLOAT_FIELDS.contains(field.getKey()) && field.getValue().isIntegralNumber()) {
                    field.setValue(JSON.getNodeFactory().numberNode(field.getValue().asDouble()));
                } else {
                    fixFloats(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(KerasImport::fixFloats);
        }
        return node;
    }

    /** Hands each layer its TF.js tensors ({@code layer/param}); every tensor must find its layer. */
    private static void setWeights(Map<String, KerasLayer> layers, TfjsArchive archive)
            throws InvalidKerasConfigurationException {
        if (archive == null) {
            return;
        }
        Map<String, Map<String, INDArray>> byLayer = new HashMap<>();
        for (TfjsArchive.Tensor tensor : archive.tensors()) {
            int slash = tensor.name().indexOf('/');
            String layer = slash < 0 ? tensor.name() : tensor.name().substring(0, slash);
            String param = tensor.name().substring(tensor.name().lastIndexOf('/') + 1).replaceAll(":\\d+$", "");
            if (!layers.containsKey(layer)) {
                throw new ArtifactException("The weights manifest has weight '" + tensor.name() + "' for layer '"
                        + layer + "', which is not in the model");
            }
            byLayer.computeIfAbsent(layer, k -> new HashMap<>())
                    .put(param, Nd4j.create(tensor.values(), tensor.shape(), 'c'));
        }
        for (Map.Entry<String, KerasLayer> layer : layers.entrySet()) {
            Map<String, INDArray> weights = byLayer.get(layer.getKey());
            if (weights == null && layer.getValue().getNumParams() > 0) {
                throw new ArtifactException("The weights manifest has no weights for layer '" + layer.getKey()
                        + "'");
            }
            if (weights != null) {
                layer.getValue().setWeights(weights);
            }
        }
    }

    private static ArtifactException unsupported(UnsupportedKerasConfigurationException e, JsonNode modelJson) {
        Matcher matcher = UNSUPPORTED_LAYER.matcher(String.valueOf(e.getMessage()));
        if (matcher.find()) {
            String type = matcher.group(1);
            JsonNode inner = modelJson.path("config");
            for (JsonNode layer : inner.isArray() ? inner : inner.path("layers")) {
                if (type.equals(layer.path("class_name").asText())) {
                    String name = layer.path("name").asText(layer.path("config").path("name").asText("?"));
                    return new UnsupportedModelException("Layer '" + name + "' has type " + type + ", which the"
                            + " DL4J Keras importer does not support", e);
                }
            }
            return new UnsupportedModelException("The model has a layer of type " + type + ", which the DL4J Keras"
                    + " importer does not support", e);
        }
        return new UnsupportedModelException("The model uses a configuration the DL4J Keras importer does not"
                + " support: " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return dev.modelzoo.error.SafeText.of(message.lines().findFirst().orElse(""));
    }
}
