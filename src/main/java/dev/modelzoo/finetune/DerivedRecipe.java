package dev.modelzoo.finetune;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.TrainingReport;
import dev.modelzoo.spec.Strategy;
import java.util.List;
import java.util.Map;

/**
 * The recipe a derived version records: enough to reproduce it (base and datasets with digests, strategy and the
 * stages that ran, frozen layers, hyperparameters, the epoch rule, seed, split, libraries) and what happened
 * (early stopping per stage, AUTO's trials).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DerivedRecipe(String job, Source base, Source dataset, Source testDataset, Strategy strategy,
        Strategy appliedStrategy, String schedule, List<Integer> frozenLayers, String outputLayer, String adapter,
        String tokenizer, Hyperparameters hyperparameters, String optimizer, long seed, String epochRule,
        TrainingReport training, AutoDecision autoDecision, ValidationSplit validation, String featureCache,
        Map<String, String> libraries, double trainingSeconds) {

    /** A base or dataset version by reference and digest (datasets: with their example count). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(String reference, String sha256, Integer examples) {
    }

    /** How the validation split was drawn. */
    record ValidationSplit(double fraction, boolean stratified, long seed, int trainCount, int validationCount) {
    }

    static final String SCHEDULE = "gradual unfreezing: the new head first, on the frozen features; then each"
            + " deeper stage of the strategy from the previous stage's best epoch";
    static final Map<String, String> LIBRARIES = Map.of("deeplearning4j", "1.0.0-M2.1",
            "nd4j-native", "1.0.0-M2.1 linux-x86_64");
}
