package dev.modelzoo.client.view;

import java.util.List;

/** A measured value on a named split, with its example count and 95% interval where known. */
public record Metric(String name, double value, String split, Integer count, List<Double> interval) {
}
