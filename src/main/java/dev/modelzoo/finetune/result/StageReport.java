package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.modelzoo.ml.StageResult;
import dev.modelzoo.spec.Strategy;

/**
 * One stage of gradual unfreezing as it ran: which layers were frozen, the epochs planned and run, the epoch whose
 * weights were kept, why it ended, the optimiser updates, its validation accuracy and loss at the kept epoch, and
 * whether its frozen features came from the cache.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageReport(Strategy strategy, int frozenUpTo, int epochsPlanned, int epochsRun, int bestEpoch,
        StageResult.StopReason stopReason, int updates, double validationAccuracy, Double validationLoss,
        double seconds, Boolean featuresFromCache) {

    public static StageReport of(Strategy strategy, int frozenUpTo, StageResult result, Boolean featuresFromCache) {
        return new StageReport(strategy, frozenUpTo, result.epochsPlanned(), result.epochsRun(), result.bestEpoch(),
                result.stopReason(), result.updates(), result.validation().accuracy(),
                Evaluation.finite(result.validation().loss()), Math.round(result.seconds() * 1000) / 1000.0,
                featuresFromCache);
    }

    /** "FULL: stopped at epoch 41, best epoch 33" and the like. */
    public String describe() {
        String how = switch (stopReason) {
            case COMPLETED -> "ran all " + epochsRun + " epochs";
            case EARLY_STOPPED -> "stopped early at epoch " + epochsRun + " of " + epochsPlanned;
            case GAVE_UP -> "given up at epoch " + epochsRun + " (no improvement within its time budget)";
        };
        return (strategy == null ? "from scratch" : strategy) + ": " + how + ", best epoch " + bestEpoch
                + (bestEpoch == 0 ? " (the stage's start: it did not improve validation loss)" : "");
    }
}
