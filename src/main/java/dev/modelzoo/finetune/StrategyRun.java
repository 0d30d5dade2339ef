package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.StageReport;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.GiveUp;
import dev.modelzoo.spec.Strategy;
import java.util.ArrayList;
import java.util.List;

/** Runs the stages of one strategy (not AUTO) in order and keeps the last. */
final class StrategyRun {

    private StrategyRun() {
    }

    static Trained run(FineTuner.Session session, Strategy strategy, StageLayout layout, Integer freezeUpTo,
            JobProgress progress) {
        List<StageReport> reports = new ArrayList<>();
        FineTuner.Stage last = null;
        for (int frozenUpTo : layout.stages(strategy, freezeUpTo)) {
            Strategy stage = layout.strategyOf(frozenUpTo);
            last = session.stage(stage.name(), frozenUpTo, GiveUp.NEVER);
            StageReport report = StageReport.of(stage, frozenUpTo, last.result(),
                    frozenUpTo < 0 ? null : last.featuresFromStore());
            reports.add(report);
            progress.log(report.describe());
        }
        return new Trained(strategy, last, List.copyOf(reports), null);
    }
}
