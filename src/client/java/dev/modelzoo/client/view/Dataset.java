package dev.modelzoo.client.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset version as the server's validation described it; {@code audio} only for AUDIO datasets (whose shape is
 * {@code [channels, samples of the longest clip]}).
 */
public record Dataset(String reference, String namespace, String name, int version, String description,
        Modality modality, List<Integer> shape, List<String> labels, int count, Map<String, Integer> countsPerLabel,
        List<Double> valueRange, AudioFacts audio, String sha256, long sizeBytes, String format, String createdBy,
        Instant createdAt) {
}
