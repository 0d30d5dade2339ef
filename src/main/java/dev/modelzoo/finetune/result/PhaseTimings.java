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

    /** "load base 0.16 s, prepare data 0.04 s, ..." for the job's log. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "load base %.2f s, prepare data %.2f s, featurize %.2f s, train"
                + " %.2f s, baseline %.2f s, test %.2f s, publish %.2f s, total %.2f s", loadBase, prepareData,
                featurize, train, baseline, test, publish, total);
    }
}
