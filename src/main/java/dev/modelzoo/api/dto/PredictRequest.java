package dev.modelzoo.api.dto;

import java.util.List;

/** Inputs to predict: arrays of numbers (row-major in the model's input shape) or, for TEXT models, strings. */
public record PredictRequest(List<Object> inputs) {
}
