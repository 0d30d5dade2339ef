package dev.modelzoo.api.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Rank the catalog's bases for {@code dataset} ({@code ns/name[@v]}): at most {@code limit} (default 10) in the
 * ranking; {@code budgetSeconds} may shorten the server's time budget (never lengthen it).
 */
public record RecommendationRequest(@NotBlank String dataset, @Min(1) @Max(100) Integer limit,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("600") Double budgetSeconds) {
}
