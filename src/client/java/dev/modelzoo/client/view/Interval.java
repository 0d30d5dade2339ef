package dev.modelzoo.client.view;

/** A 95% Wilson score interval of an accuracy. */
public record Interval(double low, double high) {
}
