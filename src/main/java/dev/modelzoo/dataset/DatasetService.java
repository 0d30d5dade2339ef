package dev.modelzoo.dataset;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.catalog.CatalogGeneration;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.format.Example;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.spec.Names;
import dev.modelzoo.storage.BlobStore;
import dev.modelzoo.storage.TemporaryUpload;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Uploads (validate and describe, store content-addressed, commit a numbered version) and reads of datasets, and
 * the loading of a stored version's examples for training.
 */
@ApplicationScoped
public class DatasetService {

    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    private final DatasetRepository datasets;
    private final DatasetVersionRepository versions;
    private final DatasetCommitter committer;
    private final BlobStore blobs;
    private final ModelZooConfig config;

    private final CatalogGeneration generation;

    public DatasetService(DatasetRepository datasets, DatasetVersionRepository versions, DatasetCommitter committer,
            BlobStore blobs, ModelZooConfig config, CatalogGeneration generation) {
        this.generation = generation;
        this.datasets = datasets;
        this.versions = versions;
        this.committer = committer;
        this.blobs = blobs;
        this.config = config;
    }

    public DatasetVersion upload(Caller caller, String namespace, String name, DatasetMetadata metadata, Path file) {
        Names.require("namespace", namespace);
        Names.require("name", name);
        if (!caller.mayWrite(namespace)) {
            throw new ForbiddenException("User '" + caller.name() + "' may not upload into namespace '"
                    + namespace + "'");
        }
        DatasetDescription description = DatasetInspector.inspect(file, metadata.modality(), metadata.shape(),
                limits(), example -> { });
        TemporaryUpload upload = blobs.upload(file);
        DatasetVersion version = blobs.promoteAndCommit(upload, blob -> committer.commit(namespace, name,
                caller.name(), metadata, description, blob), versions::referencesBlob);
        // compatibleWith=<dataset> without a version means its latest: cached search pages may have changed
        generation.changed();
        LOG.infof("Uploaded dataset %s: %s %s, %d examples, %d labels", version.reference(), version.modality,
                version.shape, version.count, version.labels.size());
        return version;
    }

    /** A version; without a number, the latest. */
    public DatasetVersion version(String namespace, String name, Integer number) {
        Dataset dataset = datasets.findByName(namespace, name).filter(d -> d.latestVersion > 0)
                .orElseThrow(() -> new NotFoundException("dataset", namespace + "/" + name));
        int wanted = number == null ? dataset.latestVersion : number;
        return versions.find(namespace, name, wanted)
                .orElseThrow(() -> new NotFoundException("dataset version", namespace + "/" + name + "@" + wanted));
    }

    public List<DatasetVersion> versions(String namespace, String name) {
        return versions.listOf(version(namespace, name, null).dataset);
    }

    public List<DatasetVersion> latest(String namespace, String modality, int page, int size) {
        return versions.latest(namespace, modality).page(page, size).list();
    }

    public long countLatest(String namespace, String modality) {
        return versions.latest(namespace, modality).count();
    }

    /** Up to {@code perLabel} examples of each label, for display. */
    public List<DatasetExample> examples(DatasetVersion version, int perLabel) {
        return ExamplePreview.collect(this, version, perLabel);
    }

    /** Streams every example of a stored version to {@code sink} (downloads the file to a temporary copy). */
    public void readExamples(DatasetVersion version, Consumer<Example> sink) {
        Path copy = null;
        try {
            copy = Files.createTempFile("modelzoo-dataset-", ".bin");
            blobs.download(version.blob(), copy);
            DatasetInspector.inspect(copy, version.modality, version.shape, limits(), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    private Limits limits() {
        return new Limits(config.dataset().maxExpandedSize().asLongValue(), config.dataset().maxExamples(),
                config.dataset().maxClipSeconds());
    }
}
