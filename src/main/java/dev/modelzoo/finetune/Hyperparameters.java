package dev.modelzoo.finetune;

import dev.modelzoo.ml.TrainingBudget;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Training settings of a fine-tune; every field is optional and {@link #withDefaults()} fills in the documented
 * defaults: epochs "auto" (enough for {@value TrainingBudget#MIN_UPDATES} updates per stage, early stopping on),
 * batch size 32, learning rate 0.001 (Adam), seed 42, validation fraction 0.2. Early stopping defaults to on with
 * "auto" and off with a number of epochs; {@code patience} (epochs) defaults to covering
 * a fifth of {@value TrainingBudget#MIN_UPDATES} updates.
 */
public record Hyperparameters(
        Epochs epochs,
        @Min(1) @Max(4096) Integer batchSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double learningRate,
        Long seed,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "0.9") Double validationFraction,
        Boolean earlyStopping,
        @Min(1) @Max(1000) Integer patience) {

    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The transfer experiment found 1e-3 best for both options under a small budget; 1e-4 under-trains FULL. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    public Hyperparameters withDefaults() {
        Epochs resolvedEpochs = epochs == null ? Epochs.AUTO : epochs;
        return new Hyperparameters(resolvedEpochs,
                batchSize == null ? DEFAULT_BATCH_SIZE : batchSize,
                learningRate == null ? DEFAULT_LEARNING_RATE : learningRate,
                seed == null ? DEFAULT_SEED : seed,
                validationFraction == null ? DEFAULT_VALIDATION_FRACTION : validationFraction,
                earlyStopping == null ? resolvedEpochs.auto() : earlyStopping,
                patience);
    }

    public static Hyperparameters defaults() {
        return new Hyperparameters(null, null, null, null, null, null, null).withDefaults();
    }

    /** The budget of every stage (call on {@link #withDefaults()}). */
    public TrainingBudget budget() {
        return new TrainingBudget(epochs.count(), batchSize, earlyStopping, patience);
    }
}
