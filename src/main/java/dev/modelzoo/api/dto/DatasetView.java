package dev.modelzoo.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset version as validation described it; {@code valueRange} is {@code [min, max]} of numeric values,
 * {@code audio} the sample rate and clip lengths of an AUDIO dataset (whose shape is {@code [channels, samples]}).
 */
public record DatasetView(String reference, String namespace, String name, int version, String description,
        Modality modality, List<Integer> shape, List<String> labels, int count, Map<String, Integer> countsPerLabel,
        List<Double> valueRange, @JsonInclude(JsonInclude.Include.NON_NULL) AudioFacts audio,
        String sha256, long sizeBytes, String format, String createdBy, Instant createdAt) {
}
