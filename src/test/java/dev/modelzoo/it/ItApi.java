package dev.modelzoo.it;

import static io.restassured.RestAssured.given;

import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** What the tests against packaged servers share: free ports, requests to a process, a small catalog to train on. */
final class ItApi {

    private ItApi() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification on(AppProcess app) {
        return given().baseUri(app.baseUri());
    }

    /**
     * Creates user {@code namespace} (returns its token), publishes {@code namespace/base} (a tiny 8x8 convnet, four
     * labels) as the admin and uploads the dataset {@code namespace/patterns} as the user.
     */
    static String seedBaseAndDataset(AppProcess app, String adminToken, String namespace) {
        String token = on(app).header("Authorization", "Bearer " + adminToken).contentType("application/json")
                .body(Map.of("name", namespace)).post("/api/v1/users").then().statusCode(201).extract()
                .path("token");
        on(app).header("Authorization", "Bearer " + adminToken)
                .multiPart("metadata", "{\"inputSpec\": {\"modality\": \"IMAGE\", \"shape\": [1, 8, 8]},"
                        + " \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\", \"b\", \"c\","
                        + " \"d\"]}}", "application/json")
                .multiPart("artifact", TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 7)).toFile())
                .post("/api/v1/models/" + namespace + "/base/versions").then().statusCode(201);
        on(app).header("Authorization", "Bearer " + token)
                .multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 15, 3).toFile())
                .post("/api/v1/datasets/" + namespace + "/patterns").then().statusCode(201);
        return token;
    }
}
