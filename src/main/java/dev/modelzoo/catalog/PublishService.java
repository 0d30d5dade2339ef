package dev.modelzoo.catalog;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.error.Violation;
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
 * Publishes a version in two phases: validate the artifact with DL4J and stream it to a temporary key while
 * hashing; then promote it to its content address and commit the row. Any failure leaves no row and no orphan blob.
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
    private Architecture validate(Caller caller, Path artifact, VersionMetadata metadata) {
        if (caller.kind() == Caller.Kind.SYSTEM) {
            return validator.validate(artifact, metadata.inputSpec(), metadata.outputSpec());
        }
        try (ValidationSlots.Slot slot = slots.acquire()) {
            return validator.validate(artifact, metadata.inputSpec(), metadata.outputSpec());
        }
    }

    private ModelVersion publish(Caller caller, String namespace, String name, VersionMetadata metadata,
            Path artifact, ParentLink link) {
        Names.require("namespace", namespace);
        Names.require("name", name);
        if (!caller.mayWrite(namespace)) {
            throw new ForbiddenException("User '" + caller.name() + "' may not publish into namespace '"
                    + namespace + "'");
        }
        if (metadata.parent() != null && !caller.mayDeclareParent()) {
            throw new ForbiddenException("Only administrators declare a parent; fine-tune jobs record lineage"
                    + " themselves");
        }
        List<Violation> violations = new ArrayList<>(SpecValidation.check(metadata.inputSpec()));
        violations.addAll(SpecValidation.check(metadata.outputSpec()));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The metadata is invalid: " + violations.get(0).message(), violations);
        }
        committer.checkAvailable(namespace, name, metadata.version());
        Architecture architecture = validate(caller, artifact, metadata);
        TemporaryUpload upload = blobs.upload(artifact);
        ModelVersion version = blobs.promoteAndCommit(upload, blob -> committer.commit(namespace, name, caller.name(),
                metadata, architecture, blob, link), versions::referencesBlob);
        generation.changed();
        LOG.infof("Published %s (%d bytes, sha256 %s) by %s", version.reference(), version.sizeBytes, version.sha256,
                caller.name());
        return version;
    }
}
