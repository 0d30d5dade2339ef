package dev.modelzoo.dataset;

import dev.modelzoo.spec.Modality;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The {@code metadata} part of a dataset upload: the modality, a description, and for images in CSV form the
 * example shape {@code [channels, height, width]}. {@code version} makes the upload conditional like a publish.
 */
public record DatasetMetadata(@NotNull Modality modality, @Size(max = 2000) String description,
        @Size(min = 1, max = 4) List<@NotNull @Min(1) Integer> shape, @Min(1) Integer version) {
}
