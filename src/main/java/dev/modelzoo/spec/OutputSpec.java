package dev.modelzoo.spec;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a network predicts: the task and the ordered labels (one per output unit for classification). */
public record OutputSpec(@NotNull Task task, @NotNull @Size(max = 10_000) List<@NotNull String> labels) {

    public OutputSpec {
        labels = labels == null ? null : List.copyOf(labels);
    }
}
