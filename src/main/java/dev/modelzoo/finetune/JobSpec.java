package dev.modelzoo.finetune;

import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.spec.Strategy;

/** What a fine-tune should do, as parsed from the request. */
public record JobSpec(ModelReference base, DatasetReference dataset, String targetNamespace, String targetName,
        Strategy strategy, Integer freezeUpTo, boolean baseline, boolean adapt, Hyperparameters hyperparameters) {
}
