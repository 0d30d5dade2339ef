package dev.modelzoo.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The data a version was trained on: a name and, where known, the digest of the exact bytes. */
public record DatasetDigest(@NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits") String sha256) {
}
