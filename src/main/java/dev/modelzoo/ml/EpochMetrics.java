package dev.modelzoo.ml;

/** One fine-tune epoch: training loss, loss and accuracy on the validation split, wall time. */
public record EpochMetrics(int epoch, int epochs, double trainLoss, double validationLoss, double validationAccuracy,
        double seconds) {
}
