package dev.modelzoo.spec;

/**
 * The memory layout a network takes its image-like input in. The registry's shape is always
 * {@code [channels, height, width]}; a channels-last network (most Keras and TF.js models) gets its input
 * transposed to {@code [height, width, channels]} where it is fed.
 */
public enum ImageLayout {
    /** Channels first, DL4J's own convention: {@code [batch, channels, height, width]}. */
    NCHW,
    /** Channels last, the Keras/TensorFlow default: {@code [batch, height, width, channels]}. */
    NHWC
}
