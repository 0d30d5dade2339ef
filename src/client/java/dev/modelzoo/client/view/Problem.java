package dev.modelzoo.client.view;

import java.util.List;

/** An RFC 9457 problem the server answered with, and its violations where they apply. */
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    /** One reason a request was rejected. */
    public record Violation(String field, String rule, String severity, String expected, String actual,
            String message, String suggestion) {
    }
}
