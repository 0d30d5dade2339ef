package dev.modelzoo.storage;

import dev.modelzoo.config.ModelZooConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Creates the bucket at start and removes temporary uploads that a crashed publish left behind. */
@ApplicationScoped
public class StorageLifecycle {

    private static final Logger LOG = Logger.getLogger(StorageLifecycle.class);

    private final ObjectStore objects;
    private final ModelZooConfig config;

    public StorageLifecycle(ObjectStore objects, ModelZooConfig config) {
        this.objects = objects;
        this.config = config;
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        try {
            objects.ensureBucket();
        } catch (RuntimeException e) {
            // readiness reports it; the application keeps running and retries on the next request
            LOG.errorf("Object storage at %s is not reachable yet: %s", config.storage().url(), e.getMessage());
        }
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeStaleUploads() {
        try {
            Instant cutoff = Instant.now().minus(config.upload().tempTtl());
            int removed = 0;
            for (String prefix : List.of(TemporaryUpload.PREFIX, TemporaryUpload.LEGACY_PREFIX)) {
                for (ObjectInfo object : objects.list(prefix)) {
                    if (object.lastModified().isBefore(cutoff)) {
                        objects.delete(object.key());
                        removed++;
                    }
                }
            }
            if (removed > 0) {
                LOG.infof("Removed %d stale temporary upload(s)", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Janitor run failed, will retry: %s", e.getMessage());
        }
    }
}
