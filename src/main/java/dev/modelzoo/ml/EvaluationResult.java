package dev.modelzoo.ml;

import java.util.List;

/**
 * How a classifier did on labelled examples: accuracy, mean negative log-likelihood, per-class precision and
 * recall, and the confusion matrix ({@code confusion[actual][predicted]}).
 */
public record EvaluationResult(int count, double accuracy, double loss, List<ClassScore> perClass,
        int[][] confusion) {

    /** Precision and recall of one class, with its number of examples. */
    public record ClassScore(int label, int support, double precision, double recall) {
    }
}
