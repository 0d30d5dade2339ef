package dev.modelzoo.ml;

/**
 * How long one training stage runs. With {@code epochs} null ("auto") a stage runs enough epochs for at least
 * {@code minUpdates} optimiser updates (at least {@link #MIN_EPOCHS}, at most {@link #MAX_EPOCHS}), so that 40
 * training images get as many updates as 4,000 do; the head stage (the new output layer alone, on cached features)
 * gets {@link #HEAD_STAGE_FACTOR} times as many updates and epochs, since a linear head converges slowly and its
 * updates ({@link LinearHead}) cost microseconds. An explicit {@code epochs} is run exactly. With early stopping the
 * stage ends once the validation loss has not improved for {@code patience} epochs and the best epoch's weights are
 * restored; the default patience covers a fifth of the stage's minimum updates (at least {@link #MIN_PATIENCE}
 * epochs).
 *
 * @param patience epochs without improvement before stopping; null for the default
 */
public record TrainingBudget(Integer epochs, int batchSize, boolean earlyStopping, Integer patience, int minUpdates) {

    /**
     * Measured on digits from the letters base (src/bench, {@code TransferExperiment}): see the README's benchmark
     * section; 30 updates (10 epochs of 3 minibatches) under-train by 15+ points.
     */
    public static final int MIN_UPDATES = 300;
    public static final int MIN_EPOCHS = 3;
    public static final int MAX_EPOCHS = 500;
    public static final int MIN_PATIENCE = 5;
    /**
     * A linear head on the letters base's features was still improving after 300 updates (best epoch = last); 1,500
     * updates gave +2.1 / +1.6 / +0.3 points at 5 / 10 / 20 digits per class, in a fraction of a second. The dense
     * stage needs no more than 300 (it usually stops early) and costs milliseconds per update.
     */
    public static final int HEAD_STAGE_FACTOR = 5;

    public TrainingBudget(Integer epochs, int batchSize, boolean earlyStopping, Integer patience) {
        this(epochs, batchSize, earlyStopping, patience, MIN_UPDATES);
    }

    /** What a stage of {@code trainExamples} examples that trains more than the head will do. */
    public Plan plan(int trainExamples) {
        return plan(trainExamples, false);
    }

    /** What a stage of {@code trainExamples} examples will do; {@code headOnly}: it trains the output layer alone. */
    public Plan plan(int trainExamples, boolean headOnly) {
        int factor = headOnly ? HEAD_STAGE_FACTOR : 1;
        int updates = minUpdates * factor;
        int batches = Math.max(1, (trainExamples + batchSize - 1) / batchSize);
        int planned = epochs != null ? epochs
                : Math.min(MAX_EPOCHS * factor, Math.max(MIN_EPOCHS, (updates + batches - 1) / batches));
        int wait = !earlyStopping ? 0
                : patience != null ? patience : Math.max(MIN_PATIENCE, (updates / 5 + batches - 1) / batches);
        return new Plan(planned, wait, batchSize, batches);
    }

    /** The rule in words, for recipes and cards. */
    public String describe() {
        String length = epochs != null ? epochs + " epochs"
                : "auto: enough epochs for " + minUpdates + " updates, " + MIN_EPOCHS + "-" + MAX_EPOCHS + " epochs ("
                        + HEAD_STAGE_FACTOR + " times both for the head alone)";
        return length + (earlyStopping ? ", early stopping on validation loss (patience "
                + (patience != null ? patience + " epochs" : "a fifth of those updates, at least " + MIN_PATIENCE
                + " epochs") + "), best epoch restored" : ", no early stopping");
    }

    /** One stage's epochs, patience (0: no early stopping), minibatch size and minibatches per epoch. */
    public record Plan(int epochs, int patience, int batchSize, int batchesPerEpoch) {
    }
}
