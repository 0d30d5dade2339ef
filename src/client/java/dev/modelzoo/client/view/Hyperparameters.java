package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Training settings of a fine-tune; every field is optional (null: the server's documented default). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hyperparameters(Epochs epochs, Integer batchSize, Double learningRate, Long seed,
        Double validationFraction, Boolean earlyStopping, Integer patience) {

    /** All defaults. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(null, null, null, null, null, null, null);
    }
}
