package dev.modelzoo.client.view;

import java.util.List;

/** The answer of a predict call: the model version that ran and one prediction per input. */
public record Predictions(String model, List<Prediction> predictions) {
}
