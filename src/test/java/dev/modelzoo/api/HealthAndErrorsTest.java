package dev.modelzoo.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness, OpenAPI, and problem+json for what never reaches a resource. */
@QuarkusTest
class HealthAndErrorsTest {

    @Test
    void readinessReportsDatabaseAndObjectStore() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("object-store", "Database connections health check"));
    }

    @Test
    void unknownApiRoutesAreProblems() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        given().get("/api/v1/models/zoo/x/versions/1/nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        given().delete("/api/v1/models").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"));
        given().header("Authorization", "Bearer test-admin-token").contentType("text/plain").body("hello")
                .post("/api/v1/models/zoo/x/versions").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void malformedJsonIsAProblemWithoutClassNames() {
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"name\": ").post("/api/v1/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", startsWith("The JSON body cannot be read"))
                .body("detail", org.hamcrest.Matchers.not(containsString("dev.modelzoo")));
    }

    @Test
    void problemTypesAreDocumented() {
        given().get("/problems/spec-mismatch").then().statusCode(200).body("status", equalTo(422));
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/models/{namespace}/{name}/versions"));
    }
}
