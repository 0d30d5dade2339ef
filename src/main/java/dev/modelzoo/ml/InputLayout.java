package dev.modelzoo.ml;

/**
 * What the first layer consumes. {@code kind} is CONVOLUTIONAL (then {@code size} is the channel count),
 * DENSE (the feature count), RECURRENT (features per step) or EMBEDDING (the vocabulary size, with
 * {@code sequenceLength} when the layer fixes it, else 0).
 */
public record InputLayout(Kind kind, long size, long sequenceLength) {

    /** The family of the first layer. */
    public enum Kind {
        /** Convolution over [channels, height, width]. */
        CONVOLUTIONAL,
        /** A dense layer over a flat vector. */
        DENSE,
        /** A recurrent layer over [features, steps]. */
        RECURRENT,
        /** An embedding over token indices. */
        EMBEDDING
    }
}
