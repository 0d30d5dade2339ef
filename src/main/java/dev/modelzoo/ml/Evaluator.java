package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a classifier on labelled data in chunks (bounded memory for any dataset size). */
public final class Evaluator {

    private Evaluator() {
    }

    public static EvaluationResult evaluate(LoadedNetwork network, LabeledData data) {
        Tally tally = new Tally(data.classes());
        int chunk = Chunks.examples(data);
        for (int from = 0; from < data.size(); from += chunk) {
            int to = Math.min(data.size(), from + chunk);
            // one copy to the heap: element-wise reads through JNI cost more than the forward pass on small data
            tally.add(network.output(data.inputs(from, to)).toFloatMatrix(), data.labels(), from);
        }
        return tally.result();
    }

    /** The evaluation of class probabilities ({@code [example][class]}) against {@code labels}. */
    static EvaluationResult of(float[][] probabilities, int[] labels, int classes) {
        Tally tally = new Tally(classes);
        tally.add(probabilities, labels, 0);
        return tally.result();
    }

    /** Confusion matrix and loss, accumulated chunk by chunk. */
    private static final class Tally {

        private final int classes;
        private final int[][] confusion;
        private double lossSum;
        private int correct;
        private int count;

        Tally(int classes) {
            this.classes = classes;
            this.confusion = new int[classes][classes];
        }

        void add(float[][] probabilities, int[] labels, int offset) {
            for (int i = 0; i < probabilities.length; i++) {
                int actual = labels[offset + i];
                int predicted = argMax(probabilities[i]);
                confusion[actual][predicted]++;
                correct += actual == predicted ? 1 : 0;
                // clamp: a confident wrong answer must not make the mean infinite
                lossSum -= Math.log(Math.max(probabilities[i][actual], 1e-12));
                count++;
            }
        }

        EvaluationResult result() {
            List<EvaluationResult.ClassScore> perClass = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                int predictedAsC = 0;
                int actualC = 0;
                for (int k = 0; k < classes; k++) {
                    predictedAsC += confusion[k][c];
                    actualC += confusion[c][k];
                }
                perClass.add(new EvaluationResult.ClassScore(c, actualC,
                        predictedAsC == 0 ? 0 : confusion[c][c] / (double) predictedAsC,
                        actualC == 0 ? 0 : confusion[c][c] / (double) actualC));
            }
            return new EvaluationResult(count, count == 0 ? 0 : correct / (double) count,
                    count == 0 ? 0 : lossSum / count, perClass, confusion);
        }
    }

    static int argMax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
