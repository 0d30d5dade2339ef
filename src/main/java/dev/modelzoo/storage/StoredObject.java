package dev.modelzoo.storage;

/** Result of a streamed put: where the bytes went, their SHA-256 (hex) and length. */
public record StoredObject(String key, String sha256, long sizeBytes) {
}
