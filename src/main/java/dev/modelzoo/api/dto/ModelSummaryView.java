package dev.modelzoo.api.dto;

import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;
import java.time.Instant;
import java.util.List;

/** A search hit: the model and what a catalog card shows of its latest version. */
public record ModelSummaryView(String reference, String namespace, String name, String description,
        Modality modality, List<Integer> shape, Task task, List<String> tags, int latestVersion, long downloads,
        Instant updatedAt, ParentView parent) {
}
