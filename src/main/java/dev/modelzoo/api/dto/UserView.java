package dev.modelzoo.api.dto;

/** The authenticated user: id, name (= namespace) and whether an administrator. */
public record UserView(long userId, String name, boolean admin) {
}
