package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains one network for one stage: minibatch epochs with a seeded reshuffle, validation after every epoch (and
 * before the first, so that a stage which cannot improve on its start keeps it), early stopping on validation loss
 * with the best epoch's weights restored, and an optional time budget for giving up. Without early stopping the
 * last epoch is kept, as an explicit number of epochs asks.
 */
final class StageTrainer {

    /** Improvements smaller than this (in mean validation NLL) are noise, not progress. */
    static final double MIN_DELTA = 1e-4;

    private StageTrainer() {
    }

    /**
     * Trains {@code network} in place on {@code train}, leaving it at its best epoch.
     *
     * @param giveUp asked after every epoch (with early stopping); true ends the stage
     */
    static StageResult run(LoadedNetwork network, LabeledData train, LabeledData validation,
            TrainingBudget.Plan plan, long seed, String stage, FineTuneProgress progress, GiveUp giveUp) {
        return run(Trainable.of(network, train, validation), train.size(), validation.size(), plan, seed, stage,
                progress, giveUp);
    }

    /** Trains {@code model} on {@code trainCount} examples, leaving it at its best epoch. */
    static StageResult run(Trainable model, int trainCount, int validationCount, TrainingBudget.Plan plan, long seed,
            String stage, FineTuneProgress progress, GiveUp giveUp) {
        long start = System.nanoTime();
        // without validation examples there is nothing to stop on: the planned epochs run
        boolean stopping = plan.patience() > 0 && validationCount > 0;
        EvaluationResult initial = model.validate();
        List<EpochMetrics> history = new ArrayList<>();
        history.add(new EpochMetrics(0, plan.epochs(), Double.NaN, initial.loss(), initial.accuracy(), 0));
        progress.onEpoch(stage, history.get(0));
        int bestEpoch = 0;
        EvaluationResult best = initial;
        Object bestParams = stopping ? model.snapshot() : null;
        Random random = new Random(seed);
        StageResult.StopReason reason = StageResult.StopReason.COMPLETED;
        int epoch = 0;
        int updates = 0;
        while (epoch < plan.epochs()) {
            epoch++;
            long epochStart = System.nanoTime();
            double loss = Trainer.epoch(trainCount, plan.batchSize(), random, progress::cancelled, model::update);
            updates += plan.batchesPerEpoch();
            EvaluationResult check = model.validate();
            EpochMetrics metrics = new EpochMetrics(epoch, plan.epochs(), loss, check.loss(), check.accuracy(),
                    (System.nanoTime() - epochStart) / 1e9);
            history.add(metrics);
            progress.onEpoch(stage, metrics);
            if (!stopping || check.loss() < best.loss() - MIN_DELTA) {
                best = check;
                bestEpoch = epoch;
                bestParams = stopping ? model.snapshot() : null;
            } else if (epoch - bestEpoch >= plan.patience()) {
                reason = StageResult.StopReason.EARLY_STOPPED;
                break;
            }
            if (stopping && giveUp.now(initial.loss(), best.loss())) {
                reason = StageResult.StopReason.GAVE_UP;
                break;
            }
        }
        if (bestEpoch != epoch) {
            // early stopping keeps the best epoch, not the last
            model.restore(bestParams);
        }
        return new StageResult(history, plan.epochs(), epoch, bestEpoch, reason, updates, best,
                (System.nanoTime() - start) / 1e9);
    }
}
