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
        return new FineTuneView(job.id.toString(), job.status, job.baseReference, job.datasetReference,
                job.testDatasetReference, job.target(), job.strategy, job.freezeUpTo, job.adapt, job.baseline,
                job.hyperparameters, new FineTuneView.Progress(job.progressEpoch, job.progressEpochs,
                        job.progressPhase),
                job.metrics, job.testEvaluation != null ? job.testEvaluation : job.evaluation, job.evaluation,
                job.testEvaluation, job.baselineResult, job.training, job.decision, job.timings,
                job.resultReference, job.errorCode == null ? null : job.errorCode.name(), job.error, job.attempts,
                job.createdBy, job.createdAt, job.startedAt, job.finishedAt);
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
