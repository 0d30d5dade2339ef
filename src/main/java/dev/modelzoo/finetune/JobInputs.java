package dev.modelzoo.finetune;

import dev.modelzoo.catalog.Architecture;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.ModelVersionRepository;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.dataset.DatasetVersionRepository;
import dev.modelzoo.spec.InputSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Loads, in one short transaction, what a worker needs to know about a job's base and dataset. */
@ApplicationScoped
public class JobInputs {

    /** The base version as plain values. */
    public record Base(String reference, String sha256, long sizeBytes, InputSpec inputSpec, String license,
            List<String> tags, Architecture architecture) {
    }

    /** The dataset version entity (detached) and its reference. */
    public record Data(String reference, DatasetVersion version) {
    }

    private final ModelVersionRepository models;
    private final DatasetVersionRepository datasets;

    public JobInputs(ModelVersionRepository models, DatasetVersionRepository datasets) {
        this.models = models;
        this.datasets = datasets;
    }

    @Transactional
    public Base base(FineTuneJob job) {
        ModelVersion version = models.findById(job.baseVersionId);
        return new Base(version.reference(), version.sha256, version.sizeBytes, version.inputSpec, version.license,
                List.copyOf(version.tags), version.architecture);
    }

    @Transactional
    public Data dataset(FineTuneJob job) {
        return data(job.datasetVersionId);
    }

    /** The job's test dataset, if it has one. */
    @Transactional
    public Optional<Data> testDataset(FineTuneJob job) {
        return Optional.ofNullable(job.testDatasetVersionId).map(this::data);
    }

    private Data data(long versionId) {
        DatasetVersion version = datasets.findById(versionId);
        return new Data(version.reference(), version);
    }
}
