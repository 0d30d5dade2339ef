package dev.modelzoo.client.view;

import java.time.Instant;

/**
 * One server-sent event of a job: its id (resume after it with Last-Event-ID), its type and its data; which data
 * fields are set depends on the type.
 */
public record JobEvent(long id, Type type, Data data) {

    /** The event names the server sends. */
    public enum Type {
        /** A state change: status, attempt, message. */
        STATE,
        /** An epoch's metrics: phase, stage, epoch, epochs, losses, validation accuracy, seconds. */
        EPOCH,
        /** A line of the job's log: phase, message. */
        LOG,
        /** An event name this client does not know (a newer server). */
        OTHER
    }

    /** The event's fields. */
    public record Data(JobStatus status, Integer attempt, String phase, Strategy stage, Integer epoch,
            Integer epochs, Double trainLoss, Double validationLoss, Double validationAccuracy, Double seconds,
            String message, Instant time) {
    }
}
