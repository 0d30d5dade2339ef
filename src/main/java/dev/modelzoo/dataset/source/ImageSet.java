package dev.modelzoo.dataset.source;

import java.util.List;

/** Grayscale images (rows of height*width values in [0, 1]) with labels indexing {@code labelNames}. */
public record ImageSet(float[][] images, int[] labels, List<String> labelNames, int height, int width) {

    public int size() {
        return labels.length;
    }
}
