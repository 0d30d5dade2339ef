package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.StageReport;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.spec.Strategy;
import java.util.List;

/**
 * What training produced: the strategy applied (AUTO's choice), the stage whose network is published, the report of
 * every stage that ran, and AUTO's decision (null for other strategies).
 */
record Trained(Strategy applied, FineTuner.Stage chosen, List<StageReport> stages, AutoDecision decision) {

    /** The layers that kept the base's values: 0..this index (-1: none). */
    int frozenUpTo() {
        return chosen.frozenUpTo();
    }
}
