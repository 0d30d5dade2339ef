package dev.modelzoo.client;

import java.nio.file.Path;

/**
 * A verified download: what was fetched, where it lies, its sha256 (equal to the registry's), its size, and from
 * which byte it resumed (0 when it started at the beginning).
 */
public record Download(String reference, Path file, String sha256, long sizeBytes, long resumedFrom) {
}
