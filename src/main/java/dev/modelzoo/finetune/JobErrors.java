package dev.modelzoo.finetune;

import java.util.regex.Pattern;

/**
 * The message a FAILED job shows: what went wrong in words, never a Java class or method name (a job's error is
 * read by users and programs, the stack trace goes to the server log).
 */
final class JobErrors {

    /** {@code org.nd4j.linalg.api.buffer.DataBuffer.AllocationMode}, {@code java.util.List.size()} and the like. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-zA-Z_$][\\w$]*){2,}(\\(\\))?");
    private static final int MAX_LENGTH = 500;

    private JobErrors() {
    }

    /** The error's message without class names, or a generic sentence when it has none. */
    static String describe(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "the worker ran out of memory; try a smaller batch size or dataset";
        }
        String message = error.getMessage() == null ? "" : QUALIFIED.matcher(error.getMessage())
                .replaceAll("(internal)").replaceAll("\\s+", " ").trim();
        String text = message.isEmpty() ? "the worker could not finish the job (details are in the server log)"
                : message;
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }
}
