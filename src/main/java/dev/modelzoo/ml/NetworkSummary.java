package dev.modelzoo.ml;

import java.util.List;

/**
 * What a network really is, read from its configuration and parameters: its layers, parameter count, the feature
 * layer (the one feeding the output layer), the end of its convolutional feature stack ({@link FeatureBoundary},
 * null when it has none), the first layer's input, the output size, and for a graph the layer indices it can be
 * frozen at ({@link GraphCut}; null for a layer stack, which can be frozen at any layer).
 */
public record NetworkSummary(String type, List<LayerSummary> layers, long parameterCount, Integer featureLayer,
        Integer featureBoundary, InputLayout input, long outputSize, List<Integer> cuts) {
}
