package dev.modelzoo.api.dto;

import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Strategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A compatibility question: {@code base} against either a stored {@code dataset} or a bare {@code inputSpec};
 * optionally a {@code testDataset} (with a dataset only), the intended strategy (default HEAD_ONLY),
 * {@code freezeUpTo} (or {@code freezeUpToLayer}, by name) and {@code adapt}.
 */
public record CompatibilityRequest(@NotBlank String base, String dataset, @Valid InputSpec inputSpec,
        String testDataset, Strategy strategy, Integer freezeUpTo, boolean adapt, String freezeUpToLayer) {
}
