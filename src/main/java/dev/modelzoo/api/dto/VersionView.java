package dev.modelzoo.api.dto;

import dev.modelzoo.catalog.Architecture;
import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.catalog.Metric;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One version's full metadata; {@code artifactUrl} is the DL4J artifact, {@code source} the upload it came from. */
public record VersionView(String reference, String namespace, String name, int version, String sha256,
        long sizeBytes, String description, InputSpec inputSpec, OutputSpec outputSpec, Architecture architecture,
        ParentView parent, Map<String, Object> recipe, List<Metric> metrics, DatasetDigest trainingDataset,
        String license, List<String> tags, String card, String createdBy, Instant createdAt, long downloads,
        String artifactUrl, SourceView source) {
}
