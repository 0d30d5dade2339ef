package dev.modelzoo.catalog;

import java.util.List;

/** One page of models with their latest versions, and the total number of matches. */
public record SearchResult(List<ModelVersion> latestVersions, long total) {
}
