package dev.modelzoo.api.dto;

import dev.modelzoo.finetune.Hyperparameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A fine-tune job: request, status, progress, per-epoch metrics, evaluation, baseline, result or error. */
public record FineTuneView(String id, String status, String base, String dataset, String target, String strategy,
        Integer freezeUpTo, boolean adapt, Hyperparameters hyperparameters, Progress progress,
        List<Map<String, Object>> metrics, Map<String, Object> evaluation, Map<String, Object> baseline,
        Map<String, Object> decision, String result, String errorCode, String error, int attempts, String createdBy,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** How far training got: the epoch of the main phase and the current phase. */
    public record Progress(int epoch, int epochs, String phase) {
    }
}
