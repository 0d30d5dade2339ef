package dev.modelzoo.finetune;

/** The kinds of job events; the SSE event name is the lowercase constant. */
public enum JobEventType {
    /** A status change (queued, started, succeeded, failed, cancelled, re-queued). */
    STATE,
    /** One epoch's metrics of one stage. */
    EPOCH,
    /** A phase change or a note (data prepared, AUTO's decision, early stopping). */
    LOG;

    /** The SSE event name. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
