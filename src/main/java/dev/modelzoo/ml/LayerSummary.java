package dev.modelzoo.ml;

/** One layer of a network as the catalog shows it; {@code nIn}/{@code nOut} are null for layers without them. */
public record LayerSummary(int index, String name, String type, Long nIn, Long nOut, long parameters,
        boolean trainable) {
}
