package dev.modelzoo.ml;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The head stage in plain Java: the new output layer is a softmax regression on the frozen features, trained with
 * exactly the math of DL4J's OutputLayer (softmax, mean negative log-likelihood over the minibatch) and its Adam
 * updater (beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected step size), starting from the layer's own
 * initial weights and written back into it. DL4J spends about 2.4 ms of per-call overhead on each update of a
 * 500x10 layer; here an update costs a few microseconds per example, so the head's 1,500 updates take well under a
 * second instead of several.
 */
final class LinearHead implements Trainable {

    /** Beyond this many training values (examples x features) the DL4J path is used: the features stay off-heap. */
    static final long MAX_VALUES = 20_000_000L;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final float[][] train;
    private final int[] trainLabels;
    private final float[][] validation;
    private final int[] validationLabels;
    private final int features;
    private final int classes;
    private final double learningRate;
    private double[] weights;
    private double[] bias;
    private final double[] mWeights;
    private final double[] vWeights;
    private final double[] mBias;
    private final double[] vBias;
    private int step;

    /** @param output the DL4J output layer whose weights ({@code W} [features, classes], {@code b}) start the head */
    LinearHead(Layer output, LabeledData train, LabeledData validation, double learningRate) {
        this.train = train.features().toFloatMatrix();
        this.trainLabels = train.labels();
        this.validation = validation.size() == 0 ? new float[0][] : validation.features().toFloatMatrix();
        this.validationLabels = validation.labels();
        this.classes = train.classes();
        this.learningRate = learningRate;
        double[][] w = output.getParam("W").toDoubleMatrix();
        this.features = w.length;
        this.weights = new double[features * classes];
        for (int j = 0; j < features; j++) {
            System.arraycopy(w[j], 0, weights, j * classes, classes);
        }
        this.bias = output.getParam("b").toDoubleVector();
        this.mWeights = new double[weights.length];
        this.vWeights = new double[weights.length];
        this.mBias = new double[classes];
        this.vBias = new double[classes];
    }

    static boolean fits(LabeledData train) {
        return (long) train.size() * train.features().size(1) <= MAX_VALUES;
    }

    @Override
    public double update(int[] indices) {
        double[] gradWeights = new double[weights.length];
        double[] gradBias = new double[classes];
        double[] probabilities = new double[classes];
        double loss = 0;
        for (int index : indices) {
            float[] x = train[index];
            softmax(x, probabilities);
            int label = trainLabels[index];
            loss -= Math.log(Math.max(probabilities[label], 1e-12));
            probabilities[label] -= 1;
            for (int j = 0; j < features; j++) {
                double xj = x[j];
                if (xj != 0) {
                    int row = j * classes;
                    for (int c = 0; c < classes; c++) {
                        gradWeights[row + c] += xj * probabilities[c];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                gradBias[c] += probabilities[c];
            }
        }
        step++;
        double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        adam(weights, gradWeights, mWeights, vWeights, indices.length, alpha);
        adam(bias, gradBias, mBias, vBias, indices.length, alpha);
        return loss / indices.length;
    }

    @Override
    public EvaluationResult validate() {
        float[][] probabilities = new float[validation.length][classes];
        double[] row = new double[classes];
        for (int i = 0; i < validation.length; i++) {
            softmax(validation[i], row);
            for (int c = 0; c < classes; c++) {
                probabilities[i][c] = (float) row[c];
            }
        }
        return Evaluator.of(probabilities, validationLabels, classes);
    }

    @Override
    public Object snapshot() {
        return new double[][] {weights.clone(), bias.clone()};
    }

    @Override
    public void restore(Object snapshot) {
        double[][] saved = (double[][]) snapshot;
        weights = saved[0].clone();
        bias = saved[1].clone();
    }

    /** Writes the trained weights into the DL4J output layer. */
    void writeTo(Layer output) {
        double[][] w = new double[features][classes];
        for (int j = 0; j < features; j++) {
            System.arraycopy(weights, j * classes, w[j], 0, classes);
        }
        output.setParam("W", Nd4j.create(w).castTo(output.getParam("W").dataType()));
        output.setParam("b", Nd4j.create(new double[][] {bias}).castTo(output.getParam("b").dataType()));
    }

    private void softmax(float[] x, double[] into) {
        System.arraycopy(bias, 0, into, 0, classes);
        for (int j = 0; j < features; j++) {
            double xj = x[j];
            if (xj != 0) {
                int row = j * classes;
                for (int c = 0; c < classes; c++) {
                    into[c] += xj * weights[row + c];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : into) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            into[c] = Math.exp(into[c] - max);
            sum += into[c];
        }
        for (int c = 0; c < classes; c++) {
            into[c] /= sum;
        }
    }

    /** DL4J's Adam: the gradient is the minibatch mean; moments, then the bias-corrected step. */
    private static void adam(double[] params, double[] gradSum, double[] m, double[] v, int batch, double alpha) {
        for (int i = 0; i < params.length; i++) {
            double g = gradSum[i] / batch;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= alpha * m[i] / (Math.sqrt(v[i]) + EPSILON);
        }
    }
}
