package dev.modelzoo.api.dto;

import jakarta.validation.constraints.NotNull;

/** Create a user (admins only); {@code admin} makes it an administrator. */
public record UserRequest(@NotNull String name, boolean admin) {
}
