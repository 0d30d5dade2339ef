package dev.modelzoo.client.view;

/** One layer of an architecture summary. */
public record Layer(int index, String name, String type, Long nIn, Long nOut, long parameters, Boolean trainable) {
}
