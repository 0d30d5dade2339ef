package dev.modelzoo.catalog;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.format.ImageFolderZip;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.ml.ImageAdapter;
import dev.modelzoo.ml.ImageTensors;
import dev.modelzoo.ml.audio.AudioException;
import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.WavDecoder;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.text.HashedNgramTokenizer;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs a version on inputs: rows of values in the version's input shape, texts, an image or a WAV file. */
@ApplicationScoped
public class PredictionService {

    private static final int TOP = 5;
    /** 30 s of 48 kHz 32-bit stereo, with room to spare; longer clips are refused by length anyway. */
    private static final long MAX_AUDIO_BYTES = 64L * 1024 * 1024;

    private final NetworkCache networks;
    private final ModelZooConfig config;

    public PredictionService(NetworkCache networks, ModelZooConfig config) {
        this.networks = networks;
        this.config = config;
    }

    /** A predicted label with its probability, and the most probable labels. */
    public record Prediction(String label, double probability, List<Scored> top) {
    }

    /** A label and its probability. */
    public record Scored(String label, double probability) {
    }

    /** Rows of numbers (row-major in the input shape) or, for TEXT models, strings. */
    public List<Prediction> predict(ModelVersion version, List<Object> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidRequestException("inputs", "1 to " + config.predict().maxInputs() + " inputs", "none",
                    "Send at least one input");
        }
        if (inputs.size() > config.predict().maxInputs()) {
            throw new InvalidRequestException("inputs", "at most " + config.predict().maxInputs(),
                    String.valueOf(inputs.size()), "Too many inputs in one request");
        }
        InputSpec spec = version.inputSpec;
        float[][] rows = new float[inputs.size()][];
        for (int i = 0; i < inputs.size(); i++) {
            rows[i] = spec.modality() == Modality.TEXT ? text(spec, inputs.get(i), i) : numbers(spec, inputs.get(i), i);
        }
        return run(version, rows);
    }

    /** One uploaded image, converted to the version's channels and size. */
    public List<Prediction> predictImage(ModelVersion version, Path image) {
        InputSpec spec = version.inputSpec;
        if (spec.modality() != Modality.IMAGE) {
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, version.reference() + " takes "
                    + spec.modality() + " input, not images");
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(image.toFile());
        } catch (IOException | RuntimeException e) {
            decoded = null;
        }
        if (decoded == null) {
            throw new InvalidRequestException("image", "a PNG or JPEG image", "undecodable bytes",
                    "The image cannot be decoded");
        }
        int channels = decoded.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
        float[] pixels = ImageFolderZip.pixels(decoded, channels);
        ImageAdapter adapter = new ImageAdapter(channels, decoded.getHeight(), decoded.getWidth(),
                spec.shape().get(0), spec.shape().get(1), spec.shape().get(2));
        return run(version, new float[][] {adapter.apply(pixels)});
    }

    /**
     * One uploaded WAV clip through the version's audio front end (resampled to its rate, padded or trimmed to its
     * clip length: for one clip to classify that is what anyone would do by hand).
     */
    public List<Prediction> predictAudio(ModelVersion version, Path wav) {
        InputSpec spec = version.inputSpec;
        if (spec.modality() != Modality.AUDIO) {
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, version.reference() + " takes "
                    + spec.modality() + " input, not audio");
        }
        if (spec.preprocessing() == null || spec.preprocessing().audio() == null) {
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, version.reference() + " declares no audio"
                    + " front end (inputSpec.preprocessing.audio); send its input tensors as JSON instead");
        }
        byte[] bytes;
        try {
            if (Files.size(wav) > MAX_AUDIO_BYTES) {
                throw new InvalidRequestException("audio", "at most " + MAX_AUDIO_BYTES / (1024 * 1024) + " MiB",
                        Files.size(wav) + " bytes", "The WAV file is too large");
            }
            bytes = Files.readAllBytes(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clip clip;
        try {
            clip = WavDecoder.decode(bytes, config.dataset().maxClipSeconds());
        } catch (AudioException e) {
            throw new InvalidRequestException("audio", "a WAV file (PCM or float)", "unreadable",
                    "The audio cannot be decoded: " + e.getMessage());
        }
        AudioFeatures features = new AudioFeatures(spec.preprocessing().sampleRate(), spec.preprocessing().audio());
        return run(version, new float[][] {features.of(clip)});
    }

    private List<Prediction> run(ModelVersion version, float[][] rows) {
        LoadedNetwork network = networks.get(version.blob());
        long[] shape = new long[version.inputSpec.modality() == Modality.TEXT ? 2
                : version.inputSpec.shape().size() + 1];
        shape[0] = rows.length;
        if (version.inputSpec.modality() == Modality.TEXT) {
            shape[1] = rows[0].length;
        } else {
            for (int i = 0; i < version.inputSpec.shape().size(); i++) {
                shape[i + 1] = version.inputSpec.shape().get(i);
            }
        }
        String firstLayer = version.architecture.layers().get(0).type();
        boolean shaped = switch (version.inputSpec.modality()) {
            case TIME_SERIES -> true;
            case IMAGE, AUDIO -> !firstLayer.equals("DenseLayer");
            default -> false;
        };
        INDArray input = Nd4j.create(rows).castTo(DataType.FLOAT);
        if (shaped) {
            input = input.reshape('c', shape);
            if (version.inputSpec.preprocessing() != null && version.inputSpec.preprocessing().channelsLast()) {
                // inputs are always [channels, height, width]; a channels-last network takes them transposed
                input = ImageTensors.channelsLast(input);
            }
        }
        INDArray output;
        // DL4J networks are not safe for concurrent inference; one call at a time per network
        synchronized (network) {
            output = network.output(input);
        }
        List<String> labels = version.outputSpec.labels();
        List<Prediction> predictions = new ArrayList<>();
        for (int row = 0; row < rows.length; row++) {
            List<Scored> scored = new ArrayList<>();
            for (int c = 0; c < output.size(1); c++) {
                scored.add(new Scored(c < labels.size() ? labels.get(c) : String.valueOf(c), output.getDouble(row, c)));
            }
            scored.sort(Comparator.comparingDouble(Scored::probability).reversed());
            predictions.add(new Prediction(scored.get(0).label(), scored.get(0).probability(),
                    scored.subList(0, Math.min(TOP, scored.size()))));
        }
        return predictions;
    }

    private static float[] numbers(InputSpec spec, Object input, int index) {
        if (!(input instanceof List<?> values)) {
            throw new InvalidRequestException("inputs[" + index + "]", "an array of numbers", typeOf(input),
                    "Each input is an array of " + spec.volume() + " numbers (row-major " + spec.shape() + ")");
        }
        List<Object> flat = new ArrayList<>();
        flatten(values, flat);
        if (flat.size() != spec.volume()) {
            throw new InvalidRequestException("inputs[" + index + "]", spec.volume() + " values", flat.size()
                    + " values", "Input " + index + " has " + flat.size() + " values; the model takes "
                    + spec.volume() + " (" + spec.shape() + ")");
        }
        float[] row = new float[flat.size()];
        for (int i = 0; i < row.length; i++) {
            if (!(flat.get(i) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new InvalidRequestException("inputs[" + index + "][" + i + "]", "a finite number",
                        String.valueOf(flat.get(i)), "Inputs are numbers");
            }
            row[i] = number.floatValue();
        }
        return row;
    }

    private static float[] text(InputSpec spec, Object input, int index) {
        if (!(input instanceof String text)) {
            throw new InvalidRequestException("inputs[" + index + "]", "a string", typeOf(input),
                    "TEXT models take strings");
        }
        String tokenizer = spec.preprocessing().tokenizer();
        if (!HashedNgramTokenizer.ID.equals(tokenizer)) {
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, "The tokenizer '" + tokenizer
                    + "' of this model is not available on this server");
        }
        return new HashedNgramTokenizer(spec.preprocessing().vocabularySize(), spec.shape().get(0)).vectorize(text);
    }

    private static void flatten(List<?> values, List<Object> into) {
        for (Object value : values) {
            if (value instanceof List<?> nested) {
                flatten(nested, into);
            } else {
                into.add(value);
            }
        }
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value instanceof String ? "a string" : value instanceof List ? "an array"
                : value instanceof Number ? "a number" : "an object";
    }
}
