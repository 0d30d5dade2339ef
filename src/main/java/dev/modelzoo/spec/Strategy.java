package dev.modelzoo.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * How a fine-tune treats the pre-trained layers; the output layer is always replaced for the new labels. Every
 * strategy trains by gradual unfreezing: first the new head alone on the frozen features, then, stage by stage,
 * deeper layers, each stage starting from the previous one's best epoch ({@link #stages}).
 */
public enum Strategy {
    /** Option 1: every layer but the new output layer is frozen. */
    HEAD_ONLY,
    /**
     * The convolutional feature stack (up to the network's feature boundary) is frozen; the dense layers and the new
     * output layer are trained, on the stack's cached output.
     */
    FREEZE_FEATURES,
    /** Option 2: all layers are trained, starting from the pre-trained values. */
    FULL,
    /** Layers 0..freezeUpTo are frozen, the rest trained. */
    FREEZE_UP_TO,
    /**
     * Trials of HEAD_ONLY, FREEZE_FEATURES and FULL on the validation split (they are the stages of FULL); the best
     * on validation is kept, and FULL gets a time budget to show that it improves on the frozen strategies.
     */
    AUTO;

    /**
     * The frozen-prefix index of every stage this strategy runs, in order (-1: all layers trained): the head first
     * (frozen up to {@code featureLayer}), then the feature boundary (when the network has one below the feature
     * layer), then everything; FREEZE_UP_TO stops at its index. Null indices for a strategy that does not apply.
     */
    public List<Integer> stages(int featureLayer, Integer featureBoundary, Integer freezeUpTo) {
        List<Integer> stages = new ArrayList<>(List.of(featureLayer));
        boolean boundaryBelow = featureBoundary != null && featureBoundary < featureLayer;
        switch (this) {
            case HEAD_ONLY -> { }
            case FREEZE_FEATURES -> {
                if (boundaryBelow) {
                    stages.add(featureBoundary);
                }
            }
            case FULL, AUTO -> {
                if (boundaryBelow) {
                    stages.add(featureBoundary);
                }
                stages.add(-1);
            }
            case FREEZE_UP_TO -> {
                if (boundaryBelow && freezeUpTo < featureBoundary) {
                    stages.add(featureBoundary);
                }
                if (freezeUpTo < stages.get(stages.size() - 1)) {
                    stages.add(freezeUpTo);
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return List.copyOf(stages);
    }

    /** The strategy a single stage of these networks stands for (used to name AUTO's trials). */
    public static Strategy ofStage(int frozenUpTo, int featureLayer, Integer featureBoundary) {
        if (frozenUpTo < 0) {
            return FULL;
        }
        if (frozenUpTo == featureLayer) {
            return HEAD_ONLY;
        }
        return featureBoundary != null && frozenUpTo == featureBoundary ? FREEZE_FEATURES : FREEZE_UP_TO;
    }
}
