package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.spec.Strategy;

/**
 * One epoch of one stage of the derived model's training (epoch 0 is the stage's start, before any update):
 * training loss, validation loss and accuracy, wall time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochRecord(Strategy stage, int epoch, int epochs, Double trainLoss, Double validationLoss,
        Double validationAccuracy, Double seconds) {
}
