package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layers after a frozen prefix as a network of their own, fed with the prefix's output. Used instead of DL4J's
 * TransferLearningHelper, whose trainable part loses the input preprocessor when the prefix ends in a
 * convolution or pooling layer (and which copies parameters back after every minibatch). A graph is cut with
 * {@link GraphCut}.
 */
final class TrainableTail {

    private final LoadedNetwork network;
    private final int frozenUpTo;
    private final LoadedNetwork tail;

    TrainableTail(LoadedNetwork network, int frozenUpTo) {
        this.network = network;
        this.frozenUpTo = frozenUpTo;
        this.tail = network.isGraph() ? new LoadedNetwork(GraphCut.tail(network.graph(), frozenUpTo))
                : new LoadedNetwork(layerTail(network.multiLayer(), frozenUpTo));
    }

    LoadedNetwork network() {
        return tail;
    }

    /** Runs the frozen prefix (layers always in inference mode, as frozen layers are) over batches of inputs. */
    interface Prefix {
        INDArray output(INDArray inputs);
    }

    static Prefix prefix(LoadedNetwork network, int frozenUpTo) {
        if (network.isGraph()) {
            ComputationGraph prefix = GraphCut.prefix(network.graph(), frozenUpTo);
            return inputs -> GraphCut.output(prefix, inputs);
        }
        MultiLayerNetwork layers = network.multiLayer();
        return inputs -> {
            List<INDArray> activations = layers.feedForwardToLayer(frozenUpTo, inputs, false);
            return activations.get(activations.size() - 1).dup();
        };
    }

    /** Writes the trained tail's parameters back into the full network. */
    void copyBack() {
        if (network.isGraph()) {
            GraphCut.copyParameters(tail.graph(), network.graph());
            return;
        }
        MultiLayerNetwork full = network.multiLayer();
        for (int i = frozenUpTo + 1; i < full.getnLayers(); i++) {
            if (full.getLayer(i).numParams() > 0) {
                LayerParameters.copy(tail.multiLayer().getLayer(i - frozenUpTo - 1), full.getLayer(i));
            }
        }
    }

    private static MultiLayerNetwork layerTail(MultiLayerNetwork network, int frozenUpTo) {
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
        MultiLayerNetwork tail = new MultiLayerNetwork(tailConf);
        tail.init();
        for (int i = frozenUpTo + 1; i < network.getnLayers(); i++) {
            if (network.getLayer(i).numParams() > 0) {
                LayerParameters.copy(network.getLayer(i), tail.getLayer(i - frozenUpTo - 1));
            }
        }
        return tail;
    }
}
