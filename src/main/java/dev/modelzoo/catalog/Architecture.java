package dev.modelzoo.catalog;

import dev.modelzoo.ml.LayerSummary;
import dev.modelzoo.ml.NetworkSummary;
import java.util.List;

/** The architecture summary read from the network: type, parameter count, feature layer and layers. */
public record Architecture(String type, long parameterCount, Integer featureLayer, List<LayerSummary> layers) {

    public static Architecture of(NetworkSummary summary) {
        return new Architecture(summary.type(), summary.parameterCount(), summary.featureLayer(), summary.layers());
    }
}
