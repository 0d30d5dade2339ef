package dev.modelzoo.api;

import dev.modelzoo.error.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses query parameters by hand: JAX-RS answers 404 when a query parameter fails conversion, while a client
 * deserves a 400 that names the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
            throw new InvalidRequestException(parameter, "one of " + allowed, value,
                    "'" + value + "' is not a valid " + parameter + "; use one of " + allowed);
        }
    }

    static int intValue(String parameter, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(parameter, "an integer from " + min + " to " + max, value,
                "'" + value + "' is not a valid " + parameter + ": use an integer from " + min + " to " + max);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
