package dev.modelzoo.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A measured value on a named split, e.g. accuracy 0.896 on test. */
public record Metric(@NotBlank @Size(max = 64) String name, double value, @Size(max = 64) String split) {
}
