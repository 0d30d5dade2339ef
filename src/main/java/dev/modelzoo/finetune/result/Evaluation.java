package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.ml.EvaluationResult;
import java.util.List;

/**
 * How a model did on one split: accuracy with its example count and 95% Wilson interval, mean loss, and (for the
 * derived model) per-class precision and recall and the confusion matrix ({@code [actual][predicted]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evaluation(Split split, String dataset, int count, double accuracy, Interval interval, Double loss,
        List<String> labels, List<ClassScore> perClass, int[][] confusionMatrix) {

    /** Which examples were evaluated. */
    public enum Split {
        /** The stratified, seeded validation part of the training dataset (also used for early stopping). */
        validation,
        /** A separate test dataset given with the job: never trained on, never used for a decision. */
        test
    }

    /** Precision and recall of one label, with its number of examples. */
    public record ClassScore(String label, int support, double precision, double recall) {
    }

    /** The summary only: accuracy, count, interval, loss. */
    public static Evaluation summary(Split split, String dataset, EvaluationResult result) {
        return new Evaluation(split, dataset, result.count(), result.accuracy(),
                Interval.of(result.accuracy(), result.count()), finite(result.loss()), null, null, null);
    }

    /** With per-class scores and the confusion matrix. */
    public static Evaluation detailed(Split split, String dataset, EvaluationResult result, List<String> labels) {
        List<ClassScore> perClass = result.perClass().stream().map(score -> new ClassScore(
                labels.get(score.label()), score.support(), score.precision(), score.recall())).toList();
        return new Evaluation(split, dataset, result.count(), result.accuracy(),
                Interval.of(result.accuracy(), result.count()), finite(result.loss()), labels, perClass,
                result.confusion());
    }

    /** JSON has no NaN or infinity; a diverged loss is reported as null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
