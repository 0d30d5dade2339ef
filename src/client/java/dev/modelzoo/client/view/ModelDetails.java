package dev.modelzoo.client.view;

import java.time.Instant;
import java.util.List;

/** A model with its versions (newest first) and its latest version in full. */
public record ModelDetails(String reference, String namespace, String name, String description, Modality modality,
        Task task, List<String> tags, int latestVersion, long downloads, Instant createdAt, Instant updatedAt,
        String card, List<VersionSummary> versions, VersionDetails latest) {
}
