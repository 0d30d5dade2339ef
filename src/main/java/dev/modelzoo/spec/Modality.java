package dev.modelzoo.spec;

/** The kind of input a network consumes; transfer learning needs the same modality on both sides. */
public enum Modality {
    /** Images, shape {@code [channels, height, width]}. */
    IMAGE(3),
    /** Audio spectrograms, shape {@code [channels, frames, bins]}, with {@code preprocessing.sampleRate} and audio. */
    AUDIO(3),
    /** Token sequences, shape {@code [sequenceLength]} with {@code preprocessing.tokenizer} and {@code vocabularySize}. */
    TEXT(1),
    /** Feature vectors, shape {@code [features]}. */
    TABULAR(1),
    /** Multivariate series, shape {@code [features, steps]}. */
    TIME_SERIES(2);

    private final int rank;

    Modality(int rank) {
        this.rank = rank;
    }

    /** Number of dimensions of {@code shape} for this modality. */
    public int rank() {
        return rank;
    }

    /** Names of the dimensions of {@code shape}, in order. */
    public java.util.List<String> dimensionNames() {
        return switch (this) {
            case IMAGE -> java.util.List.of("channels", "height", "width");
            case AUDIO -> java.util.List.of("channels", "frames", "bins");
            case TEXT -> java.util.List.of("sequenceLength");
            case TABULAR -> java.util.List.of("features");
            case TIME_SERIES -> java.util.List.of("features", "steps");
        };
    }
}
