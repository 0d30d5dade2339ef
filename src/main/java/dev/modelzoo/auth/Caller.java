package dev.modelzoo.auth;

/** The authenticated user behind a request. */
public record Caller(long userId, String name, boolean admin) {

    /** Owners write into their own namespace; admins write anywhere. */
    public boolean mayWrite(String namespace) {
        return admin || name.equals(namespace);
    }
}
