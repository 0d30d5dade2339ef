package dev.modelzoo.finetune;

import dev.modelzoo.error.SafeText;

/**
 * The message a FAILED job shows: what went wrong in words, never a Java class or method name (a job's error is
 * read by users and programs, the stack trace goes to the server log).
 */
final class JobErrors {

    private JobErrors() {
    }

    /** The error's message without class names, or a generic sentence when it has none. */
    static String describe(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "the worker ran out of memory; try a smaller batch size or dataset";
        }
        String message = SafeText.of(error.getMessage());
        return message.isEmpty() ? "the worker could not finish the job (details are in the server log)" : message;
    }
}
