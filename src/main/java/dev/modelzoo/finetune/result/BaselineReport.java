package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The same architecture trained from scratch on the same split with the same budget rules: its accuracy on the
 * headline split (test when there is one), its evaluation on the validation split and the test set, how its
 * training went, and the transfer gain (derived accuracy minus baseline accuracy on {@code gainSplit}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineReport(Double accuracy, Evaluation validation, Evaluation test, StageReport training,
        Double gain, Evaluation.Split gainSplit) {

    public BaselineReport(Evaluation validation, Evaluation test, StageReport training) {
        this((test != null ? test : validation).accuracy(), validation, test, training, null, null);
    }

    public Evaluation headline() {
        return test != null ? test : validation;
    }

    /** The same report with the gain of a derived model whose accuracy on the headline split is {@code derived}. */
    public BaselineReport withGain(Evaluation derived) {
        // rounded like the accuracies it is the difference of (4 decimals), not 0.09200000000000008
        double gain = Math.round((derived.accuracy() - headline().accuracy()) * 10_000) / 10_000.0;
        return new BaselineReport(accuracy, validation, test, training, gain, derived.split());
    }
}
