package dev.modelzoo.client.view;

import java.util.List;

/** The architecture read from the real network: type, parameters, feature layer and boundary, layers. */
public record Architecture(String type, long parameterCount, Integer featureLayer, Integer featureBoundary,
        List<Layer> layers) {
}
