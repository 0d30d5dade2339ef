package dev.modelzoo.finetune;

import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Split;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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

    /** The features of {@code dataset} at the feature layer of {@code base} (no adapter: the data fit as they are). */
    public Extracted atFeatureLayer(ModelVersion base, DatasetVersion dataset, int maxExamples) {
        TrainingData.Prepared prepared = TrainingData.prepare(datasets, new JobInputs.Data(dataset.reference(),
                dataset), base.inputSpec, false);
        LabeledData data = prepared.data();
        int featureLayer = base.architecture.featureLayer();
        boolean subsampled = data.size() > maxExamples;
        String key;
        if (subsampled) {
            // per-label rounding can keep a few too many: hold out a little more until the subsample fits
            double fraction = 1.0 - (double) maxExamples / data.size();
            Split split = Split.stratified(data.labels(), data.classes(), fraction, SUBSAMPLE_SEED);
            while (split.train().length > maxExamples && fraction < 1) {
                fraction = Math.min(1, fraction + 1.0 / data.size());
                split = Split.stratified(data.labels(), data.classes(), fraction, SUBSAMPLE_SEED);
            }
            data = data.subset(split.train());
            key = FeatureKeys.subsampleKey(base.sha256, dataset.sha256, featureLayer, prepared.tokenizer(),
                    data.size(), SUBSAMPLE_SEED);
        } else {
            key = FeatureKeys.key(base.sha256, dataset.sha256, featureLayer, prepared.adapter(), prepared.tokenizer());
        }
        Optional<INDArray> cached = store.load(key);
        INDArray output;
        boolean fromCache = cached.isPresent();
        if (fromCache) {
            output = cached.get();
        } else {
            output = FineTuner.prefixFeatures(load(base), featureLayer, data, store, key).output();
        }
        float[][] rows = output.reshape(output.size(0), output.length() / output.size(0)).toFloatMatrix();
        return new Extracted(rows, data.labels(), data.classes(), featureLayer, prepared.data().size(), subsampled,
                fromCache);
    }

    private MultiLayerNetwork load(ModelVersion base) {
        try {
            Path artifact = Files.createTempFile("modelzoo-rank-", ".zip");
            try {
                blobs.download(new BlobRef(base.sha256, base.sizeBytes), artifact);
                return NetworkLoader.load(artifact, Long.MAX_VALUE).multiLayer();
            } finally {
                Files.deleteIfExists(artifact);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
