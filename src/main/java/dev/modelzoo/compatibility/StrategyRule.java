package dev.modelzoo.compatibility;

import dev.modelzoo.spec.Strategy;
import java.util.List;

/**
 * The strategy must fit the network: FREEZE_UP_TO needs an index inside the network and below the output layer;
 * every strategy but FULL needs a feature layer in front of the output layer (HEAD_ONLY, and the head stage of the
 * others); FREEZE_FEATURES needs a convolutional feature stack (a feature boundary, derived from the network).
 */
final class StrategyRule implements CompatibilityRule {

    @Override
    public String name() {
        return "strategy";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        Strategy strategy = request.strategy() == null ? Strategy.HEAD_ONLY : request.strategy();
        int outputLayer = request.base().layerCount() - 1;
        Integer featureLayer = request.base().featureLayer();
        if (strategy != Strategy.FULL && featureLayer == null) {
            return List.of(Finding.error(name(), "strategy", "a feature layer before the output layer", "none",
                    request.base().reference() + " has only an output layer, so there is nothing to freeze",
                    "Use strategy FULL"));
        }
        if (strategy == Strategy.FREEZE_FEATURES && request.base().featureBoundary() == null) {
            return List.of(Finding.error(name(), "strategy", "a convolutional feature stack", "none",
                    request.base().reference() + " does not start with convolution layers, so it has no feature"
                            + " stack to freeze apart from its dense layers",
                    "Use HEAD_ONLY, FULL or AUTO (which skips FREEZE_FEATURES for such networks)"));
        }
        if (strategy == Strategy.FREEZE_UP_TO) {
            Integer index = request.freezeUpTo();
            if (index == null || index < 0 || index >= outputLayer) {
                return List.of(Finding.error(name(), "freezeUpTo", "0.." + (outputLayer - 1), index,
                        "freezeUpTo must name a layer inside the network below the output layer (index "
                                + outputLayer + ")", "Use a freezeUpTo from 0 to " + (outputLayer - 1)
                                + ", HEAD_ONLY to freeze everything but the output layer, FREEZE_FEATURES to freeze"
                                + " the convolutional stack, or FULL"));
            }
            List<Integer> cuts = request.base().cuts();
            if (cuts != null && !cuts.contains(index)) {
                return List.of(Finding.error(name(), "freezeUpTo", "a layer no skip connection crosses", index,
                        request.base().reference() + " is a graph, and a connection from before layer " + index
                                + " bypasses it, so freezing up to it would not freeze a closed part of the graph",
                        "Use a freezeUpTo at a boundary of the graph: " + nearest(cuts, index)));
            }
        } else if (request.freezeUpTo() != null) {
            return List.of(Finding.error(name(), "freezeUpTo", "null", request.freezeUpTo(),
                    "freezeUpTo only applies to strategy FREEZE_UP_TO", "Drop freezeUpTo or use FREEZE_UP_TO"));
        }
        return List.of();
    }

    /** The boundaries just below and above {@code index}, as a suggestion. */
    private static String nearest(List<Integer> cuts, int index) {
        Integer below = null;
        Integer above = null;
        for (int cut : cuts) {
            if (cut < index) {
                below = cut;
            } else if (above == null) {
                above = cut;
            }
        }
        return below == null ? String.valueOf(above) : above == null ? String.valueOf(below) : below + " or " + above;
    }
}
