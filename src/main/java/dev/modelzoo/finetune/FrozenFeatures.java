package dev.modelzoo.finetune;

import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.Split;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dataset as a base's frozen features at its feature layer (what HEAD_ONLY trains on), cached under the same key
 * a HEAD_ONLY fine-tune uses, so a ranking pays for the features a later fine-tune reuses and the other way round.
 * Datasets above {@code maxExamples} are subsampled (stratified, seeded) and cached under their own key.
 */
@ApplicationScoped
public class FrozenFeatures {

    /** Seed of the subsample of a large dataset: the same examples for every base and every request. */
    static final long SUBSAMPLE_SEED = 20261201L;

    private final DatasetService datasets;
    private final BlobStore blobs;
    private final BlobFeatureStore store;

    public FrozenFeatures(DatasetService datasets, BlobStore blobs, BlobFeatureStore store) {
        this.datasets = datasets;
        this.blobs = blobs;
        this.store = store;
    }

    /** Features (one row per example), their labels, and how they were obtained. */
    public record Extracted(float[][] features, int[] labels, int classes, int featureLayer, int datasetSize,
            boolean subsampled, boolean fromCache) {
    }

    /** Features of {@code dataset} for several bases, reading and decoding it once per distinct input spec. */
    public Session of(DatasetVersion dataset, int maxExamples) {
        return new Session(dataset, maxExamples);
    }

    /** One dataset featurized for bases in turn (not thread-safe: one ranking uses it). */
    public final class Session {

        private final DatasetVersion dataset;
        private final int maxExamples;
        // bases with equal input specs (the usual case) see the same prepared examples
        private final Map<InputSpec, TrainingData.Prepared> prepared = new HashMap<>();

        private Session(DatasetVersion dataset, int maxExamples) {
            this.dataset = dataset;
            this.maxExamples = maxExamples;
        }

        /** The features at the feature layer of {@code base} (no adapter: the data fit as they are). */
        public Extracted atFeatureLayer(ModelVersion base) {
            TrainingData.Prepared all = prepared.computeIfAbsent(base.inputSpec, spec -> TrainingData.prepare(
                    datasets, new JobInputs.Data(dataset.reference(), dataset), spec, false));
            LabeledData data = all.data();
            int featureLayer = base.architecture.featureLayer();
            boolean subsampled = data.size() > maxExamples;
            String key;
            if (subsampled) {
                data = data.subset(subsample(data));
                key = FeatureKeys.subsampleKey(base.sha256, dataset.sha256, featureLayer, all.tokenizer(),
                        data.size(), SUBSAMPLE_SEED);
            } else {
                key = FeatureKeys.key(base.sha256, dataset.sha256, featureLayer, all.adapter(), all.tokenizer());
            }
            FineTuner.Featurized featurized = FineTuner.prefixFeatures(() -> load(base), featureLayer, data, store,
                    key);
            INDArray output = featurized.output();
            float[][] rows = output.reshape(output.size(0), output.length() / output.size(0)).toFloatMatrix();
            return new Extracted(rows, data.labels(), data.classes(), featureLayer, all.data().size(), subsampled,
                    featurized.fromCache());
        }

        /** A stratified, seeded subsample of at most {@code maxExamples}. */
        private int[] subsample(LabeledData data) {
            // per-label rounding can keep a few too many: hold out a little more until the subsample fits
            double fraction = 1.0 - (double) maxExamples / data.size();
            Split split = Split.stratified(data.labels(), data.classes(), fraction, SUBSAMPLE_SEED);
            while (split.train().length > maxExamples && fraction < 1) {
                fraction = Math.min(1, fraction + 1.0 / data.size());
                split = Split.stratified(data.labels(), data.classes(), fraction, SUBSAMPLE_SEED);
            }
            return split.train();
        }
    }

    private LoadedNetwork load(ModelVersion base) {
        try {
            return BaseNetwork.load(blobs, new BlobRef(base.sha256, base.sizeBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
