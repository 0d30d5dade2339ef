package dev.modelzoo.error;

import java.util.List;

/** Root of every error the application reports to clients; the API maps it to problem+json in one place. */
public abstract class ModelZooException extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;

    protected ModelZooException(ProblemType type, String detail, List<Violation> violations, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    protected ModelZooException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }
}
