package dev.modelzoo.ml;

/**
 * The Wilson score interval of a proportion (Wilson, 1927): unlike the normal approximation it stays inside [0, 1]
 * and is honest for the tiny validation splits of few-shot fine-tunes (4 of 4 correct is [0.51, 1], not [1, 1]).
 */
public record Wilson(double low, double high) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959964;

    /** The 95% interval of {@code successes} out of {@code trials}; [0, 1] when there are no trials. */
    public static Wilson of95(long successes, long trials) {
        if (trials <= 0) {
            return new Wilson(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The interval of an accuracy measured on {@code count} examples. */
    public static Wilson ofAccuracy(double accuracy, long count) {
        return of95(Math.round(accuracy * count), count);
    }
}
