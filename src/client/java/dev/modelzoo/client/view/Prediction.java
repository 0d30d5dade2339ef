package dev.modelzoo.client.view;

import java.util.List;

/** The most probable label of one input with its probability, and the top labels. */
public record Prediction(String label, double probability, List<Scored> top) {

    /** A label and its probability. */
    public record Scored(String label, double probability) {
    }
}
