package dev.modelzoo.client.view;

import java.time.Instant;

/** A version in a model's version list. */
public record VersionSummary(int version, String reference, String sha256, long sizeBytes, String createdBy,
        Instant createdAt, long downloads, Parent parent) {
}
