package dev.modelzoo.finetune;

import dev.modelzoo.catalog.Architecture;
import dev.modelzoo.spec.Strategy;
import java.util.List;

/**
 * The two layer indices gradual unfreezing needs, read from the base's architecture summary: the feature layer
 * (feeding the output layer) and the feature boundary (end of the convolutional stack; null when there is none).
 */
record StageLayout(int featureLayer, Integer featureBoundary) {

    static StageLayout of(Architecture architecture) {
        return new StageLayout(architecture.featureLayer(), architecture.featureBoundary());
    }

    List<Integer> stages(Strategy strategy, Integer freezeUpTo) {
        return strategy.stages(featureLayer, featureBoundary, freezeUpTo);
    }

    /** The strategy a stage stands for: its label in events and reports. */
    Strategy strategyOf(int frozenUpTo) {
        return Strategy.ofStage(frozenUpTo, featureLayer, featureBoundary);
    }
}
