package dev.modelzoo.catalog;

import dev.modelzoo.ml.FeatureBoundary;
import dev.modelzoo.ml.LayerSummary;
import dev.modelzoo.ml.NetworkSummary;
import java.util.List;

/**
 * The architecture summary read from the network: type, parameter count, feature layer (feeding the output layer),
 * feature boundary (the last layer of the convolutional stack, which FREEZE_FEATURES freezes; null when there is
 * none), layers, and for a graph the layer indices it can be frozen at (null: any layer of a layer stack).
 */
public record Architecture(String type, long parameterCount, Integer featureLayer, Integer featureBoundary,
        List<LayerSummary> layers, List<Integer> cuts) {

    public Architecture(String type, long parameterCount, Integer featureLayer, Integer featureBoundary,
            List<LayerSummary> layers) {
        this(type, parameterCount, featureLayer, featureBoundary, layers, null);
    }

    public Architecture {
        // summaries stored before the boundary existed get it from their layer types
        if (featureBoundary == null && layers != null && cuts == null) {
            featureBoundary = FeatureBoundary.of(layers.stream().map(LayerSummary::type).toList());
        }
    }

    public static Architecture of(NetworkSummary summary) {
        return new Architecture(summary.type(), summary.parameterCount(), summary.featureLayer(),
                summary.featureBoundary(), summary.layers(), summary.cuts());
    }
}
