package dev.modelzoo.catalog.manifest;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.ModelVersionRepository;
import dev.modelzoo.catalog.PublishService;
import dev.modelzoo.catalog.VersionMetadata;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.error.ConflictException;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.storage.ObjectStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Imports models-manifest/ into the catalog at start, in the background, through the same publish path users take.
 * Idempotent: versions already in the catalog with the same digest are skipped. A committed file that does not
 * match its entry is refused: the import fails and readiness reports why, the server keeps running.
 */
@ApplicationScoped
public class ManifestImporter {

    private static final Logger LOG = Logger.getLogger(ManifestImporter.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** The zoo's own models are published by the system, as an administrator. */
    static final Caller ZOO = Caller.system("zoo");

    /** Where the import stands; {@code message} explains a failure. */
    public record Status(State state, String message, int imported, int skipped) {
    }

    /** Phases of the import. */
    public enum State {
        /** Not started yet, or running. */
        IMPORTING,
        /** Every entry is in the catalog. */
        DONE,
        /** An entry was refused; see the message. Retrying cannot help: the manifest must change. */
        FAILED,
        /** The database or the object store was unavailable; the import is tried again with backoff. */
        RETRYING,
        /** Import switched off by configuration. */
        DISABLED
    }

    private final PublishService publisher;
    private final ModelVersionRepository versions;
    private final ObjectStore objects;
    private final ModelZooConfig config;
    private volatile Status status = new Status(State.IMPORTING, "not started", 0, 0);

    public ManifestImporter(PublishService publisher, ModelVersionRepository versions, ObjectStore objects,
            ModelZooConfig config) {
        this.publisher = publisher;
        this.versions = versions;
        this.objects = objects;
        this.config = config;
    }

    public Status status() {
        return status;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!config.manifest().enabled()) {
            status = new Status(State.DISABLED, "modelzoo.manifest.enabled=false", 0, 0);
            return;
        }
        // loading networks takes seconds; readiness stays DOWN meanwhile instead of delaying the HTTP server
        Thread thread = new Thread(() -> importUntilSettled(new Manifest(Path.of(config.manifest().dir()))),
                "manifest-import");
        thread.setDaemon(true);
        thread.start();
    }

    /** Imports, and while a dependency is unavailable tries again after 1, 2, 4... up to 30 s. */
    private void importUntilSettled(Manifest manifest) {
        Duration wait = FIRST_RETRY;
        status = importFrom(manifest);
        while (status.state() == State.RETRYING) {
            LOG.warnf("Manifest import waits %d s for its dependencies: %s", wait.toSeconds(), status.message());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            status = importFrom(manifest);
        }
    }

    /** Imports {@code manifest} now and makes the outcome the reported status (readiness follows it). */
    public Status refresh(Manifest manifest) {
        status = importFrom(manifest);
        return status;
    }

    /** Imports every entry of {@code manifest}; returns (and logs) the outcome instead of throwing. */
    @ActivateRequestContext
    public Status importFrom(Manifest manifest) {
        int imported = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        String unavailable = null;
        try {
            objects.ensureBucket();   // an object store that was down at start-up may come back without it
            for (ManifestEntry entry : manifest.entries()) {
                try {
                    if (importEntry(manifest, entry)) {
                        imported++;
                    } else {
                        skipped++;
                    }
                } catch (ManifestMismatchException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (ServiceUnavailableException | PersistenceException e) {
            // the object store or the database is down (or unreachable): the entries are fine, try again later
            unavailable = e.getMessage();
        } catch (IOException | RuntimeException e) {
            problems.add("models-manifest in " + manifest.directory().toAbsolutePath() + " cannot be imported: "
                    + e.getMessage());
        }
        if (unavailable != null) {
            return new Status(State.RETRYING, "unavailable: " + unavailable, imported, skipped);
        }
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            LOG.errorf("Manifest import REFUSED (the server stays up, readiness is DOWN): %s", message);
            return new Status(State.FAILED, message, imported, skipped);
        }
        LOG.infof("Manifest import done: %d imported, %d already present", imported, skipped);
        return new Status(State.DONE, imported + " imported, " + skipped + " already present", imported, skipped);
    }

    private boolean importEntry(Manifest manifest, ManifestEntry entry) throws IOException {
        ModelReference reference = ModelReference.parse("reference", entry.reference());
        if (reference.version() == null) {
            throw new ManifestMismatchException(entry.reference() + ": the reference needs an explicit @version");
        }
        Optional<ModelVersion> existing = versions.find(reference.namespace(), reference.name(), reference.version());
        if (existing.isPresent()) {
            if (!existing.get().sha256.equals(entry.artifact().sha256())) {
                throw new ManifestMismatchException(entry.reference() + " is in the catalog with sha256 "
                        + existing.get().sha256 + " but the manifest says " + entry.artifact().sha256()
                        + "; published versions are immutable: give the new artifact a new version");
            }
            return false;
        }
        Path artifact = manifest.artifact(entry);
        if (!Files.isRegularFile(artifact)) {
            throw new ManifestMismatchException(entry.reference() + ": artifact " + entry.artifact().file()
                    + " is missing");
        }
        String actual = Manifest.sha256(artifact);
        if (!actual.equals(entry.artifact().sha256()) || Files.size(artifact) != entry.artifact().sizeBytes()) {
            throw new ManifestMismatchException(entry.reference() + ": " + entry.artifact().file()
                    + " does not match its entry (sha256 " + actual + ", " + Files.size(artifact)
                    + " bytes; the entry says " + entry.artifact().sha256() + ", " + entry.artifact().sizeBytes()
                    + " bytes)");
        }
        VersionMetadata metadata = new VersionMetadata(entry.description(), entry.license(), entry.tags(),
                entry.card(), entry.inputSpec(), entry.outputSpec(), entry.trainingDataset(), entry.metrics(), null,
                entry.recipe(), reference.version(), null);
        try {
            ModelVersion version = publisher.publish(ZOO, reference.namespace(), reference.name(), metadata,
                    artifact);
            LOG.infof("Imported %s from the manifest", version.reference());
            return true;
        } catch (ConflictException e) {
            // another replica imported it at the same moment; the digest check on the next start confirms it
            return false;
        } catch (ServiceUnavailableException | PersistenceException e) {
            throw e;   // not the entry's fault: the whole import is retried
        } catch (RuntimeException e) {
            throw new ManifestMismatchException(entry.reference() + " was refused by validation: " + e.getMessage());
        }
    }

    /** An entry that cannot be imported as declared. */
    static final class ManifestMismatchException extends RuntimeException {
        ManifestMismatchException(String message) {
            super(message);
        }
    }
}
