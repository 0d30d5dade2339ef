package dev.modelzoo.it;

import static io.restassured.RestAssured.given;

import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** What the tests against packaged servers share: free ports, requests to a process, a small catalog to train on. */
final class ItApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ItApi() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with the JDK client (no connection reuse tricks: each probe sees the server as it is now). */
    static HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUri() + path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} every 250 ms until an answer satisfies {@code condition}; fails after {@code timeout}. */
    static HttpResponse<String> await(AppProcess app, String path, Predicate<HttpResponse<String>> condition,
            Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(app, path);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no matching answer from " + path + " within " + timeout + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()) + "\n" + app.log());
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
