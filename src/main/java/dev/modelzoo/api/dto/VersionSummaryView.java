package dev.modelzoo.api.dto;

import java.time.Instant;

/** A version in a model's version list. */
public record VersionSummaryView(int version, String reference, String sha256, long sizeBytes, String createdBy,
        Instant createdAt, long downloads, ParentView parent) {
}
