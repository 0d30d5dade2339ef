package dev.modelzoo.health;

import dev.modelzoo.catalog.manifest.ManifestImporter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the zoo's base models are in the catalog; DOWN with the reason when the manifest was refused. */
@Readiness
@ApplicationScoped
public class ManifestHealthCheck implements HealthCheck {

    private final ManifestImporter importer;

    public ManifestHealthCheck(ManifestImporter importer) {
        this.importer = importer;
    }

    @Override
    public HealthCheckResponse call() {
        ManifestImporter.Status status = importer.status();
        return HealthCheckResponse.named("models-manifest")
                .status(status.state() == ManifestImporter.State.DONE
                        || status.state() == ManifestImporter.State.DISABLED)
                .withData("state", status.state().name())
                .withData("message", status.message())
                .build();
    }
}
