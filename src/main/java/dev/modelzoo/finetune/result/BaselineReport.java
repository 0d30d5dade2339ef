package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The same architecture trained from scratch on the same split with the same budget rules: its evaluation on the
 * validation split and (with a test dataset) on the test set, how its training went, and the transfer gain
 * (derived accuracy minus baseline accuracy, on the headline split: test when there is one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BaselineReport(Evaluation validation, Evaluation test, StageReport training, Double gain,
        Evaluation.Split gainSplit) {

    public Evaluation headline() {
        return test != null ? test : validation;
    }
}
