package dev.modelzoo.ml;

/**
 * Which of two models did better on the same validation split. Few-shot validation splits are tiny (10 examples
 * for 5 images of each of 10 labels), so accuracy differences of a single example are noise: the higher accuracy
 * wins only beyond {@link #NOISE_EXAMPLES} examples, otherwise the lower mean validation loss (a finer measure).
 */
public final class ValidationComparison {

    public static final double NOISE_EXAMPLES = 1.0;

    private ValidationComparison() {
    }

    /** Whether {@code a} beats {@code b}; false on a tie, so that the earlier (cheaper) candidate stays. */
    public static boolean better(EvaluationResult a, EvaluationResult b) {
        double examples = (a.accuracy() - b.accuracy()) * Math.max(a.count(), 1);
        if (Math.abs(examples) > NOISE_EXAMPLES + 1e-9) {
            return examples > 0;
        }
        return a.loss() < b.loss() - StageTrainer.MIN_DELTA;
    }
}
