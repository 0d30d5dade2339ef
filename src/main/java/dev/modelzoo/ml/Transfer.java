package dev.modelzoo.ml;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the networks of a fine-tune from a pre-trained one: the transfer network (output layer replaced), the same
 * architecture from scratch (the baseline), and a copy without frozen wrappers for publishing. Works on layer
 * stacks and on single-input, single-output computation graphs (whose output vertex is replaced under its name).
 */
public final class Transfer {

    private Transfer() {
    }

    /**
     * A new network with the pre-trained values of {@code base} (copied, {@code base} is untouched) and a fresh
     * softmax output layer of {@code classes} units. Nothing is wrapped as frozen: {@link FineTuner} freezes a
     * prefix by training only the layers after it, on the prefix's output.
     */
    public static LoadedNetwork build(LoadedNetwork base, int classes, double learningRate, long seed) {
        // addLayer() draws the new head's weights from the global RNG, so seed it for reproducible heads
        Nd4j.getRandom().setSeed(seed);
        FineTuneConfiguration fineTune = new FineTuneConfiguration.Builder()
                .updater(new Adam(learningRate)).seed(seed).build();
        OutputLayer head = new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(featureSize(base)).nOut(classes).weightInit(WeightInit.XAVIER)
                .activation(Activation.SOFTMAX).build();
        if (!base.isGraph()) {
            // a base published with frozen wrappers would keep them: every layer must be trainable by some stage
            MultiLayerNetwork layers = unfrozenCopy(base).multiLayer();
            MultiLayerNetwork built = new TransferLearning.Builder(layers).fineTuneConfiguration(fineTune)
                    .removeOutputLayer().addLayer(head).build();
            for (int i = 0; i < layers.getnLayers() - 1; i++) {
                LayerParameters.copy(layers.getLayer(i), built.getLayer(i));
            }
            return new LoadedNetwork(built);
        }
        ComputationGraph graph = unfrozenCopy(base).graph();
        String output = graph.getConfiguration().getNetworkOutputs().get(0);
        List<String> inputs = graph.getConfiguration().getVertexInputs().get(output);
        // the fine-tune configuration must come first: removals before it are silently dropped (deeplearning4j#8992)
        ComputationGraph built = new TransferLearning.GraphBuilder(graph).fineTuneConfiguration(fineTune)
                .removeVertexKeepConnections(output).addLayer(output, head, inputs.toArray(String[]::new))
                .setOutputs(output).build();
        // TransferLearning copied the pre-trained layers as flat vectors (see LayerParameters): copy them by name
        for (org.deeplearning4j.nn.graph.vertex.GraphVertex vertex : built.getVertices()) {
            if (vertex.hasLayer() && !vertex.getVertexName().equals(output)) {
                LayerParameters.copy(graph.getLayer(vertex.getVertexName()), vertex.getLayer());
            }
        }
        return new LoadedNetwork(built);
    }

    /** The number of inputs of the output layer: the size of the features a new head is trained on. */
    public static long featureSize(LoadedNetwork network) {
        List<Layer> layers = network.layerConfigs();
        Layer output = LoadedNetwork.unwrap(layers.get(layers.size() - 1));
        if (!(output instanceof FeedForwardLayer feedForward)) {
            throw new IllegalArgumentException("The output layer " + output.getClass().getSimpleName()
                    + " has no input size");
        }
        return feedForward.getNIn();
    }

    /** The architecture of {@code transferred} with fresh random weights and nothing frozen. */
    public static LoadedNetwork scratch(LoadedNetwork transferred, double learningRate, long seed) {
        Nd4j.getRandom().setSeed(seed);
        if (transferred.isGraph()) {
            ComputationGraphConfiguration conf = unfrozenConfiguration(transferred.graph());
            conf.getDefaultConfiguration().setSeed(seed);
            for (GraphVertex vertex : conf.getVertices().values()) {
                if (vertex instanceof LayerVertex layerVertex) {
                    layerVertex.getLayerConf().setSeed(seed);
                    if (layerVertex.getLayerConf().getLayer() instanceof BaseLayer layer) {
                        layer.setIUpdater(new Adam(learningRate));
                    }
                }
            }
            ComputationGraph graph = new ComputationGraph(conf);
            graph.init();
            return new LoadedNetwork(graph);
        }
        MultiLayerConfiguration conf = unfrozenConfiguration(transferred.multiLayer());
        for (var layerConf : conf.getConfs()) {
            layerConf.setSeed(seed);
            if (layerConf.getLayer() instanceof BaseLayer layer) {
                layer.setIUpdater(new Adam(learningRate));
            }
        }
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new LoadedNetwork(network);
    }

    /** The same network and parameters without frozen wrappers, so that a derived model can be fine-tuned again. */
    public static LoadedNetwork unfrozenCopy(LoadedNetwork network) {
        if (network.isGraph()) {
            ComputationGraph copy = new ComputationGraph(unfrozenConfiguration(network.graph()));
            copy.init(network.graph().params().dup(), false);
            return new LoadedNetwork(copy);
        }
        MultiLayerNetwork copy = new MultiLayerNetwork(unfrozenConfiguration(network.multiLayer()));
        copy.init(network.multiLayer().params().dup(), false);
        return new LoadedNetwork(copy);
    }

    private static MultiLayerConfiguration unfrozenConfiguration(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations().clone();
        for (var layerConf : conf.getConfs()) {
            layerConf.setLayer(unfrozen(layerConf.getLayer()));
        }
        return conf;
    }

    private static ComputationGraphConfiguration unfrozenConfiguration(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                layerVertex.getLayerConf().setLayer(unfrozen(layerVertex.getLayerConf().getLayer()));
            }
        }
        return conf;
    }

    private static Layer unfrozen(Layer layer) {
        if (layer instanceof FrozenLayer frozen) {
            return frozen.getLayer();
        }
        return layer instanceof FrozenLayerWithBackprop wrapper ? wrapper.getUnderlying() : layer;
    }
}
