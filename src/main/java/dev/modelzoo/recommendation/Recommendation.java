package dev.modelzoo.recommendation;

import java.util.List;

/**
 * The compatible bases for a dataset ranked by measured transferability (best first, at most {@code limit}), the
 * bases rejected by the compatibility checker with its reason, those not scored within the time budget, the method,
 * how many examples were used (a stratified subsample when the dataset is larger than the server's limit), and the
 * seconds the ranking took.
 */
public record Recommendation(String dataset, String method, int examples, int datasetSize, boolean subsampled,
        List<RankedBase> items, List<ConsideredBase> rejected, List<ConsideredBase> notScored, double seconds) {
}
