package dev.modelzoo.spec;

import dev.modelzoo.error.InvalidRequestException;
import java.util.regex.Pattern;

/** Validation of namespaces and names: lowercase {@code [a-z0-9][a-z0-9-_.]{0,63}}, never containing {@code ..}. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final String RULE = "lowercase letters, digits, '-', '_' or '.', starting with a letter or digit,"
            + " at most 64 characters, no '..'";

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** Throws a 400 naming {@code field} when {@code value} is not a valid name. */
    public static String require(String field, String value) {
        if (!isValid(value)) {
            throw new InvalidRequestException(field, RULE, abbreviate(value),
                    "'" + abbreviate(value) + "' is not a valid " + field + ": " + RULE);
        }
        return value;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
