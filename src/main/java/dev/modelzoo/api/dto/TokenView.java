package dev.modelzoo.api.dto;

import java.time.Instant;

/** A token of the caller, without its secret. */
public record TokenView(long id, String description, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
