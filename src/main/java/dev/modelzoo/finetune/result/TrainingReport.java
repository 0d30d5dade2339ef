package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How the derived model was trained: the epoch rule, every stage of gradual unfreezing that ran (AUTO: all trials),
 * and a one-line summary of each ({@code "HEAD_ONLY: stopped early at epoch 41 of 150, best epoch 33"}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingReport(String epochRule, List<StageReport> stages, List<String> summary) {

    public static TrainingReport of(String epochRule, List<StageReport> stages) {
        return new TrainingReport(epochRule, stages, stages.stream().map(StageReport::describe).toList());
    }
}
