package dev.modelzoo.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a network takes as input: modality, shape (per modality, see {@link Modality}), dtype and preprocessing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSpec(
        @NotNull Modality modality,
        @NotEmpty @Size(max = 4) List<@NotNull Integer> shape,
        String dtype,
        Preprocessing preprocessing) {

    public InputSpec {
        dtype = dtype == null ? "FLOAT32" : dtype;
        shape = shape == null ? null : List.copyOf(shape);
    }

    /** Number of input values per example, the product of the shape. */
    public long volume() {
        long volume = 1;
        for (int dimension : shape) {
            volume *= dimension;
        }
        return volume;
    }

    /** Shape as text, e.g. {@code [1, 28, 28]}. */
    public String shapeText() {
        return shape.toString();
    }
}
