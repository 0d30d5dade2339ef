package dev.modelzoo.finetune.result;

import dev.modelzoo.ml.Wilson;

/** A 95% Wilson score interval of an accuracy: {@code [low, high]}. */
public record Interval(double low, double high) {

    public static Interval of(double accuracy, int count) {
        Wilson wilson = Wilson.ofAccuracy(accuracy, count);
        return new Interval(round(wilson.low()), round(wilson.high()));
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
