package dev.modelzoo.compatibility;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One violation found by a rule: the rule's name, severity, what the base expects, what the data have, a sentence
 * for humans, and an actionable suggestion (every ERROR has one). {@code field} names the dimension or setting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, Severity severity, String field, String expected, String actual, String message,
        String suggestion) {

    public static Finding error(String rule, String field, Object expected, Object actual, String message,
            String suggestion) {
        return new Finding(rule, Severity.ERROR, field, String.valueOf(expected), String.valueOf(actual), message,
                suggestion);
    }

    public static Finding warning(String rule, String field, Object expected, Object actual, String message,
            String suggestion) {
        return new Finding(rule, Severity.WARNING, field, String.valueOf(expected), String.valueOf(actual), message,
                suggestion);
    }
}
