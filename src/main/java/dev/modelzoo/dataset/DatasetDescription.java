package dev.modelzoo.dataset;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import java.util.List;
import java.util.Map;

/**
 * What validation found in a dataset file: its format, modality, example shape, labels and counts, and for numeric
 * data the smallest and largest value ({@code [min, max]}; null for text and audio), for audio its sample rate and
 * clip lengths.
 */
public record DatasetDescription(String format, Modality modality, List<Integer> shape, List<String> labels,
        int count, Map<String, Integer> countsPerLabel, List<Double> valueRange, AudioFacts audio) {
}
