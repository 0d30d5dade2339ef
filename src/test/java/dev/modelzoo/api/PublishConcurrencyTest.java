package dev.modelzoo.api;

import static dev.modelzoo.testing.Api.imageMetadata;
import static dev.modelzoo.testing.Api.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.ObjectInfo;
import dev.modelzoo.storage.ObjectStore;
import dev.modelzoo.storage.TemporaryUpload;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.EmbeddedServicesTestResource;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent publishes of one version, and a storage outage in the middle of a publish. */
@QuarkusTest
class PublishConcurrencyTest {

    private static final List<Integer> SHAPE = List.of(1, 8, 8);
    private static final List<String> LABELS = List.of("a", "b");

    @Inject
    ObjectStore objects;

    @Inject
    EntityManager entityManager;

    @Test
    void twentyConcurrentPublishesOfOneVersionYieldOneRowAndOneBlob() throws Exception {
        String[] user = Api.newUser("race");
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 42));
        String sha256 = PublishTest.sha256(artifact);
        String metadata = imageMetadata(SHAPE, LABELS, "\"version\": 1");

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> publish(user[1], user[0], "contended", metadata, artifact).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : pool.invokeAll(calls)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        long rows = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM model_version v JOIN"
                + " registered_model m ON v.model_id = m.id WHERE m.namespace = ?1 AND m.name = 'contended'")
                .setParameter(1, user[0]).getSingleResult()).longValue();
        assertThat(rows).isEqualTo(1);
        List<ObjectInfo> blobs = objects.list(BlobRef.PREFIX + sha256);
        assertThat(blobs).hasSize(1);
        assertThat(objects.list(TemporaryUpload.PREFIX)).isEmpty();
    }

    @Test
    void storageOutageDuringPublishIs503AndLeavesNothing() {
        String[] user = Api.newUser("outage");
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 43));
        EmbeddedServicesTestResource.stopS3();
        try {
            publish(user[1], user[0], "during-outage", imageMetadata(SHAPE, LABELS, null), artifact).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("/problems/service-unavailable"))
                    .body("detail", org.hamcrest.Matchers.equalTo("Object storage is unavailable"));
            io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(503);
        } finally {
            EmbeddedServicesTestResource.restartS3();
        }
        io.restassured.RestAssured.given().get("/api/v1/models/{ns}/during-outage", user[0]).then().statusCode(404);
        long rows = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM registered_model WHERE"
                + " namespace = ?1").setParameter(1, user[0]).getSingleResult()).longValue();
        assertThat(rows).isZero();
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200);
        publish(user[1], user[0], "after-outage", imageMetadata(SHAPE, LABELS, null), artifact).then().statusCode(201);
    }
}
