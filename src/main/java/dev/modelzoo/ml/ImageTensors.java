package dev.modelzoo.ml;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Converts image batches between the registry's {@code [batch, channels, height, width]} and channels-last. */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** {@code [n, c, h, w]} to a C-ordered {@code [n, h, w, c]}. */
    public static INDArray channelsLast(INDArray channelsFirst) {
        return channelsFirst.permute(0, 2, 3, 1).dup('c');
    }

    /** The batch as {@code network} takes it: transposed for a channels-last network, else unchanged. */
    public static INDArray forNetwork(LoadedNetwork network, INDArray channelsFirst) {
        return channelsFirst.rank() == 4 && network.channelsLast() ? channelsLast(channelsFirst) : channelsFirst;
    }
}
