package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layers after a frozen prefix as a network of their own, fed with the prefix's output. Used instead of DL4J's
 * TransferLearningHelper, whose trainable part loses the input preprocessor when the prefix ends in a
 * convolution or pooling layer (and which copies parameters back after every minibatch).
 */
final class TrainableTail {

    private final MultiLayerNetwork network;
    private final int frozenUpTo;
    private final MultiLayerNetwork tail;

    TrainableTail(MultiLayerNetwork network, int frozenUpTo) {
        this.network = network;
        this.frozenUpTo = frozenUpTo;
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        Map<Integer, InputPreProcessor> preprocessors = new HashMap<>();
        for (int i = frozenUpTo + 1; i < conf.getConfs().size(); i++) {
            confs.add(conf.getConf(i).clone());
            InputPreProcessor preprocessor = conf.getInputPreProcess(i);
            if (preprocessor != null) {
                preprocessors.put(i - frozenUpTo - 1, preprocessor.clone());
            }
        }
        MultiLayerConfiguration tailConf = new MultiLayerConfiguration.Builder()
                .confs(confs)
                .inputPreProcessors(preprocessors)
                .backpropType(conf.getBackpropType())
                .trainingWorkspaceMode(conf.getTrainingWorkspaceMode())
                .inferenceWorkspaceMode(conf.getInferenceWorkspaceMode())
                .cacheMode(conf.getCacheMode())
                .dataType(conf.getDataType())
                .build();
        tail = new MultiLayerNetwork(tailConf);
        tail.init();
        for (int i = frozenUpTo + 1; i < network.getnLayers(); i++) {
            if (network.getLayer(i).numParams() > 0) {
                tail.getLayer(i - frozenUpTo - 1).setParams(network.getLayer(i).params().dup());
            }
        }
    }

    MultiLayerNetwork network() {
        return tail;
    }

    /** The frozen prefix's output for a batch of inputs (layers always in inference mode, as frozen layers are). */
    static INDArray prefixOutput(MultiLayerNetwork network, int frozenUpTo, INDArray inputs) {
        List<INDArray> activations = network.feedForwardToLayer(frozenUpTo, inputs, false);
        return activations.get(activations.size() - 1).dup();
    }

    /** Writes the trained tail's parameters back into the full network. */
    void copyBack() {
        for (int i = frozenUpTo + 1; i < network.getnLayers(); i++) {
            if (network.getLayer(i).numParams() > 0) {
                network.getLayer(i).setParams(tail.getLayer(i - frozenUpTo - 1).params().dup());
            }
        }
    }
}
