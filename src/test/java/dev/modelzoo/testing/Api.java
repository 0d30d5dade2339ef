package dev.modelzoo.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers over REST Assured for the API tests. */
public final class Api {

    /** The bootstrap admin token configured for the test profile. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    /** Creates a user with a unique name and returns {@code [name, token]}. */
    public static String[] newUser(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String token = asAdmin().contentType("application/json").body(Map.of("name", name))
                .post("/api/v1/users").then().statusCode(201).extract().path("token");
        return new String[] {name, token};
    }

    /** Metadata JSON for an IMAGE classifier. */
    public static String imageMetadata(List<Integer> shape, List<String> labels, String extra) {
        return "{\"description\": \"tiny test network\", \"license\": \"Apache-2.0\", \"tags\": [\"test\", \"vision\"],"
                + " \"card\": \"# Tiny\", \"inputSpec\": {\"modality\": \"IMAGE\", \"shape\": " + shape
                + ", \"preprocessing\": {\"range\": [0, 1]}}, \"outputSpec\": {\"task\": \"CLASSIFICATION\","
                + " \"labels\": " + quoted(labels) + "}" + (extra == null ? "" : ", " + extra) + "}";
    }

    public static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    /** POSTs a publish and returns the raw response. */
    public static Response publish(String token, String namespace, String name, String metadata, Path artifact) {
        return as(token).multiPart("metadata", metadata, "application/json")
                .multiPart("artifact", artifact.toFile(), "application/zip")
                .post("/api/v1/models/{ns}/{name}/versions", namespace, name);
    }
}
