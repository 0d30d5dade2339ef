package dev.modelzoo.ml;

/**
 * Asked after every epoch of a stage with early stopping: whether to end it now, given the validation loss at its
 * start and the best so far. AUTO uses it to bound what an unpromising trial may cost.
 */
@FunctionalInterface
public interface GiveUp {

    boolean now(double startLoss, double bestLoss);

    /** Never gives up: the stage runs to its planned epochs or its early stop. */
    GiveUp NEVER = (startLoss, bestLoss) -> false;
}
