package dev.modelzoo.auth;

/** A freshly created token: the only moment its clear text exists outside the client. */
public record IssuedToken(long id, String user, String token) {
}
