package dev.modelzoo.api.dto;

import dev.modelzoo.finetune.Hyperparameters;
import dev.modelzoo.finetune.JobPhase;
import dev.modelzoo.finetune.JobStatus;
import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.EpochRecord;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.PhaseTimings;
import dev.modelzoo.finetune.result.TrainingReport;
import dev.modelzoo.spec.Strategy;
import java.time.Instant;
import java.util.List;

/**
 * A fine-tune job: request, status, progress, per-epoch metrics of every stage, the headline evaluation (on the
 * test dataset when there is one, else on the validation split) with the validation and test evaluations, the
 * baseline, the training report (early stopping per stage), AUTO's decision, timings, result or error.
 */
public record FineTuneView(String id, JobStatus status, String base, String dataset, String testDataset,
        String target, Strategy strategy, Integer freezeUpTo, boolean adapt, boolean baselineRequested,
        Hyperparameters hyperparameters, Progress progress, List<EpochRecord> metrics, Evaluation evaluation,
        Evaluation validation, Evaluation test, BaselineReport baseline, TrainingReport training,
        AutoDecision decision, PhaseTimings timings, String result, String errorCode, String error, int attempts,
        String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** How far training got: the epoch of the current stage and the current phase. */
    public record Progress(int epoch, int epochs, JobPhase phase) {
    }
}
