package dev.modelzoo.client.view;

import java.util.List;

/**
 * The bases ranked for a dataset by measured transferability (best first), the bases the checker rejected, those
 * not scored within the server's time budget, the method, and how many examples were used.
 */
public record Recommendation(String dataset, String method, int examples, int datasetSize, boolean subsampled,
        List<RankedBase> items, List<ConsideredBase> rejected, List<ConsideredBase> notScored, double seconds) {

    /** A compatible base with its score (the probe's cross-validated accuracy) and how it was measured. */
    public record RankedBase(String base, double score, String method, EstimatedAccuracy estimatedAccuracy,
            int featureLayer, double margin, boolean featuresFromCache, double seconds) {
    }

    /** The probe's accuracy on examples it did not train on, with its 95% interval and example count. */
    public record EstimatedAccuracy(double value, Interval interval, int count) {
    }

    /** A base left out of the ranking, and why. */
    public record ConsideredBase(String base, String reason, String suggestion) {
    }
}
