package dev.modelzoo.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was rejected: the field or rule, what was expected, what was found, and a sentence for humans.
 * Compatibility violations also carry the rule, a severity and a suggestion.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String rule, String severity, String expected, String actual, String message,
        String suggestion) {

    /** A violation of a request field. */
    public static Violation ofField(String field, String expected, String actual, String message) {
        return new Violation(field, null, null, expected, actual, message, null);
    }
}
