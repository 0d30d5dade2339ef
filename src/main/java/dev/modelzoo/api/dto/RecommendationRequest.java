package dev.modelzoo.api.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Rank the catalog's bases for {@code dataset} ({@code ns/name[@v]}): at most {@code limit} (default 10) in the
 * ranking; {@code namespace} and {@code tag} keep only such bases, as in search; {@code budgetSeconds} may shorten
 * the server's time budget (never lengthen it).
 */
public record RecommendationRequest(@NotBlank String dataset, @Min(1) @Max(100) Integer limit,
        @Size(max = 64) String namespace, @Size(max = 64) String tag,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("600") Double budgetSeconds) {
}
