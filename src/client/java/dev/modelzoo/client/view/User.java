package dev.modelzoo.client.view;

/** The authenticated user: id, name (which is also the namespace) and whether an administrator. */
public record User(long userId, String name, boolean admin) {
}
