package dev.modelzoo.api.dto;

/** A new token, shown this once: store it now. */
public record IssuedTokenView(long id, String name, String token) {
}
