package dev.modelzoo.finetune;

import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.format.Example;
import dev.modelzoo.ml.ImageAdapter;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.text.HashedNgramTokenizer;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored dataset into the base model's input: images through the adapter (when asked for), texts through
 * the base's tokenizer, WAV clips through the base's audio front end, labels into indices of the dataset's label
 * list.
 */
final class TrainingData {

    /** The examples as network input, the label names, and what was done to them (for the recipe). */
    record Prepared(LabeledData data, List<String> labels, String adapter, String tokenizer) {
    }

    private TrainingData() {
    }

    static Prepared prepare(DatasetService datasets, JobInputs.Data dataset, InputSpec base, boolean adapt) {
        return prepare(datasets, dataset, base, adapt, dataset.version().labels);
    }

    /**
     * The dataset with its labels as indices of {@code labels} (a test dataset is indexed like the training
     * dataset, whatever order its own label list has).
     */
    static Prepared prepare(DatasetService datasets, JobInputs.Data dataset, InputSpec base, boolean adapt,
            List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        ImageAdapter adapter = adapter(dataset.version().shape, base, adapt);
        AudioInput audio = base.modality() == Modality.AUDIO && dataset.version().audio != null
                ? AudioInput.of(base, dataset.version().audio, adapt) : null;
        HashedNgramTokenizer tokenizer = base.modality() == Modality.TEXT ? tokenizer(base) : null;
        List<float[]> rows = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        datasets.readExamples(dataset.version(), (Example example) -> {
            float[] values = tokenizer != null ? tokenizer.vectorize(example.text())
                    : audio != null ? audio.features(example.audio())
                    : adapter != null ? adapter.apply(example.values()) : example.values();
            Integer target = index.get(example.label());
            if (target == null) {
                throw new JobFailure(ErrorCode.INVALID_INPUT, dataset.reference() + " has the label '"
                        + example.label() + "', which the training dataset does not have");
            }
            rows.add(values);
            targets.add(target);
        });
        long[] exampleShape = tokenizer != null ? new long[] {tokenizer.vocabularySize()}
                : base.shape().stream().mapToLong(Integer::longValue).toArray();
        boolean channelsLast = base.preprocessing() != null && base.preprocessing().channelsLast();
        LabeledData data = LabeledData.of(rows.toArray(float[][]::new),
                targets.stream().mapToInt(Integer::intValue).toArray(), labels.size(), exampleShape)
                .inLayout(channelsLast);
        String adapted = adapter != null ? adapter.describe() : audio != null ? audio.adapter() : null;
        return new Prepared(data, labels, adapted,
                tokenizer == null ? null : HashedNgramTokenizer.ID);
    }

    private static ImageAdapter adapter(List<Integer> dataShape, InputSpec base, boolean adapt) {
        if (base.modality() != Modality.IMAGE || !adapt || dataShape.equals(base.shape())) {
            return null;
        }
        return new ImageAdapter(dataShape.get(0), dataShape.get(1), dataShape.get(2), base.shape().get(0),
                base.shape().get(1), base.shape().get(2));
    }

    private static HashedNgramTokenizer tokenizer(InputSpec base) {
        String id = base.preprocessing() == null ? null : base.preprocessing().tokenizer();
        if (!HashedNgramTokenizer.ID.equals(id)) {
            throw new JobFailure(ErrorCode.INVALID_INPUT, "The base's tokenizer '" + id + "' is not available on"
                    + " this server (available: " + HashedNgramTokenizer.ID + ")");
        }
        return new HashedNgramTokenizer(base.preprocessing().vocabularySize(), base.shape().get(0));
    }
}
