package dev.modelzoo.compatibility;

/** Words for the image adapter's conversions, shared by findings and recipes. */
final class Adapters {

    private Adapters() {
    }

    static String describe(String dimension, int from, int to) {
        return switch (dimension) {
            case "channels" -> from == 3 && to == 1 ? "RGB to grayscale" : from == 1 && to == 3
                    ? "grayscale to RGB" : from + " to " + to + " channels";
            default -> dimension + " " + from + " resized to " + to;
        };
    }
}
