package dev.modelzoo.ml;

import java.util.List;

/**
 * How one training stage went: its epochs (epoch 0 is the starting point, evaluated before any update), the epoch
 * whose weights were kept, whether and why it stopped before its planned epochs, and its validation figures at the
 * kept epoch.
 */
public record StageResult(List<EpochMetrics> history, int epochsPlanned, int epochsRun, int bestEpoch,
        StopReason stopReason, int updates, EvaluationResult validation, double seconds) {

    /** Why a stage ended. */
    public enum StopReason {
        /** It ran every planned epoch. */
        COMPLETED,
        /** The validation loss stopped improving for the patience. */
        EARLY_STOPPED,
        /** Its time budget ran out before it paid off (AUTO's trial of a deeper strategy). */
        GAVE_UP
    }

    public boolean improvedOnStart() {
        return bestEpoch > 0;
    }
}
