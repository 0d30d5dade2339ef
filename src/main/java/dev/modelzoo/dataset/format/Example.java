package dev.modelzoo.dataset.format;

import dev.modelzoo.ml.audio.Clip;

/** One labelled example: numeric values (images row-major, channel first), a text, or an audio clip. */
public record Example(String label, float[] values, String text, Clip audio) {

    public static Example numeric(String label, float[] values) {
        return new Example(label, values, null, null);
    }

    public static Example text(String label, String text) {
        return new Example(label, null, text, null);
    }

    public static Example audio(String label, Clip clip) {
        return new Example(label, null, null, clip);
    }
}
