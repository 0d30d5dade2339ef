package dev.modelzoo.it;

import static dev.modelzoo.it.ItApi.await;
import static dev.modelzoo.it.ItApi.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.embedded.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL restarted under the running packaged server: readiness DOWN and 503s, then UP, no app restart. */
class PostgresRestartIT {

    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"),
            "modelzoo-test-postgres-binaries");

    @Test
    void theAppSurvivesADatabaseRestart() throws Exception {
        Path root = Files.createTempDirectory("modelzoo-pg-restart-");
        int pgPort = ItApi.freePort();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("pg"), BINARIES, pgPort);
        Map<String, String> environment = Map.of("MODELZOO_DATA_DIR", root.resolve("app").toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(), "QUARKUS_DATASOURCE_PASSWORD",
                postgres.password(), "MODELZOO_MANIFEST_ENABLED", "false",
                "MODELZOO_ADMIN_TOKEN", "mzt_pg-restart-admin");
        try (AppProcess app = AppProcess.start("pg-restart", ItApi.freePort(), environment)) {
            app.awaitReady(Duration.ofMinutes(3));
            assertThat(get(app, "/api/v1/models").statusCode()).isEqualTo(200);

            postgres.close();
            await(app, "/q/health/ready", r -> r.statusCode() == 503, Duration.ofSeconds(30));
            // pooled connections the database ended (SQL state 57P01) and refused new ones: both are a 503. (The
            // page read above may still come from the two-second page cache, so pages not read before are asked.)
            for (String path : List.of("/api/v1/models?sort=name", "/api/v1/models/zoo/x", "/api/v1/datasets",
                    "/api/v1/models?q=lenet", "/api/v1/models?size=5", "/api/v1/users/me")) {
                HttpResponse<String> during = get(app, path);
                assertThat(during.statusCode()).as(path + " " + during.body()).isIn(401, 503);
                assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }

            postgres = EmbeddedPostgresServer.start(root.resolve("pg"), BINARIES, pgPort);
            Instant back = Instant.now();
            app.awaitReady(Duration.ofSeconds(60));
            await(app, "/api/v1/models", r -> r.statusCode() == 200, Duration.ofSeconds(30));
            System.out.printf("PG-RESTART ready again %d ms after PostgreSQL came back%n",
                    Duration.between(back, Instant.now()).toMillis());
        } finally {
            postgres.close();
        }
    }
}
