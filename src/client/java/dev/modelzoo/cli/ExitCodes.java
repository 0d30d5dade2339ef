package dev.modelzoo.cli;

/** What {@code mz} exits with, so scripts can tell a "no" from an error. */
final class ExitCodes {

    /** Done; for {@code check}, compatible; for {@code finetune --watch}, the job succeeded. */
    static final int OK = 0;
    /** The answer is no: incompatible ({@code check}), or the watched job failed or was cancelled. */
    static final int NO = 1;
    /** The command line was wrong (picocli's usage error). */
    static final int USAGE = 2;
    /** The server answered with a problem (4xx or 5xx). */
    static final int PROBLEM = 3;
    /** The server could not be reached, a file could not be read or written, or a download failed its check. */
    static final int IO = 4;

    private ExitCodes() {
    }
}
