package dev.modelzoo.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.modelzoo.catalog.manifest.Manifest;
import dev.modelzoo.catalog.manifest.ManifestImporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup import of models-manifest: present once, idempotent, loud about a tampered artifact. */
@QuarkusTest
class ManifestImportTest {

    @Inject
    ManifestImporter importer;

    @TempDir
    Path temp;

    @Test
    void importsTheBaseModelsOnceAndRefusesATamperedArtifact() throws Exception {
        awaitImport();
        given().get("/api/v1/models/zoo/fashion-lenet").then().statusCode(200)
                .body("latest.createdBy", equalTo("zoo"))
                .body("latest.inputSpec.shape", org.hamcrest.Matchers.contains(1, 28, 28))
                .body("latest.recipe.seed", equalTo(42))
                .body("latest.metrics.find { it.name == 'accuracy' }.split", equalTo("test"));
        given().get("/api/v1/models?namespace=zoo").then().body("total", equalTo(5));

        ManifestImporter.Status again = importer.importFrom(new Manifest(Path.of("models-manifest")));
        assertThat(again.state()).isEqualTo(ManifestImporter.State.DONE);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(5);
        given().get("/api/v1/models/zoo/fashion-lenet").then().body("latestVersion", equalTo(1));

        Path tampered = copyOfManifest();
        Path artifact = tampered.resolve("artifacts/digits-0-4-lenet-1.zip");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 1;
        Files.write(artifact, bytes);
        // a fresh name, so the digest check against the file runs instead of the catalog shortcut
        Path entry = tampered.resolve("entries/digits-0-4-lenet-1.json");
        Files.writeString(entry, Files.readString(entry).replace("zoo/digits-0-4-lenet@1", "zoo/tampered@1"));
        try {
            ManifestImporter.Status refused = importer.refresh(new Manifest(tampered));
            assertThat(refused.state()).isEqualTo(ManifestImporter.State.FAILED);
            assertThat(refused.message()).contains("artifacts/digits-0-4-lenet-1.zip does not match its entry");
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'models-manifest' }.data.message",
                            containsString("does not match its entry"));
            given().get("/api/v1/models/zoo/tampered").then().statusCode(404);
        } finally {
            importer.refresh(new Manifest(Path.of("models-manifest")));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void awaitImport() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (importer.status().state() == ManifestImporter.State.IMPORTING && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(importer.status().state()).as(importer.status().message()).isEqualTo(ManifestImporter.State.DONE);
    }

    private Path copyOfManifest() throws Exception {
        Path source = Path.of("models-manifest");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = temp.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return temp;
    }
}
