package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A cross-validated linear probe: how well a linear classifier on a base's frozen features separates a dataset's
 * labels, the established cheap estimate of transferability (Kornblith et al., 2019; the "linear evaluation" of
 * self-supervised learning). The classifier is ridge regression onto one-hot labels (a ridge classifier) on
 * standardised features with a penalty proportional to the feature dimension, solved in closed form in its dual
 * (examples x examples) form, so there is no learning rate or epoch count and each fold costs one Cholesky
 * factorisation. Folds are stratified and seeded;
 * every example is predicted once, by the classifier that did not see it.
 */
public final class LinearProbe {

    /**
     * Ridge penalty per feature dimension (on standardised features the Gram matrix's diagonal is about the
     * dimension, so the penalty is a fifth of an example's self-similarity). Measured, src/bench/RESULTS-recommend.md:
     * on the transfer benchmark's 24 cells a penalty of 1 picked the best base in 58%, 100 to 1000 (for 500 features)
     * in 92-100% on each task; 0.2 x 500 = 100 was best when chosen on the 0-9 cells alone, and scored 12 of 12 on
     * the 5-9 cells it was not chosen on.
     */
    static final double LAMBDA_PER_DIMENSION = 0.2;

    private LinearProbe() {
    }

    /**
     * Examples predicted correctly out of {@code count}, over {@code folds} folds; {@code margin} is the mean score of
     * the true label minus the best other label (higher: more confidently separable), the tie-breaker between bases
     * with equal accuracy.
     */
    public record Result(int correct, int count, int folds, double margin) {
        public double accuracy() {
            return count == 0 ? 0 : (double) correct / count;
        }
    }

    /** Cross-validates with {@code folds} stratified folds (fewer when a label has fewer examples, at least 2). */
    public static Result crossValidate(float[][] features, int[] labels, int classes, int folds, long seed) {
        return crossValidate(features, labels, classes, folds, seed, true,
                LAMBDA_PER_DIMENSION * (features.length == 0 ? 1 : features[0].length));
    }

    /** The same with or without standardising the features and with another ridge penalty (for experiments). */
    public static Result crossValidate(float[][] features, int[] labels, int classes, int folds, long seed,
            boolean standardise, double lambda) {
        int k = Math.max(2, Math.min(folds, smallestClass(labels, classes)));
        int[] fold = stratifiedFolds(labels, classes, k, seed);
        int correct = 0;
        double margin = 0;
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            if (train.isEmpty() || test.isEmpty()) {
                continue;
            }
            double[][] scores = fitAndScore(features, labels, classes, train, test, standardise, lambda);
            for (int t = 0; t < test.size(); t++) {
                int truth = labels[test.get(t)];
                int best = 0;
                double other = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    if (scores[t][c] > scores[t][best]) {
                        best = c;
                    }
                    if (c != truth) {
                        other = Math.max(other, scores[t][c]);
                    }
                }
                correct += best == truth ? 1 : 0;
                margin += scores[t][truth] - other;
            }
        }
        return new Result(correct, labels.length, k, labels.length == 0 ? 0 : margin / labels.length);
    }

    /** Ridge classifier fitted on {@code train}, scores [test][class] of {@code test}. */
    private static double[][] fitAndScore(float[][] x, int[] labels, int classes, List<Integer> train,
            List<Integer> test, boolean standardise, double lambda) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int i : train) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= train.size();
        }
        for (int i : train) {
            for (int j = 0; j < d; j++) {
                double centred = x[i][j] - mean[j];
                std[j] += centred * centred;
            }
        }
        for (int j = 0; j < d; j++) {
            // a constant feature (a dead unit) carries nothing; dividing by 1 keeps it at zero
            std[j] = !standardise || std[j] <= 1e-12 ? 1 : Math.sqrt(std[j] / train.size());
        }
        double[][] a = standardised(x, train, mean, std);
        double[][] b = standardised(x, test, mean, std);
        int n = a.length;
        // dual ridge: alpha = (A A^T + lambda I)^-1 Y, scores = B A^T alpha
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double dot = dot(a[i], a[j]);
                gram[i][j] = dot;
                gram[j][i] = dot;
            }
            gram[i][i] += lambda;
        }
        double[][] targets = new double[n][classes];
        for (int i = 0; i < n; i++) {
            targets[i][labels[train.get(i)]] = 1;
        }
        double[][] alpha = Cholesky.solve(gram, targets);
        double[][] scores = new double[b.length][classes];
        for (int t = 0; t < b.length; t++) {
            for (int i = 0; i < n; i++) {
                double kernel = dot(b[t], a[i]);
                for (int c = 0; c < classes; c++) {
                    scores[t][c] += kernel * alpha[i][c];
                }
            }
        }
        return scores;
    }

    private static double[][] standardised(float[][] x, List<Integer> rows, double[] mean, double[] std) {
        double[][] out = new double[rows.size()][mean.length];
        for (int r = 0; r < rows.size(); r++) {
            float[] row = x[rows.get(r)];
            for (int j = 0; j < mean.length; j++) {
                out[r][j] = (row[j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int j = 0; j < u.length; j++) {
            sum += u[j] * v[j];
        }
        return sum;
    }

    private static int smallestClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int smallest = Integer.MAX_VALUE;
        for (int count : counts) {
            if (count > 0) {
                smallest = Math.min(smallest, count);
            }
        }
        return smallest == Integer.MAX_VALUE ? 0 : smallest;
    }

    /** Each label's examples shuffled (seeded) and dealt round-robin to the folds. */
    static int[] stratifiedFolds(int[] labels, int classes, int folds, long seed) {
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int m = 0; m < members.size(); m++) {
                fold[members.get(m)] = m % folds;
            }
        }
        return fold;
    }

    /** Solves symmetric positive definite systems by Cholesky factorisation (the Gram matrix plus a ridge). */
    static final class Cholesky {

        private Cholesky() {
        }

        /** X with M X = B, for M symmetric positive definite (n x n) and B (n x m). */
        static double[][] solve(double[][] m, double[][] b) {
            int n = m.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = m[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            int columns = b[0].length;
            double[][] x = new double[n][columns];
            for (int c = 0; c < columns; c++) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    double sum = b[i][c];
                    for (int k = 0; k < i; k++) {
                        sum -= l[i][k] * y[k];
                    }
                    y[i] = sum / l[i][i];
                }
                for (int i = n - 1; i >= 0; i--) {
                    double sum = y[i];
                    for (int k = i + 1; k < n; k++) {
                        sum -= l[k][i] * x[k][c];
                    }
                    x[i][c] = sum / l[i][i];
                }
            }
            return x;
        }
    }
}
