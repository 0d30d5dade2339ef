package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks a declared input shape against what the network really accepts: the first layer's input size, the sizes
 * each later layer expects given that shape, and finally one forward pass with an input of exactly that shape.
 */
public final class InputCheck {

    /** Largest image side tried when looking for the size a network was built for. */
    private static final int MAX_SIDE = 1024;

    private InputCheck() {
    }

    /** An image-like input {@code [channels, height, width]} (images, spectrograms). */
    public static List<ShapeProblem> image(LoadedNetwork network, long channels, long height, long width) {
        InputLayout layout = NetworkInspector.inputLayout(network.layerConfigs());
        List<ShapeProblem> problems = new ArrayList<>();
        switch (layout.kind()) {
            case CONVOLUTIONAL -> {
                if (layout.size() != channels) {
                    problems.add(new ShapeProblem("channels", Long.toString(layout.size()), Long.toString(channels),
                            "the first convolution takes " + layout.size() + " channel(s), the spec declares "
                                    + channels));
                }
                problems.addAll(imageSize(network, layout.size(), height, width));
            }
            case DENSE -> {
                long volume = channels * height * width;
                if (layout.size() != volume) {
                    problems.add(new ShapeProblem("shape", layout.size() + " values", volume + " values",
                            "the first layer is dense over " + layout.size() + " values, but " + channels + "x"
                                    + height + "x" + width + " images have " + volume));
                }
            }
            default -> problems.add(wrongKind(layout, "an image-like input"));
        }
        if (problems.isEmpty()) {
            long[] shape = layout.kind() == InputLayout.Kind.DENSE
                    ? new long[] {1, channels * height * width} : new long[] {1, channels, height, width};
            probe(network, shape).ifPresent(problems::add);
        }
        return problems;
    }

    /** A flat feature vector {@code [features]}. */
    public static List<ShapeProblem> vector(LoadedNetwork network, long features) {
        InputLayout layout = NetworkInspector.inputLayout(network.layerConfigs());
        List<ShapeProblem> problems = new ArrayList<>();
        if (layout.kind() != InputLayout.Kind.DENSE) {
            problems.add(wrongKind(layout, "a flat feature vector"));
        } else if (layout.size() != features) {
            problems.add(new ShapeProblem("features", Long.toString(layout.size()), Long.toString(features),
                    "the first layer takes " + layout.size() + " features, the spec declares " + features));
        }
        if (problems.isEmpty()) {
            probe(network, new long[] {1, features}).ifPresent(problems::add);
        }
        return problems;
    }

    /** A multivariate series {@code [features, steps]}. */
    public static List<ShapeProblem> sequence(LoadedNetwork network, long features, long steps) {
        InputLayout layout = NetworkInspector.inputLayout(network.layerConfigs());
        List<ShapeProblem> problems = new ArrayList<>();
        if (layout.kind() != InputLayout.Kind.RECURRENT) {
            problems.add(wrongKind(layout, "a sequence of feature vectors"));
        } else if (layout.size() != features) {
            problems.add(new ShapeProblem("features", Long.toString(layout.size()), Long.toString(features),
                    "the recurrent input layer takes " + layout.size() + " features per step, the spec declares "
                            + features));
        }
        if (problems.isEmpty()) {
            probe(network, new long[] {1, features, steps}).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Token ids {@code [sequenceLength]} from a vocabulary: an embedding first layer (vocabulary = its input size),
     * or a dense layer over a bag of tokens (vocabulary = its input size).
     */
    public static List<ShapeProblem> tokens(LoadedNetwork network, long sequenceLength, long vocabularySize) {
        InputLayout layout = NetworkInspector.inputLayout(network.layerConfigs());
        List<ShapeProblem> problems = new ArrayList<>();
        if (layout.kind() != InputLayout.Kind.EMBEDDING && layout.kind() != InputLayout.Kind.DENSE) {
            problems.add(wrongKind(layout, "token ids"));
            return problems;
        }
        if (layout.size() != vocabularySize) {
            problems.add(new ShapeProblem("vocabularySize", Long.toString(layout.size()),
                    Long.toString(vocabularySize), "the first layer covers a vocabulary of " + layout.size()
                            + " tokens, the spec declares " + vocabularySize));
        }
        if (layout.sequenceLength() > 0 && layout.sequenceLength() != sequenceLength) {
            problems.add(new ShapeProblem("sequenceLength", Long.toString(layout.sequenceLength()),
                    Long.toString(sequenceLength), "the embedding layer takes sequences of "
                            + layout.sequenceLength() + " tokens, the spec declares " + sequenceLength));
        }
        if (problems.isEmpty()) {
            long[] shape = layout.kind() == InputLayout.Kind.DENSE
                    ? new long[] {1, vocabularySize} : new long[] {1, sequenceLength};
            probe(network, shape).ifPresent(problems::add);
        }
        return problems;
    }

    private static List<ShapeProblem> imageSize(LoadedNetwork network, long channels, long height, long width) {
        if (network.isGraph()) {
            return List.of();
        }
        MultiLayerConfiguration conf = network.multiLayer().getLayerWiseConfigurations();
        CNN2DFormat format = network.channelsLast() ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
        Optional<String> mismatch = propagate(conf, InputType.convolutional(height, width, channels, format));
        if (mismatch.isEmpty()) {
            return List.of();
        }
        long[] best = null;
        for (int side = 1; side <= MAX_SIDE; side++) {
            if (accepts(conf, side, channels, format) && (best == null || Math.abs(side - height) + Math.abs(side - width)
                    < Math.abs(best[0] - height) + Math.abs(best[1] - width))) {
                best = new long[] {side, side};
            }
        }
        // pooling truncates, so a run of sizes fits; the smallest of the run is the size the network was built for
        while (best != null && best[0] > 1 && accepts(conf, (int) best[0] - 1, channels, format)) {
            best = new long[] {best[0] - 1, best[1] - 1};
        }
        if (best == null) {
            return List.of(new ShapeProblem("shape", "a size the network accepts", height + "x" + width,
                    "with a " + height + "x" + width + " input " + mismatch.get()));
        }
        List<ShapeProblem> problems = new ArrayList<>();
        if (best[0] != height) {
            problems.add(new ShapeProblem("height", Long.toString(best[0]), Long.toString(height),
                    "the network was built for height " + best[0] + " (with " + height + ", " + mismatch.get()
                            + ")"));
        }
        if (best[1] != width) {
            problems.add(new ShapeProblem("width", Long.toString(best[1]), Long.toString(width),
                    "the network was built for width " + best[1] + " (with " + width + ", " + mismatch.get()
                            + ")"));
        }
        return problems;
    }

    private static boolean accepts(MultiLayerConfiguration conf, int side, long channels, CNN2DFormat format) {
        return propagate(conf, InputType.convolutional(side, side, channels, format)).isEmpty();
    }

    /** Walks the configuration with {@code input}; returns the first layer whose input size would not fit. */
    static Optional<String> propagate(MultiLayerConfiguration conf, InputType input) {
        InputType current = input;
        try {
            for (int i = 0; i < conf.getConfs().size(); i++) {
                Layer layer = LoadedNetwork.unwrap(conf.getConf(i).getLayer());
                InputPreProcessor preprocessor = conf.getInputPreProcess(i);
                if (preprocessor != null) {
                    current = preprocessor.getOutputType(current);
                }
                if (layer instanceof FeedForwardLayer ff && ff.getNIn() > 0) {
                    long arriving = arrivingSize(current);
                    if (arriving != ff.getNIn()) {
                        return Optional.of("layer " + i + " (" + layer.getClass().getSimpleName() + ") would receive "
                                + arriving + " inputs but takes " + ff.getNIn());
                    }
                }
                current = layer.getOutputType(i, current);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the input shrinks to nothing before the output layer");
        }
    }

    private static long arrivingSize(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional convolutional) {
            return convolutional.getChannels();
        }
        if (type instanceof InputType.InputTypeFeedForward feedForward) {
            return feedForward.getSize();
        }
        if (type instanceof InputType.InputTypeRecurrent recurrent) {
            return recurrent.getSize();
        }
        return type.arrayElementsPerExample();
    }

    private static Optional<ShapeProblem> probe(LoadedNetwork network, long[] shape) {
        try {
            network.output(ImageTensors.forNetwork(network, Nd4j.zeros(DataType.FLOAT, shape)));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new ShapeProblem("shape", "an input the network accepts",
                    java.util.Arrays.toString(java.util.Arrays.copyOfRange(shape, 1, shape.length)),
                    "a forward pass with the declared shape failed: " + NetworkLoader.firstLine(e)));
        }
    }

    private static ShapeProblem wrongKind(InputLayout layout, String wanted) {
        return new ShapeProblem("modality", wanted, layout.kind().name().toLowerCase() + " first layer",
                "the network's first layer is " + layout.kind().name().toLowerCase() + ", which does not take "
                        + wanted);
    }
}
