package dev.modelzoo.compatibility;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.InputSpec;
import java.util.List;
import java.util.Map;

/**
 * What the checker needs of the user's data: an input spec (for a dataset: its modality, example shape and the
 * observed value range; TEXT datasets are raw text with no tokenizer) and, for datasets, the labels and counts.
 * {@code countsPerLabel} is null when only an input spec was given. {@code audio} describes the WAV clips of an
 * AUDIO dataset (null otherwise): the job computes the base's input from them with the base's front end.
 */
public record DataFacts(String reference, InputSpec inputSpec, boolean rawText, List<String> labels,
        Map<String, Integer> countsPerLabel, AudioFacts audio) {

    public DataFacts(String reference, InputSpec inputSpec, boolean rawText, List<String> labels,
            Map<String, Integer> countsPerLabel) {
        this(reference, inputSpec, rawText, labels, countsPerLabel, null);
    }

    public boolean hasLabels() {
        return countsPerLabel != null;
    }
}
