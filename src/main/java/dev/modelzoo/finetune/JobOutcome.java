package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.PhaseTimings;
import dev.modelzoo.finetune.result.TrainingReport;

/** What a succeeded job records: the published version and every result, typed. */
public record JobOutcome(String result, Evaluation validation, Evaluation test, BaselineReport baseline,
        AutoDecision decision, TrainingReport training, PhaseTimings timings) {
}
