package dev.modelzoo.api.dto;

import dev.modelzoo.catalog.PredictionService;
import java.util.List;

/** One prediction per input: the most probable label with its probability and the top labels. */
public record PredictView(String model, List<PredictionService.Prediction> predictions) {
}
