package dev.modelzoo.ml;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
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
 * architecture from scratch (the baseline), and a copy without frozen wrappers for publishing.
 */
public final class Transfer {

    private Transfer() {
    }

    /**
     * A new network with the pre-trained values of {@code base} (copied, {@code base} is untouched) and a fresh
     * softmax output layer of {@code classes} units. Nothing is wrapped as frozen: {@link FineTuner} freezes a
     * prefix by training only the layers after it, on the prefix's output.
     */
    public static MultiLayerNetwork build(MultiLayerNetwork base, int classes, double learningRate, long seed) {
        // addLayer() draws the new head's weights from the global RNG, so seed it for reproducible heads
        Nd4j.getRandom().setSeed(seed);
        // a base published with frozen wrappers would keep them: every layer must be trainable by some stage
        TransferLearning.Builder builder = new TransferLearning.Builder(unfrozenCopy(base))
                .fineTuneConfiguration(new FineTuneConfiguration.Builder()
                        .updater(new Adam(learningRate)).seed(seed).build());
        return builder.removeOutputLayer()
                .addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nIn(featureSize(base)).nOut(classes).weightInit(WeightInit.XAVIER)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    /** The number of inputs of the output layer: the size of the features a new head is trained on. */
    public static long featureSize(MultiLayerNetwork network) {
        Layer output = LoadedNetwork.unwrap(network.getLayer(network.getnLayers() - 1).conf().getLayer());
        if (!(output instanceof FeedForwardLayer feedForward)) {
            throw new IllegalArgumentException("The output layer " + output.getClass().getSimpleName()
                    + " has no input size");
        }
        return feedForward.getNIn();
    }

    /** The architecture of {@code transferred} with fresh random weights and nothing frozen. */
    public static MultiLayerNetwork scratch(MultiLayerNetwork transferred, double learningRate, long seed) {
        MultiLayerConfiguration conf = unfrozenConfiguration(transferred);
        for (var layerConf : conf.getConfs()) {
            layerConf.setSeed(seed);
            if (layerConf.getLayer() instanceof BaseLayer layer) {
                layer.setIUpdater(new Adam(learningRate));
            }
        }
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** The same network and parameters without frozen wrappers, so that a derived model can be fine-tuned again. */
    public static MultiLayerNetwork unfrozenCopy(MultiLayerNetwork network) {
        MultiLayerNetwork copy = new MultiLayerNetwork(unfrozenConfiguration(network));
        copy.init(network.params().dup(), false);
        return copy;
    }

    private static MultiLayerConfiguration unfrozenConfiguration(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations().clone();
        for (var layerConf : conf.getConfs()) {
            if (layerConf.getLayer() instanceof FrozenLayer frozen) {
                layerConf.setLayer(frozen.getLayer());
            } else if (layerConf.getLayer() instanceof FrozenLayerWithBackprop wrapper) {
                layerConf.setLayer(wrapper.getUnderlying());
            }
        }
        return conf;
    }
}
