package dev.modelzoo.dataset.format;

/** One labelled example: numeric values (images row-major, channel first) or a text. */
public record Example(String label, float[] values, String text) {

    public static Example numeric(String label, float[] values) {
        return new Example(label, values, null);
    }

    public static Example text(String label, String text) {
        return new Example(label, null, text);
    }
}
