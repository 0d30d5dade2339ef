package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.finetune.JobPhase;
import dev.modelzoo.finetune.JobStatus;
import dev.modelzoo.spec.Strategy;

/**
 * The data of one job event; which fields are set depends on the type: {@code state} has status, attempt and
 * message; {@code epoch} has phase, stage, epoch, epochs, trainLoss, validationLoss, validationAccuracy and seconds;
 * {@code log} has phase and message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventPayload(JobStatus status, Integer attempt, JobPhase phase, Strategy stage, Integer epoch,
        Integer epochs, Double trainLoss, Double validationLoss, Double validationAccuracy, Double seconds,
        String message) {

    public static EventPayload state(JobStatus status, int attempt, String message) {
        return new EventPayload(status, attempt, null, null, null, null, null, null, null, null, message);
    }

    public static EventPayload log(JobPhase phase, String message) {
        return new EventPayload(null, null, phase, null, null, null, null, null, null, null, message);
    }

    public static EventPayload epoch(JobPhase phase, EpochRecord epoch) {
        return new EventPayload(null, null, phase, epoch.stage(), epoch.epoch(), epoch.epochs(), epoch.trainLoss(),
                epoch.validationLoss(), epoch.validationAccuracy(), epoch.seconds(), null);
    }
}
