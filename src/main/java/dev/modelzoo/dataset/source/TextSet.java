package dev.modelzoo.dataset.source;

import java.util.List;

/** Texts with labels indexing {@code labelNames}. */
public record TextSet(List<String> texts, int[] labels, List<String> labelNames) {

    public int size() {
        return labels.length;
    }
}
