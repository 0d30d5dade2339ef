package dev.modelzoo.client.view;

import java.time.Instant;
import java.util.List;

/** A search hit: the model and what a catalog card shows of its latest version. */
public record ModelSummary(String reference, String namespace, String name, String description, Modality modality,
        List<Integer> shape, Task task, List<String> tags, int latestVersion, long downloads, Instant updatedAt,
        Parent parent) {
}
