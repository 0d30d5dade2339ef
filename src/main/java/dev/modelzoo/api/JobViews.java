package dev.modelzoo.api;

import dev.modelzoo.api.dto.FineTuneView;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.finetune.FineTuneJob;
import java.util.UUID;

/** Jobs to views, and job ids from paths. */
final class JobViews {

    private JobViews() {
    }

    static FineTuneView view(FineTuneJob job) {
        return new FineTuneView(job.id.toString(), job.status.name(), job.baseReference, job.datasetReference,
                job.target(), job.strategy.name(), job.freezeUpTo, job.adapt, job.hyperparameters,
                new FineTuneView.Progress(job.progressEpoch, job.progressEpochs == 0 ? job.hyperparameters.epochs()
                        : job.progressEpochs, job.progressPhase),
                job.metrics, job.evaluation, job.baselineResult, job.decision, job.resultReference,
                job.errorCode == null ? null : job.errorCode.name(), job.error, job.attempts, job.createdBy,
                job.createdAt, job.startedAt, job.finishedAt);
    }

    /** An unparsable id names no job: 404, like an unknown one. */
    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("fine-tune job", text);
        }
    }
}
