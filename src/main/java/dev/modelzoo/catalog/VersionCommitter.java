package dev.modelzoo.catalog;

import dev.modelzoo.error.ConflictException;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.storage.BlobRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The database half of a publish: one transaction that assigns the version number and inserts the row. */
@ApplicationScoped
@Transactional
public class VersionCommitter {

    private final RegisteredModelRepository models;
    private final ModelVersionRepository versions;

    public VersionCommitter(RegisteredModelRepository models, ModelVersionRepository versions) {
        this.models = models;
        this.versions = versions;
    }

    /** Fails early with 409 when a conditional publish names a version that exists already. */
    public void checkAvailable(String namespace, String name, Integer expectedVersion) {
        if (expectedVersion != null && versions.find(namespace, name, expectedVersion).isPresent()) {
            throw versionExists(namespace, name, expectedVersion);
        }
    }

    /**
     * Inserts {@code namespace/name@next} pointing at {@code blob}; the caller has validated everything else. The
     * parent is either declared by reference in {@code metadata} or {@code link}ed by id (may be null).
     */
    public ModelVersion commit(String namespace, String name, String createdBy, VersionMetadata metadata,
            Architecture architecture, BlobRef blob, ParentLink link, ImportSource source) {
        RegisteredModel model = models.lockOrCreate(namespace, name);
        int next = model.latestVersion + 1;
        Integer expected = metadata.version();
        if (expected != null && expected != next) {
            throw expected <= model.latestVersion ? versionExists(namespace, name, expected)
                    : new ConflictException("The next version of " + namespace + "/" + name + " is " + next
                            + ", not " + expected);
        }
        ModelVersion version = new ModelVersion();
        version.model = model;
        version.version = next;
        version.sha256 = blob.sha256();
        version.sizeBytes = blob.sizeBytes();
        if (source != null) {
            version.sourceFormat = source.format();
            version.sourceSha256 = source.blob().sha256();
            version.sourceSizeBytes = source.blob().sizeBytes();
            version.converter = source.converter();
            version.sourceKerasVersion = source.kerasVersion();
        }
        version.inputSpec = metadata.inputSpec();
        version.outputSpec = metadata.outputSpec();
        version.architecture = architecture;
        version.recipe = metadata.recipe();
        version.metrics = new ArrayList<>(metadata.metrics());
        version.trainingDataset = metadata.trainingDataset();
        version.description = metadata.description();
        version.license = metadata.license();
        version.tags = new ArrayList<>(metadata.tags());
        version.card = metadata.card();
        version.createdBy = createdBy;
        version.createdAt = Instant.now();
        if (metadata.parent() != null) {
            ModelReference reference = ModelReference.parse("parent.reference", metadata.parent().reference());
            ModelVersion parent = resolve(reference);
            version.parent = parent;
            version.parentSha256 = parent.sha256;
            version.parentRelation = metadata.parent().relation().name();
        } else if (link != null) {
            ModelVersion parent = versions.findByIdOptional(link.versionId())
                    .orElseThrow(() -> new NotFoundException("parent model version", "#" + link.versionId()));
            if (!parent.sha256.equals(link.sha256())) {
                throw new ConflictException("The parent " + parent.reference() + " has the digest " + parent.sha256
                        + ", not " + link.sha256() + " as when the job was created");
            }
            version.parent = parent;
            version.parentSha256 = parent.sha256;
            version.parentRelation = link.relation().name();
        }
        versions.persist(version);
        mirrorLatest(model, version);
        return version;
    }

    private ModelVersion resolve(ModelReference reference) {
        RegisteredModel model = models.findByName(reference.namespace(), reference.name())
                .orElseThrow(() -> new NotFoundException("parent model", reference.toString()));
        int number = reference.explicitVersion().orElse(model.latestVersion);
        return versions.find(reference.namespace(), reference.name(), number)
                .orElseThrow(() -> new NotFoundException("parent model version", reference.toString()));
    }

    /** Copies what search needs from the newest version onto the model row. */
    static void mirrorLatest(RegisteredModel model, ModelVersion version) {
        model.latestVersion = version.version;
        model.description = version.description;
        model.modality = version.inputSpec.modality();
        model.task = version.outputSpec.task();
        model.tags = new ArrayList<>(version.tags);
        model.inputShape = version.inputSpec.shape().toArray(Integer[]::new);
        Preprocessing preprocessing = version.inputSpec.preprocessing();
        List<Double> range = preprocessing == null ? null : preprocessing.range();
        boolean hasRange = range != null && range.size() == 2;
        model.inputRangeLow = hasRange ? range.get(0) : null;
        model.inputRangeHigh = hasRange ? range.get(1) : null;
        model.inputNormalization = InputNormalization.of(preprocessing);
        boolean frontEnd = preprocessing != null && preprocessing.audio() != null;
        model.inputSampleRate = frontEnd ? preprocessing.sampleRate() : null;
        model.inputClipSamples = frontEnd ? preprocessing.audio().clipSamples() : null;
        model.headTrainable = version.architecture.featureLayer() != null;
        model.updatedAt = version.createdAt;
        Set<String> words = new LinkedHashSet<>(List.of(model.namespace, model.name));
        words.addAll(version.tags);
        if (version.description != null) {
            words.add(version.description);
        }
        model.searchText = String.join(" ", words);
    }

    private static ConflictException versionExists(String namespace, String name, int version) {
        return new ConflictException("Version " + namespace + "/" + name + "@" + version
                + " exists already; versions are immutable");
    }
}
