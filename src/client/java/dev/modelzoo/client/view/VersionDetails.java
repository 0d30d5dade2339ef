package dev.modelzoo.client.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One version's full metadata; {@code recipe} is the open record of how a derived version was made, {@code source}
 * the format it was published in (an imported version's original upload is downloadable).
 */
public record VersionDetails(String reference, String namespace, String name, int version, String sha256,
        long sizeBytes, String description, InputSpec inputSpec, OutputSpec outputSpec, Architecture architecture,
        Parent parent, JsonNode recipe, List<Metric> metrics, DatasetDigest trainingDataset, String license,
        List<String> tags, String card, String createdBy, Instant createdAt, long downloads, String artifactUrl,
        Source source) {
}
