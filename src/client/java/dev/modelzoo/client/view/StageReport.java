package dev.modelzoo.client.view;

/** One stage of gradual unfreezing as it ran: frozen prefix, epochs, kept epoch, why it ended. */
public record StageReport(Strategy strategy, int frozenUpTo, int epochsPlanned, int epochsRun, int bestEpoch,
        String stopReason, int updates, double validationAccuracy, Double validationLoss, double seconds,
        Boolean featuresFromCache) {
}
