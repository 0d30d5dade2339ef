package dev.modelzoo.testing;

/** A user created for one test: its name (also its namespace) and its bearer token. */
public record TestUser(String name, String token) {

    /** Creates a user named {@code <prefix>-<random>} through the admin API. */
    public static TestUser create(String prefix) {
        String[] user = Api.newUser(prefix);
        return new TestUser(user[0], user[1]);
    }
}
