package dev.modelzoo.finetune;

/** Where a running job is; the job view's {@code progress.phase} and the {@code phase} of its events. */
public enum JobPhase {
    /** Loading the base and reading the datasets. */
    PREPARE,
    /** Training the derived model (every stage; AUTO's trials). */
    TRAIN,
    /** Training the from-scratch baseline. */
    BASELINE,
    /** Evaluating on the test dataset. */
    EVALUATE,
    /** Saving and publishing the derived model. */
    PUBLISH,
    /** Finished. */
    DONE
}
