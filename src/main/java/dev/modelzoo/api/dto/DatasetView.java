package dev.modelzoo.api.dto;

import dev.modelzoo.spec.Modality;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A dataset version as validation described it; {@code valueRange} is {@code [min, max]} of numeric values. */
public record DatasetView(String reference, String namespace, String name, int version, String description,
        Modality modality, List<Integer> shape, List<String> labels, int count, Map<String, Integer> countsPerLabel,
        List<Double> valueRange,
        String sha256, long sizeBytes, String format, String createdBy, Instant createdAt) {
}
