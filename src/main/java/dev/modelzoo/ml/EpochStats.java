package dev.modelzoo.ml;

/** What one training epoch did: mean minibatch loss, wall time and throughput. */
public record EpochStats(int epoch, int epochs, double trainLoss, double seconds, double samplesPerSecond) {
}
