package dev.modelzoo.client.view;

import java.time.Instant;
import java.util.List;

/** A fine-tune job: request, status, progress, metrics, evaluations, baseline, decision, result or error. */
public record Job(String id, JobStatus status, String base, String dataset, String testDataset, String target,
        Strategy strategy, Integer freezeUpTo, boolean adapt, boolean baselineRequested,
        Hyperparameters hyperparameters, Progress progress, List<EpochRecord> metrics, Evaluation evaluation,
        Evaluation validation, Evaluation test, BaselineReport baseline, TrainingReport training,
        AutoDecision decision, PhaseTimings timings, String result, String errorCode, String error, int attempts,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** How far training got: the epoch of the current stage and the current phase. */
    public record Progress(int epoch, int epochs, String phase) {
    }
}
