package dev.modelzoo.api.dto;

import dev.modelzoo.finetune.Hyperparameters;
import dev.modelzoo.spec.Strategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A fine-tune: {@code base} and {@code dataset} references, an optional {@code testDataset} (same labels; the
 * derived model and the baseline are evaluated on it), the {@code target} model (namespace/name) to publish into,
 * the strategy (default HEAD_ONLY), {@code freezeUpTo} (a layer index) or {@code freezeUpToLayer} (its name) for
 * FREEZE_UP_TO, {@code baseline} to also train from
 * scratch, {@code adapt} to convert image size/channels, and hyperparameters (all optional, see defaults).
 */
public record FineTuneRequest(@NotBlank String base, @NotBlank String dataset, String testDataset,
        @NotBlank String target, Strategy strategy, Integer freezeUpTo, boolean baseline, boolean adapt,
        @Valid Hyperparameters hyperparameters, String freezeUpToLayer) {
}
