package dev.modelzoo.ml;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
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

    /**
     * Whether the network's convolutions take channels-last input ({@code [batch, height, width, channels]}),
     * read from its first layer with a 2D data format (Keras and TF.js imports keep their model's layout).
     */
    public boolean channelsLast() {
        for (Layer config : layerConfigs()) {
            CNN2DFormat format = dataFormat(unwrap(config));
            if (format != null) {
                return format == CNN2DFormat.NHWC;
            }
        }
        return false;
    }

    /** The layers a network can be fed at: the layer vertices of a graph, or every layer, in execution order. */
    public int layerCount() {
        return layerConfigs().size();
    }

    private static CNN2DFormat dataFormat(Layer layer) {
        if (layer instanceof ConvolutionLayer convolution) {
            return convolution.getCnn2dDataFormat();
        }
        if (layer instanceof SubsamplingLayer pooling) {
            return pooling.getCnn2dDataFormat();
        }
        if (layer instanceof ZeroPaddingLayer padding) {
            return padding.getDataFormat();
        }
        return null;
    }

    /** Runs inference on a batch (the first dimension is the batch). */
    public INDArray output(INDArray input) {
        return isGraph() ? graph().outputSingle(false, input) : multiLayer().output(input, false);
    }

    /** The output layer's runtime layer (the one a new head's weights are written to). */
    public org.deeplearning4j.nn.api.Layer outputLayer() {
        return isGraph() ? graph().getOutputLayer(0) : multiLayer().getOutputLayer();
    }

    /** One optimiser step on a minibatch; returns its loss. */
    public double fit(org.nd4j.linalg.dataset.DataSet batch) {
        if (isGraph()) {
            graph().fit(batch);
            return graph().score();
        }
        multiLayer().fit(batch);
        return multiLayer().score();
    }

    /** A copy of all parameters as one vector. */
    public INDArray parameters() {
        return model.params().dup();
    }

    public void setParameters(INDArray parameters) {
        model.setParams(parameters);
    }

    /** An independent copy (configuration and parameters). */
    public LoadedNetwork copy() {
        return new LoadedNetwork(isGraph() ? graph().clone() : multiLayer().clone());
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
