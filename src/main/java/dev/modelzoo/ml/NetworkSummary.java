package dev.modelzoo.ml;

import java.util.List;

/**
 * What a network really is, read from its configuration and parameters: its layers, parameter count, the feature
 * layer (the one feeding the output layer), the first layer's input, and the output size.
 */
public record NetworkSummary(String type, List<LayerSummary> layers, long parameterCount, Integer featureLayer,
        InputLayout input, long outputSize) {
}
