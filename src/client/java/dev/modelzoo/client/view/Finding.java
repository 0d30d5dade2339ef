package dev.modelzoo.client.view;

/** One violation the compatibility checker found, with what it expected, what it found, and a suggestion. */
public record Finding(String rule, Severity severity, String field, String expected, String actual, String message,
        String suggestion) {

    /** ERROR makes a pair incompatible; WARNING does not. */
    public enum Severity {
        ERROR, WARNING
    }
}
