package dev.modelzoo.ml;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A loaded DL4J network, either a {@link MultiLayerNetwork} or a single-input {@link ComputationGraph}. */
public final class LoadedNetwork {

    private final Model model;

    public LoadedNetwork(Model model) {
        if (!(model instanceof MultiLayerNetwork) && !(model instanceof ComputationGraph)) {
            throw new IllegalArgumentException("Unsupported model type " + model.getClass().getSimpleName());
        }
        this.model = model;
    }

    public Model model() {
        return model;
    }

    public boolean isGraph() {
        return model instanceof ComputationGraph;
    }

    public MultiLayerNetwork multiLayer() {
        return (MultiLayerNetwork) model;
    }

    public ComputationGraph graph() {
        return (ComputationGraph) model;
    }

    /** Runs inference on a batch (the first dimension is the batch). */
    public INDArray output(INDArray input) {
        return isGraph() ? graph().outputSingle(false, input) : multiLayer().output(input, false);
    }

    public long parameterCount() {
        return model.numParams();
    }

    /** The layer configurations in execution order, with wrappers such as frozen layers left in place. */
    public List<Layer> layerConfigs() {
        if (isGraph()) {
            return GraphLayers.inOrder(graph()).stream().map(GraphLayers.Named::layer).toList();
        }
        return multiLayer().getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
    }

    /** The layer inside any wrapper (frozen layers wrap the layer they freeze). */
    static Layer unwrap(Layer layer) {
        Layer current = layer;
        while (true) {
            if (current instanceof FrozenLayer frozen) {
                current = frozen.getLayer();
            } else if (current instanceof BaseWrapperLayer wrapper) {
                current = wrapper.getUnderlying();
            } else {
                return current;
            }
        }
    }

    /** Whether training leaves this layer's parameters unchanged. */
    static boolean isFrozen(Layer layer) {
        return layer instanceof FrozenLayer
                || layer instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
    }
}
