package dev.modelzoo.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the embedded PostgreSQL and S3 server for every {@code @QuarkusTest} (a global test resource), so all
 * test classes share one application boot.
 */
@QuarkusTestResource(EmbeddedServicesTestResource.class)
public final class UsesEmbeddedServices {

    private UsesEmbeddedServices() {
    }
}
