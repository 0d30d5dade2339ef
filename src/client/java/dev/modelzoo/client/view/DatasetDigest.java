package dev.modelzoo.client.view;

/** The data a version was trained on: a name and, where known, the digest of the exact bytes. */
public record DatasetDigest(String name, String sha256) {
}
