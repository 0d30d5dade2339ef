package dev.modelzoo.compatibility;

import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import java.util.List;

/**
 * What the checker needs of a base model version: its specs, the number of layers, the feature layer (the one
 * feeding the output layer; null when the network has only an output layer) and the feature boundary (the end of
 * its convolutional stack; null when it has none), and for a graph the layer indices it can be frozen at (null: any).
 */
public record BaseFacts(String reference, InputSpec inputSpec, OutputSpec outputSpec, int layerCount,
        Integer featureLayer, Integer featureBoundary, List<Integer> cuts) {
}
