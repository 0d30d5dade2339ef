package dev.modelzoo.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Draws items with Zipf frequencies: the k-th most common has weight 1 / k^s, as words in real descriptions. */
final class Zipf {

    private final List<String> items;
    private final double[] cumulative;

    Zipf(List<String> items, double exponent) {
        this.items = items;
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int k = 0; k < items.size(); k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    String sample(Random random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return items.get(Math.min(items.size() - 1, index < 0 ? -index - 1 : index));
    }
}
