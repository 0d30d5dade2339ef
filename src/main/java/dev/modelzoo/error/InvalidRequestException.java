package dev.modelzoo.error;

import java.util.List;

/** The request is well-formed but a field is invalid (400); {@code violations} say which. */
public class InvalidRequestException extends ModelZooException {

    public InvalidRequestException(String detail, List<Violation> violations) {
        super(ProblemType.INVALID_REQUEST, detail, violations, null);
    }

    public InvalidRequestException(String field, String expected, String actual, String message) {
        this(message, List.of(Violation.ofField(field, expected, actual, message)));
    }
}
