package dev.modelzoo.client.view;

/** Seconds a job spent per phase on its worker. */
public record PhaseTimings(double loadBase, double prepareData, double featurize, double train, double baseline,
        double test, double publish, double total) {
}
