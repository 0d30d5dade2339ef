package dev.modelzoo.ml;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Labelled examples as one off-heap matrix {@code [n, values]} plus class indices; {@code exampleShape} is the
 * per-example input shape (e.g. {@code [1, 28, 28]}) that minibatches are reshaped to, and {@code channelsLast}
 * transposes image-like batches from that {@code [channels, height, width]} to what a channels-last network takes.
 */
public record LabeledData(INDArray features, int[] labels, int classes, long[] exampleShape, boolean channelsLast) {

    public LabeledData(INDArray features, int[] labels, int classes, long[] exampleShape) {
        this(features, labels, classes, exampleShape, false);
    }

    /** The same examples fed to a network of this layout. */
    public LabeledData inLayout(boolean channelsLast) {
        return new LabeledData(features, labels, classes, exampleShape, channelsLast);
    }

    public static LabeledData of(float[][] rows, int[] labels, int classes, long... exampleShape) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        int width = rows.length == 0 ? (int) Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b) : rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return new LabeledData(Nd4j.create(flat, new long[] {rows.length, width}, 'c'), labels.clone(), classes,
                exampleShape);
    }

    public int size() {
        return labels.length;
    }

    /** The examples at {@code indices} as network inputs with one-hot labels. */
    public DataSet batch(int[] indices) {
        INDArray rows = Nd4j.pullRows(features, 1, indices, 'c');
        return new DataSet(reshape(rows), oneHot(indices));
    }

    /** Network inputs for examples {@code from} (inclusive) to {@code to} (exclusive). */
    public INDArray inputs(int from, int to) {
        return reshape(features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c'));
    }

    /** A new dataset holding only the examples at {@code indices}, in that order. */
    public LabeledData subset(int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
        }
        return new LabeledData(Nd4j.pullRows(features, 1, indices, 'c'), picked, classes, exampleShape,
                channelsLast);
    }

    /** The same labels with other features (e.g. the frozen part's output, any rank), one example per row. */
    public LabeledData withFeatures(INDArray features) {
        long[] exampleShape = Arrays.copyOfRange(features.shape(), 1, features.rank());
        long width = Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        return new LabeledData(features.dup('c').reshape('c', features.size(0), width), labels, classes,
                exampleShape);
    }

    private INDArray reshape(INDArray rows) {
        long[] shape = new long[exampleShape.length + 1];
        shape[0] = rows.size(0);
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        INDArray shaped = rows.reshape('c', shape);
        return channelsLast && shape.length == 4 ? ImageTensors.channelsLast(shaped) : shaped;
    }

    private INDArray oneHot(int[] indices) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, indices.length, classes);
        for (int i = 0; i < indices.length; i++) {
            oneHot.putScalar(i, labels[indices[i]], 1f);
        }
        return oneHot;
    }
}
