package dev.modelzoo.ml;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies one layer's parameters into another by name. DL4J M2.1's per-layer {@code setParams(flat)} reads a flat
 * vector in the configuration's variable order, but a depthwise convolution lays its bias out first: copying flat
 * vectors layer by layer (as TransferLearning does) swaps part of the kernel with the bias. Copying each named
 * parameter ({@code W}, {@code b}, ...) is correct for every layer type.
 */
final class LayerParameters {

    private LayerParameters() {
    }

    static void copy(Layer from, Layer to) {
        for (Map.Entry<String, INDArray> parameter : from.paramTable().entrySet()) {
            to.setParam(parameter.getKey(), parameter.getValue());
        }
    }
}
