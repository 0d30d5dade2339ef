package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Seconds a job spent per phase on its worker: loading the base, reading and converting the data, computing (or
 * loading) frozen features, training (all stages and trials), the from-scratch baseline, evaluating on the test
 * set, saving and publishing; {@code total} from claim to published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseTimings(double loadBase, double prepareData, double featurize, double train, double baseline,
        double test, double publish, double total) {
}
