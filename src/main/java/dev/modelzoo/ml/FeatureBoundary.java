package dev.modelzoo.ml;

import java.util.List;
import java.util.Set;

/**
 * Where a network's feature-extracting stack ends: for a CNN, the last layer of its leading run of convolution,
 * pooling, normalisation and padding layers (LeNet: the second pooling layer, index 3). The layers after it (dense
 * layers and the output layer) are what FREEZE_FEATURES trains. A network that does not start with a convolution
 * (an MLP, a recurrent net) has no boundary. Works on layer type names, so that it applies to any stored
 * architecture summary as well as to a loaded network.
 */
public final class FeatureBoundary {

    /** DL4J layer configurations (simple class names) that belong to a convolutional feature stack. */
    static final Set<String> STACK = Set.of("ConvolutionLayer", "Convolution1DLayer", "Convolution3D",
            "Deconvolution2D", "Deconvolution3D", "DepthwiseConvolution2D", "SeparableConvolution2D",
            "SubsamplingLayer", "Subsampling1DLayer", "Subsampling3DLayer", "GlobalPoolingLayer", "BatchNormalization",
            "LocalResponseNormalization", "ZeroPaddingLayer", "ZeroPadding1DLayer", "Cropping2D", "Upsampling2D",
            "SpaceToDepthLayer", "ActivationLayer", "DropoutLayer");
    private static final Set<String> CONVOLUTIONS = Set.of("ConvolutionLayer", "Convolution1DLayer", "Convolution3D",
            "DepthwiseConvolution2D", "SeparableConvolution2D");

    private static final Set<String> LEADING = Set.of("ZeroPaddingLayer", "Cropping2D");

    private FeatureBoundary() {
    }

    /**
     * The boundary's layer index for layers of these types (in order, the output layer last), or null when the
     * network does not start with a convolutional stack.
     */
    public static Integer of(List<String> layerTypes) {
        int first = 0;
        // padding in front of the first convolution (Keras models' "Conv1_pad") belongs to the stack
        while (first < layerTypes.size() && LEADING.contains(layerTypes.get(first))) {
            first++;
        }
        if (first >= layerTypes.size() || !CONVOLUTIONS.contains(layerTypes.get(first))) {
            return null;
        }
        int last = first;
        while (last + 1 < layerTypes.size() - 1 && STACK.contains(layerTypes.get(last + 1))) {
            last++;
        }
        return last;
    }

    /** For a graph: the last single-tensor boundary at or before the stack's end (null when there is none). */
    static Integer lastCutWithin(Integer boundary, List<Integer> cuts) {
        if (boundary == null) {
            return null;
        }
        Integer found = null;
        for (int cut : cuts) {
            if (cut <= boundary) {
                found = cut;
            }
        }
        return found;
    }
}
