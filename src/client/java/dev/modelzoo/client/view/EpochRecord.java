package dev.modelzoo.client.view;

/** One epoch of one training stage: losses, validation accuracy and wall time. */
public record EpochRecord(Strategy stage, int epoch, int epochs, Double trainLoss, Double validationLoss,
        Double validationAccuracy, Double seconds) {
}
