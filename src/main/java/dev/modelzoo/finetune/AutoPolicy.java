package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.StageReport;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.GiveUp;
import dev.modelzoo.ml.StageResult;
import dev.modelzoo.ml.ValidationComparison;
import dev.modelzoo.spec.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AUTO: the trials are the stages of FULL's gradual unfreezing (HEAD_ONLY, FREEZE_FEATURES when the network has a
 * convolutional stack, FULL), so each trial is exactly that strategy run alone (the deeper ones continue from the
 * shallower) and the frozen ones share the cached features. A trial that has not paid off (a validation loss
 * {@link #MIN_GAIN} lower than at its start) is given up once the job has taken {@link #COST_LIMIT} times as long
 * as it took to reach the best trial so far, so that AUTO costs at most about that much more than the strategy it
 * keeps. The kept trial is the best on the validation split ({@link ValidationComparison}).
 */
final class AutoPolicy {

    /** How much longer than the best strategy alone AUTO may take for trials that do not pay off. */
    static final double COST_LIMIT = 1.5;
    /** The relative drop in validation loss that shows a deeper trial is worth its time. */
    static final double MIN_GAIN = 0.02;
    static final String RULE = "each trial keeps its best epoch by validation loss; the kept trial has the higher"
            + " validation accuracy when the trials differ by more than " + (int) ValidationComparison.NOISE_EXAMPLES
            + " validation example, else the lower validation loss, else the cheaper trial; a deeper trial whose"
            + " validation loss has not dropped by " + Math.round(MIN_GAIN * 100) + "% is given up once the job has"
            + " taken " + COST_LIMIT + " times as long as it took to reach the best trial";

    private AutoPolicy() {
    }

    static Trained run(FineTuner.Session session, StageLayout layout, long jobStartNanos, JobProgress progress) {
        List<FineTuner.Stage> trials = new ArrayList<>();
        List<StageReport> reports = new ArrayList<>();
        int best = 0;
        long bestReachedNanos = 0;
        for (int frozenUpTo : layout.stages(Strategy.AUTO, null)) {
            Strategy strategy = layout.strategyOf(frozenUpTo);
            long limit = jobStartNanos + (long) (COST_LIMIT * (bestReachedNanos - jobStartNanos));
            GiveUp giveUp = trials.isEmpty() ? GiveUp.NEVER
                    : (start, now) -> now > start * (1 - MIN_GAIN) && System.nanoTime() > limit;
            FineTuner.Stage trial = session.stage(strategy.name(), frozenUpTo, giveUp);
            trials.add(trial);
            StageReport report = StageReport.of(strategy, frozenUpTo, trial.result(),
                    frozenUpTo < 0 ? null : trial.featuresFromStore());
            reports.add(report);
            progress.log("AUTO trial " + report.describe());
            if (trials.size() == 1 || ValidationComparison.better(trial.result().validation(),
                    trials.get(best).result().validation())) {
                best = trials.size() - 1;
                bestReachedNanos = System.nanoTime();
            }
        }
        Strategy chosen = reports.get(best).strategy();
        AutoDecision decision = new AutoDecision(chosen, RULE, explain(reports, best,
                trials.get(best).result().validation().count()), List.copyOf(reports));
        progress.log("AUTO chose " + chosen + ": " + decision.explanation());
        return new Trained(chosen, trials.get(best), List.copyOf(reports), decision);
    }

    private static String explain(List<StageReport> reports, int best, int count) {
        StringBuilder text = new StringBuilder("on " + count + " validation examples: ");
        for (int i = 0; i < reports.size(); i++) {
            StageReport r = reports.get(i);
            text.append(i == 0 ? "" : "; ").append(r.strategy()).append(String.format(Locale.ROOT,
                    " accuracy %.4f, loss %.4f", r.validationAccuracy(),
                    r.validationLoss() == null ? Double.NaN : r.validationLoss()));
            if (r.stopReason() == StageResult.StopReason.GAVE_UP) {
                text.append(" (given up after ").append(r.epochsRun()).append(" epochs: it did not pay off in time)");
            } else if (i > 0 && r.bestEpoch() == 0) {
                text.append(" (no improvement on the previous trial)");
            }
        }
        text.append(". Kept ").append(reports.get(best).strategy());
        return text.toString();
    }
}
