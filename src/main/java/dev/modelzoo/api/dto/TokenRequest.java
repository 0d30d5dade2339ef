package dev.modelzoo.api.dto;

import jakarta.validation.constraints.Size;

/** Issue another token for the caller, with an optional note of what it is for. */
public record TokenRequest(@Size(max = 200) String description) {
}
