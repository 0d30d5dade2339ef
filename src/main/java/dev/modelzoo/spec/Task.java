package dev.modelzoo.spec;

/** What a network predicts. */
public enum Task {
    /** One label out of {@code labels}; the output layer has one unit per label. */
    CLASSIFICATION,
    /** Real-valued outputs; {@code labels} name the outputs, if given. */
    REGRESSION
}
