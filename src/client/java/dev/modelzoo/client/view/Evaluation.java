package dev.modelzoo.client.view;

import java.util.List;

/** How a model did on one split: accuracy with count and interval, loss, per-class scores and confusion matrix. */
public record Evaluation(String split, String dataset, int count, double accuracy, Interval interval, Double loss,
        List<String> labels, List<ClassScore> perClass, int[][] confusionMatrix) {

    /** Precision and recall of one label, with its number of examples. */
    public record ClassScore(String label, int support, double precision, double recall) {
    }
}
