package dev.modelzoo.client.view;

/** What a model predicts (a newer server's task this client does not know reads as null). */
public enum Task {
    /** One label of an ordered list per input. */
    CLASSIFICATION
}
