package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A fine-tune to start: base, dataset, optional test dataset, target model, strategy and settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FineTuneRequest(String base, String dataset, String testDataset, String target, Strategy strategy,
        Integer freezeUpTo, boolean baseline, boolean adapt, Hyperparameters hyperparameters) {
}
