package dev.modelzoo.health;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the object store answers and the bucket exists (it is created when missing). */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore objects;
    private final ModelZooConfig config;

    public ObjectStoreHealthCheck(ObjectStore objects, ModelZooConfig config) {
        this.objects = objects;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("object-store")
                .withData("endpoint", config.storage().url())
                .withData("bucket", config.storage().bucket());
        try {
            objects.ensureBucket();
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
