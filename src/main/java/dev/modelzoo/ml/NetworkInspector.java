package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Reads the architecture summary of a loaded network from the network itself. */
public final class NetworkInspector {

    /** Layers that keep the channel count and declare no input size (Keras models often start with padding). */
    private static final java.util.Set<String> PASS_THROUGH = java.util.Set.of("ZeroPaddingLayer", "Cropping2D",
            "DropoutLayer", "ActivationLayer");

    private NetworkInspector() {
    }

    public static NetworkSummary summarize(LoadedNetwork network) {
        List<Layer> configs = network.layerConfigs();
        List<LayerSummary> layers = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Layer wrapped = configs.get(i);
            Layer layer = LoadedNetwork.unwrap(wrapped);
            Long nIn = layer instanceof FeedForwardLayer ff ? ff.getNIn() : null;
            Long nOut = layer instanceof FeedForwardLayer ff ? ff.getNOut() : null;
            String name = layer.getLayerName() != null ? layer.getLayerName() : "layer" + i;
            layers.add(new LayerSummary(i, name, layer.getClass().getSimpleName(), nIn, nOut,
                    parameters(network, i, wrapped), !LoadedNetwork.isFrozen(wrapped)));
        }
        if (layers.isEmpty()) {
            throw new ArtifactException("The network has no layers");
        }
        LayerSummary output = layers.get(layers.size() - 1);
        if (output.nOut() == null) {
            throw new ArtifactException("The last layer (" + output.type() + ") has no output size");
        }
        List<String> types = layers.stream().map(LayerSummary::type).toList();
        Integer featureLayer = layers.size() > 1 ? layers.size() - 2 : null;
        Integer boundary = FeatureBoundary.of(types);
        List<Integer> cuts = null;
        if (network.isGraph()) {
            // a graph is frozen and featurized only at single-tensor boundaries
            cuts = GraphCut.cuts(network.graph());
            featureLayer = featureLayer != null && cuts.contains(featureLayer) ? featureLayer : null;
            boundary = FeatureBoundary.lastCutWithin(boundary, cuts);
        }
        return new NetworkSummary(network.isGraph() ? "ComputationGraph" : "MultiLayerNetwork", layers,
                network.parameterCount(), featureLayer, boundary, inputLayout(configs), output.nOut(), cuts);
    }

    /** What the first layer that declares an input size consumes (leading padding and cropping pass through). */
    static InputLayout inputLayout(List<Layer> layers) {
        for (Layer layer : layers) {
            if (!PASS_THROUGH.contains(LoadedNetwork.unwrap(layer).getClass().getSimpleName())) {
                return inputLayout(layer);
            }
        }
        return inputLayout(layers.get(0));
    }

    /** What this layer consumes. */
    private static InputLayout inputLayout(Layer first) {
        Layer layer = LoadedNetwork.unwrap(first);
        if (layer instanceof Bidirectional bidirectional) {
            layer = bidirectional.getFwd();
        }
        if (layer instanceof EmbeddingSequenceLayer embedding) {
            return new InputLayout(InputLayout.Kind.EMBEDDING, embedding.getNIn(),
                    Math.max(0, embedding.getInputLength()));
        }
        if (layer instanceof EmbeddingLayer embedding) {
            return new InputLayout(InputLayout.Kind.EMBEDDING, embedding.getNIn(), 0);
        }
        if (layer instanceof ConvolutionLayer convolution) {
            return new InputLayout(InputLayout.Kind.CONVOLUTIONAL, convolution.getNIn(), 0);
        }
        if (layer instanceof BaseRecurrentLayer recurrent) {
            return new InputLayout(InputLayout.Kind.RECURRENT, recurrent.getNIn(), 0);
        }
        if (layer instanceof FeedForwardLayer dense) {
            return new InputLayout(InputLayout.Kind.DENSE, dense.getNIn(), 0);
        }
        throw new ArtifactException("The first layer (" + layer.getClass().getSimpleName()
                + ") does not declare its input size");
    }

    private static long parameters(LoadedNetwork network, int index, Layer config) {
        if (network.isGraph()) {
            ComputationGraph graph = network.graph();
            String name = GraphLayers.inOrder(graph).get(index).name();
            return graph.getLayer(name).numParams();
        }
        return network.multiLayer().getLayer(index).numParams();
    }
}
