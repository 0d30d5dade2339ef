package dev.modelzoo.finetune;

import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.compatibility.DatasetReference;
import dev.modelzoo.spec.Strategy;

/** What a fine-tune should do, as parsed from the request; {@code testDataset} may be null. */
public record JobSpec(ModelReference base, DatasetReference dataset, DatasetReference testDataset,
        String targetNamespace, String targetName, Strategy strategy, Integer freezeUpTo, boolean baseline,
        boolean adapt, Hyperparameters hyperparameters, String freezeUpToLayer) {
}
