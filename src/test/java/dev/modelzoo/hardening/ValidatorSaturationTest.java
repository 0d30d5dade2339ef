package dev.modelzoo.hardening;

import static dev.modelzoo.testing.Api.imageMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.catalog.ValidationSlots;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overload: while every artifact validator is busy, a publish waits the validator wait (1 s in tests) and is
 * answered 503 problem+json with Retry-After, never a 500, and nothing is stored; once a slot frees up the same
 * publish succeeds.
 */
@QuarkusTest
class ValidatorSaturationTest {

    @Inject
    ValidationSlots slots;

    @Test
    void busyValidatorsAnswer503AndLoseNothing() {
        String[] user = Api.newUser("busy");
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 5));
        String metadata = imageMetadata(List.of(1, 8, 8), List.of("a", "b"), null);
        List<ValidationSlots.Slot> held = new ArrayList<>();
        try {
            while (held.size() < slots.size()) {
                held.add(slots.acquire());
            }
            long start = System.nanoTime();
            Response busy = Api.publish(user[1], user[0], "queued", metadata, artifact);
            assertThat(busy.statusCode()).as(busy.asString()).isEqualTo(503);
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(0.9).isLessThan(30);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("2");
            assertThat(busy.jsonPath().getString("detail")).contains("validator is busy");
        } finally {
            held.forEach(ValidationSlots.Slot::close);
        }
        io.restassured.RestAssured.given().get("/api/v1/models/{ns}/queued", user[0]).then().statusCode(404);
        Api.publish(user[1], user[0], "queued", metadata, artifact).then().statusCode(201);
    }
}
