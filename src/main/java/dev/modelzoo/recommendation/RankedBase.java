package dev.modelzoo.recommendation;

import dev.modelzoo.finetune.result.Interval;

/**
 * A compatible base with its measured transferability: {@code score} (the probe's cross-validated accuracy),
 * the {@code method} that measured it, that accuracy with its example count and 95% Wilson interval, the layer
 * whose output was used, the probe's margin (the tie-breaker), whether the features came from the cache, and the
 * seconds it took.
 */
public record RankedBase(String base, double score, String method, EstimatedAccuracy estimatedAccuracy,
        int featureLayer, double margin, boolean featuresFromCache, double seconds) {

    /** The probe's accuracy on examples it did not train on. */
    public record EstimatedAccuracy(double value, Interval interval, int count) {
    }
}
