package dev.modelzoo.client;

import dev.modelzoo.client.view.Problem;
import java.util.List;

/** The server answered with an error: its RFC 9457 problem, with status, type, title, detail and violations. */
public class ProblemException extends ClientException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public String type() {
        return problem.type();
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    public List<Problem.Violation> violations() {
        return problem.violations() == null ? List.of() : problem.violations();
    }
}
