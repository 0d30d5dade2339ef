package dev.modelzoo.client.view;

/** The from-scratch baseline: its accuracy on the headline split, its evaluations, and the transfer gain. */
public record BaselineReport(Double accuracy, Evaluation validation, Evaluation test, StageReport training,
        Double gain, String gainSplit) {
}
