package dev.modelzoo.auth;

/**
 * Who performs a write: a user (by token), an administrator, or the system itself (the manifest import, a
 * fine-tune job publishing on behalf of its creator, whose access was checked when the job was created). Every
 * permission question is answered here.
 */
public record Caller(long userId, String name, Kind kind) {

    /** The three kinds of callers. */
    public enum Kind {
        /** A user writing into their own namespace. */
        USER,
        /** An administrator: any namespace, users, parents. */
        ADMIN,
        /** The server acting on its own behalf; {@code name} is the user it acts for (recorded as creator). */
        SYSTEM
    }

    public static Caller user(long userId, String name, boolean admin) {
        return new Caller(userId, name, admin ? Kind.ADMIN : Kind.USER);
    }

    /** The server acting for {@code onBehalfOf}. */
    public static Caller system(String onBehalfOf) {
        return new Caller(0, onBehalfOf, Kind.SYSTEM);
    }

    public boolean admin() {
        return kind == Kind.ADMIN;
    }

    /** Owners write into their own namespace; administrators and the system write anywhere. */
    public boolean mayWrite(String namespace) {
        return kind != Kind.USER || name.equals(namespace);
    }

    /** Declaring a parent by reference is for administrators; the system links parents itself. */
    public boolean mayDeclareParent() {
        return kind != Kind.USER;
    }
}
