package dev.modelzoo.catalog;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.error.Violation;
import dev.modelzoo.ml.keras.KerasImport;
import dev.modelzoo.spec.Names;
import dev.modelzoo.spec.SpecValidation;
import dev.modelzoo.storage.BlobStore;
import dev.modelzoo.storage.TemporaryUpload;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes a version in two phases: validate the artifact with DL4J (converting a Keras or TF.js upload first) and
 * stream it to a temporary key while hashing; then promote it to its content address and commit the row. An
 * imported version also keeps its upload as a second blob. Any failure leaves no row and no orphan blob.
 */
@ApplicationScoped
public class PublishService {

    private static final Logger LOG = Logger.getLogger(PublishService.class);

    private final ArtifactValidator validator;
    private final BlobStore blobs;
    private final VersionCommitter committer;
    private final ModelVersionRepository versions;
    private final ValidationSlots slots;
    private final CatalogGeneration generation;

    public PublishService(ArtifactValidator validator, BlobStore blobs, VersionCommitter committer,
            ModelVersionRepository versions, ValidationSlots slots, CatalogGeneration generation) {
        this.generation = generation;
        this.validator = validator;
        this.slots = slots;
        this.blobs = blobs;
        this.committer = committer;
        this.versions = versions;
    }

    /** Publishes {@code artifact} as the next version of {@code namespace/name} on behalf of {@code caller}. */
    public ModelVersion publish(Caller caller, String namespace, String name, VersionMetadata metadata,
            Path artifact) {
        return publish(caller, namespace, name, metadata, artifact, null);
    }

    /**
     * Publishes a version derived by the system from {@code parent} (a fine-tune job's result): the parent is linked
     * by version id and its digest checked at commit, never resolved from a name.
     */
    public ModelVersion publishDerived(Caller system, String namespace, String name, VersionMetadata metadata,
            Path artifact, ParentLink parent) {
        if (system.kind() != Caller.Kind.SYSTEM || metadata.parent() != null) {
            throw new IllegalArgumentException("Derived versions are published by the system with a linked parent");
        }
        return publish(system, namespace, name, metadata, artifact, parent);
    }

    /** Users' publishes take a validation slot; the system's own (jobs, the manifest) are bounded by their workers. */
    private Prepared validate(Caller caller, Path upload, VersionMetadata metadata) {
        if (caller.kind() == Caller.Kind.SYSTEM) {
            return prepareAndValidate(upload, metadata);
        }
        try (ValidationSlots.Slot slot = slots.acquire()) {
            return prepareAndValidate(upload, metadata);
        }
    }

    /** The artifact to store (converted when the upload is a Keras or TF.js model) and what validation found. */
    private record Prepared(PreparedArtifact artifact, ArtifactValidator.Validated validated) {
    }

    private Prepared prepareAndValidate(Path upload, VersionMetadata metadata) {
        PreparedArtifact artifact = validator.prepare(upload, metadata.format());
        try {
            return new Prepared(artifact, validator.validate(artifact.network(), metadata.inputSpec(),
                    metadata.outputSpec()));
        } catch (RuntimeException e) {
            artifact.close();
            throw e;
        }
    }

    private ModelVersion publish(Caller caller, String namespace, String name, VersionMetadata declared,
            Path upload, ParentLink link) {
        Names.require("namespace", namespace);
        Names.require("name", name);
        if (!caller.mayWrite(namespace)) {
            throw new ForbiddenException("User '" + caller.name() + "' may not publish into namespace '"
                    + namespace + "'");
        }
        if (declared.parent() != null && !caller.mayDeclareParent()) {
            throw new ForbiddenException("Only administrators declare a parent; fine-tune jobs record lineage"
                    + " themselves");
        }
        List<Violation> violations = new ArrayList<>(SpecValidation.check(declared.inputSpec()));
        violations.addAll(SpecValidation.check(declared.outputSpec()));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The metadata is invalid: " + violations.get(0).message(), violations);
        }
        committer.checkAvailable(namespace, name, declared.version());
        Prepared prepared = validate(caller, upload, declared);
        try (PreparedArtifact artifact = prepared.artifact()) {
            VersionMetadata metadata = declared.withInputSpec(prepared.validated().inputSpec());
            List<TemporaryUpload> uploads = new ArrayList<>(List.of(blobs.upload(artifact.artifact())));
            if (artifact.converted()) {
                uploads.add(blobs.upload(upload));
            }
            ModelVersion version = blobs.promoteAndCommit(uploads, stored -> committer.commit(namespace, name,
                    caller.name(), metadata, prepared.validated().architecture(), stored.get(0), link,
                    artifact.converted() ? new ImportSource(artifact.format(), KerasImport.CONVERTER,
                            artifact.kerasVersion(), stored.get(1)) : null), versions::referencesBlob);
            generation.changed();
            LOG.infof("Published %s (%d bytes, sha256 %s%s) by %s", version.reference(), version.sizeBytes,
                    version.sha256, artifact.converted() ? ", converted from " + artifact.format() : "",
                    caller.name());
            return version;
        }
    }
}
