package dev.modelzoo;

import dev.modelzoo.api.error.ApiFallbackRoutes;
import dev.modelzoo.embedded.EmbeddedServices;
import dev.modelzoo.tools.Tools;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: runs an offline command ({@code pretrain}, {@code samples}) when one is named; otherwise starts the
 * embedded PostgreSQL and S3 server when none is configured, then the application.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) throws Exception {
        var tool = Tools.run(args);
        if (tool.isPresent()) {
            System.exit(tool.get());
        }
        // Quarkus answers a URL java.net.URI rejects (%zz) with a bare 400 before any application code runs;
        // ApiFallbackRoutes makes the same check first and answers with a problem document instead
        System.setProperty(ApiFallbackRoutes.URI_CHECK_PROPERTY, "true");
        // system properties set before Quarkus.run are visible to the application's configuration
        EmbeddedServices.startMissing().forEach(System::setProperty);
        Quarkus.run(args);
    }
}
