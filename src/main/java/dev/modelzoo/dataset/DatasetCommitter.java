package dev.modelzoo.dataset;

import dev.modelzoo.error.ConflictException;
import dev.modelzoo.storage.BlobRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** The database half of a dataset upload: one transaction that numbers the version and inserts it. */
@ApplicationScoped
@Transactional
public class DatasetCommitter {

    private final DatasetRepository datasets;
    private final DatasetVersionRepository versions;

    public DatasetCommitter(DatasetRepository datasets, DatasetVersionRepository versions) {
        this.datasets = datasets;
        this.versions = versions;
    }

    public DatasetVersion commit(String namespace, String name, String createdBy, DatasetMetadata metadata,
            DatasetDescription description, BlobRef blob) {
        Dataset dataset = datasets.lockOrCreate(namespace, name);
        int next = dataset.latestVersion + 1;
        if (metadata.version() != null && metadata.version() != next) {
            throw new ConflictException(metadata.version() <= dataset.latestVersion
                    ? "Dataset " + namespace + "/" + name + "@" + metadata.version() + " exists already"
                    : "The next version of dataset " + namespace + "/" + name + " is " + next);
        }
        DatasetVersion version = new DatasetVersion();
        version.dataset = dataset;
        version.version = next;
        version.sha256 = blob.sha256();
        version.sizeBytes = blob.sizeBytes();
        version.format = description.format();
        version.modality = description.modality();
        version.shape = new ArrayList<>(description.shape());
        version.labels = new ArrayList<>(description.labels());
        version.countsPerLabel = new LinkedHashMap<>(description.countsPerLabel());
        version.count = description.count();
        version.valueRange = description.valueRange();
        version.audio = description.audio();
        version.description = metadata.description();
        version.createdBy = createdBy;
        version.createdAt = Instant.now();
        versions.persist(version);
        dataset.latestVersion = next;
        dataset.description = metadata.description();
        dataset.modality = description.modality();
        dataset.updatedAt = version.createdAt;
        return version;
    }
}
