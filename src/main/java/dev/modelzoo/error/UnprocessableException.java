package dev.modelzoo.error;

import java.util.List;

/** The request is well-formed but semantically invalid (422): an unloadable artifact, a spec mismatch, bad data. */
public class UnprocessableException extends ModelZooException {

    public UnprocessableException(ProblemType type, String detail, List<Violation> violations) {
        super(type, detail, violations, null);
        if (type.status() != 422) {
            throw new IllegalArgumentException("Not a 422 problem type: " + type);
        }
    }

    public UnprocessableException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }
}
