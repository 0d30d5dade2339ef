package dev.modelzoo.cli;

/** A {@code --freeze-up-to} value: digits are a layer index, anything else a layer name. */
final class LayerArgument {

    private LayerArgument() {
    }

    static Integer index(String value) {
        return value != null && value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
    }

    static String name(String value) {
        return value == null || index(value) != null ? null : value;
    }
}
