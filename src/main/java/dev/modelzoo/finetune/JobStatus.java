package dev.modelzoo.finetune;

/** The life of a fine-tune job: QUEUED, then RUNNING, then one of the three final states. */
public enum JobStatus {
    /** Waiting for a worker. */
    QUEUED,
    /** A worker holds the lease and is training. */
    RUNNING,
    /** The derived model was published; {@code result} names it. */
    SUCCEEDED,
    /** Stopped with {@code errorCode} and {@code error}. */
    FAILED,
    /** Cancelled on request; nothing was published. */
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
