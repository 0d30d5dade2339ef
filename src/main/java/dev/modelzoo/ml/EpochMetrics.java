package dev.modelzoo.ml;

/**
 * One epoch of a stage: training loss (NaN for epoch 0, the starting point), loss and accuracy on the validation
 * split, wall time.
 */
public record EpochMetrics(int epoch, int epochs, double trainLoss, double validationLoss, double validationAccuracy,
        double seconds) {
}
