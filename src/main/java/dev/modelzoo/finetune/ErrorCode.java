package dev.modelzoo.finetune;

/** Machine-readable reasons of FAILED jobs. */
public enum ErrorCode {
    /** The worker holding the job vanished (its lease expired) too many times. */
    WORKER_LOST,
    /** The dataset or base changed meaning since creation (e.g. cannot be read any more). */
    INVALID_INPUT,
    /** Training itself failed (e.g. the network diverged or ran out of memory). */
    TRAINING_FAILED,
    /** The derived model could not be published. */
    PUBLISH_FAILED,
    /** Object storage or the database was unavailable for too long. */
    DEPENDENCY_UNAVAILABLE
}
