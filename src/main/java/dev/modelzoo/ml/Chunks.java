package dev.modelzoo.ml;

/**
 * How many examples go through a network at once when featurizing or evaluating: up to 256 small ones, but only a
 * few 224-pixel RGB images (their activations, not the input, fill memory; smaller chunks also measured faster).
 */
final class Chunks {

    private static final int MAX_EXAMPLES = 256;
    /** Input values per chunk: 256 images of 64x64, 6 of 3x224x224. */
    private static final long MAX_VALUES = 1L << 20;

    private Chunks() {
    }

    static int examples(LabeledData data) {
        long values = Math.max(1, data.features().size(1));
        return (int) Math.max(1, Math.min(MAX_EXAMPLES, MAX_VALUES / values));
    }
}
