package dev.modelzoo.catalog.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.catalog.Metric;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * One version of a zoo model in {@code models-manifest/entries/}: what it is, how it was trained (the recipe, with
 * the command that reproduces it), the committed artifact with its digest, and the measured metrics.
 */
@JsonPropertyOrder({"reference", "description", "license", "tags", "inputSpec", "outputSpec", "trainingDataset",
        "recipe", "artifact", "metrics", "card"})
public record ManifestEntry(
        @NotBlank String reference,
        @NotBlank String description,
        @NotBlank String license,
        List<String> tags,
        @NotNull @Valid InputSpec inputSpec,
        @NotNull @Valid OutputSpec outputSpec,
        @Valid DatasetDigest trainingDataset,
        @NotNull Map<String, Object> recipe,
        @NotNull @Valid Artifact artifact,
        List<@Valid Metric> metrics,
        @NotBlank String card) {

    /** The committed artifact: a path relative to the manifest directory, its SHA-256 and size. */
    public record Artifact(@NotBlank String file, @NotBlank String sha256, long sizeBytes) {
    }
}
