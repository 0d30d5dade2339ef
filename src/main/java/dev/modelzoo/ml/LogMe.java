package dev.modelzoo.ml;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LogME (You et al., "LogME: Practical Assessment of Pre-trained Models for Transfer Learning", ICML 2021): the
 * log marginal evidence of a Bayesian linear model from a base's features to each one-hot label column, with the
 * prior and noise precisions maximised by the paper's fixed-point iteration, averaged over labels and divided by
 * the number of examples. Higher means the features explain the labels better; it needs no training and no
 * hyperparameter, and one eigendecomposition of the features' Gram matrix serves every label.
 */
public final class LogMe {

    private static final int ITERATIONS = 11;
    private static final double EPSILON = 1e-5;

    private LogMe() {
    }

    /** The LogME score of {@code features} (examples x dimensions) for {@code labels} in {@code [0, classes)}. */
    public static double score(float[][] features, int[] labels, int classes) {
        int n = features.length;
        int d = features[0].length;
        double[][] f = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                f[i][j] = features[i][j];
            }
        }
        INDArray matrix = Nd4j.create(f).castTo(DataType.DOUBLE);
        INDArray gram = matrix.transpose().mmul(matrix);
        // gram becomes its eigenvectors (columns); the eigenvalues come back
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(gram, true);
        double[] s = eigenvalues.toDoubleVector();
        for (int j = 0; j < d; j++) {
            s[j] = Math.max(s[j], 0);
        }
        double[][] v = gram.toDoubleMatrix();
        double total = 0;
        for (int c = 0; c < classes; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels[i] == c ? 1 : 0;
            }
            total += evidence(f, y, s, v);
        }
        return total / classes;
    }

    /** The maximised evidence per example for one target column (the reference implementation's each_evidence). */
    private static double evidence(double[][] f, double[] y, double[] s, double[][] v) {
        int n = f.length;
        int d = s.length;
        double[] fy = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                fy[j] += f[i][j] * y[i];
            }
        }
        double[] projected = new double[d];
        for (int k = 0; k < d; k++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += v[j][k] * fy[j];
            }
            projected[k] = sum;
        }
        double alpha = 1;
        double beta = 1;
        double lambda = alpha / beta;
        double alphaDenominator = 0;
        double betaDenominator = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double gamma = 0;
            for (double value : s) {
                gamma += value / (value + lambda);
            }
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += v[j][k] * projected[k] * beta / (alpha + beta * s[k]);
                }
                m[j] = sum;
            }
            alphaDenominator = 0;
            for (double value : m) {
                alphaDenominator += value * value;
            }
            alpha = gamma / (alphaDenominator + EPSILON);
            betaDenominator = 0;
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int j = 0; j < d; j++) {
                    fitted += f[i][j] * m[j];
                }
                betaDenominator += (y[i] - fitted) * (y[i] - fitted);
            }
            beta = (n - gamma) / (betaDenominator + EPSILON);
            double next = alpha / beta;
            boolean converged = Math.abs(next - lambda) / lambda < 0.01;
            lambda = next;
            if (converged) {
                break;
            }
        }
        double logDeterminant = 0;
        for (double value : s) {
            logDeterminant += Math.log(alpha + beta * value);
        }
        double evidence = d / 2.0 * Math.log(alpha) + n / 2.0 * Math.log(beta) - 0.5 * logDeterminant
                - beta / 2.0 * (betaDenominator + EPSILON) - alpha / 2.0 * (alphaDenominator + EPSILON)
                - n / 2.0 * Math.log(2 * Math.PI);
        return evidence / n;
    }
}
