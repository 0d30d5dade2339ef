package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Evaluates a classifier on labelled data in chunks (bounded memory for any dataset size). */
public final class Evaluator {

    private static final int CHUNK = 256;

    private Evaluator() {
    }

    public static EvaluationResult evaluate(LoadedNetwork network, LabeledData data) {
        int classes = data.classes();
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(data.size(), from + CHUNK);
            INDArray probabilities = network.output(data.inputs(from, to));
            for (int i = 0; i < to - from; i++) {
                int actual = data.labels()[from + i];
                int predicted = argMax(probabilities, i);
                confusion[actual][predicted]++;
                correct += actual == predicted ? 1 : 0;
                // clamp: a confident wrong answer must not make the mean infinite
                lossSum -= Math.log(Math.max(probabilities.getDouble(i, actual), 1e-12));
            }
        }
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
        int count = data.size();
        return new EvaluationResult(count, count == 0 ? 0 : correct / (double) count,
                count == 0 ? 0 : lossSum / count, perClass, confusion);
    }

    static int argMax(INDArray rows, int row) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < rows.size(1); c++) {
            double value = rows.getDouble(row, c);
            if (value > bestValue) {
                bestValue = value;
                best = c;
            }
        }
        return best;
    }
}
