package dev.modelzoo.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to get a 500, a non-problem answer or a class name in the detail: each now gets a clear 4xx
 * application/problem+json answer, and nothing is written.
 */
@QuarkusTest
class BadInputTest {

    private static final String BOUNDARY = "bad-input-boundary";

    @Test
    void nulInAPathOrQueryIsABadRequest() throws Exception {
        for (String target : List.of("/api/v1/models/zoo/a%00b/versions/1", "/api/v1/models/zoo%00/letters-lenet",
                "/api/v1/models?q=le%00net", "/api/v1/datasets/x%00y/d")) {
            RawHttp.Answer answer = RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost", new byte[0]);
            assertProblem(answer, 400, target);
        }
    }

    @Test
    void nulInAMetadataStringIsABadRequestNamingTheField() throws Exception {
        String[] user = Api.newUser("nul");
        String metadata = Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c", "d"), null)
                .replace("tiny test network", "tiny\\u0000network");
        RawHttp.Answer answer = publish(user, "nul-model", multipart(metadata, artifactBytes()));
        assertProblem(answer, 400, "NUL description");
        assertThat(answer.body()).contains("description").contains("NUL");
        assertNothingPublished(user, "nul-model");
    }

    @Test
    void metadataThatIsJsonNullIsABadRequest() throws Exception {
        String[] user = Api.newUser("null");
        RawHttp.Answer answer = publish(user, "null-model", multipart("null", artifactBytes()));
        assertProblem(answer, 400, "null metadata");
        assertThat(answer.body()).contains("metadata");
        assertNothingPublished(user, "null-model");
    }

    @Test
    void malformedMultipartBodiesAreBadRequests() throws Exception {
        String[] user = Api.newUser("mp");
        String metadata = Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c", "d"), null);
        byte[] whole = multipart(metadata, artifactBytes());
        Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
        String path = "/api/v1/models/" + user[0] + "/mp-model/versions";
        answers.put("wrong boundary", RawHttp.send(head(path, user[1], "other-boundary", whole.length), whole));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        answers.put("truncated body", RawHttp.send(head(path, user[1], BOUNDARY, truncated.length), truncated));
        byte[] unclosed = java.util.Arrays.copyOf(whole, whole.length - ("--" + BOUNDARY + "--\r\n").length());
        answers.put("no closing boundary", RawHttp.send(head(path, user[1], BOUNDARY, unclosed.length), unclosed));
        answers.put("short Content-Length", RawHttp.send(head(path, user[1], BOUNDARY, whole.length - 100), whole));
        answers.put("no boundary parameter", RawHttp.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + user[1] + "\r\nContent-Type: multipart/form-data\r\nContent-Length: "
                + whole.length, whole));
        answers.forEach((what, answer) -> assertProblem(answer, -1, what));
        assertNothingPublished(user, "mp-model");
    }

    @Test
    void anArtifactWithATraversalEntryNameIsRefused() throws Exception {
        String[] user = Api.newUser("zip");
        Path clean = TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 3));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(clean.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        entries.put("../../etc/cron.d/evil", "* * * * * root true\n".getBytes(StandardCharsets.UTF_8));
        Path hostile = Fixtures.zip(entries);
        String metadata = Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c", "d"), null);
        RawHttp.Answer answer = publish(user, "zip-model", multipart(metadata, Files.readAllBytes(hostile)));
        assertProblem(answer, 422, "traversal entry");
        assertThat(answer.body()).contains("unsafe entry name");
        assertNothingPublished(user, "zip-model");
    }

    @Test
    void aBrokenNetworkConfigurationNamesNoJavaClass() throws Exception {
        String[] user = Api.newUser("cfg");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("configuration.json", "{\"confs\": [{\"layer\": {\"@class\": 7}}], \"backpropType\": 3}"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("coefficients.bin", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        String metadata = Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c", "d"), null);
        RawHttp.Answer answer = publish(user, "cfg-model", multipart(metadata,
                Files.readAllBytes(Fixtures.zip(entries))));
        assertProblem(answer, 422, "broken configuration");
        assertNothingPublished(user, "cfg-model");
    }

    @Test
    void httpLayerErrorsAreProblems() throws Exception {
        String longPath = "/api/v1/models/" + "a".repeat(10_000);
        assertProblem(RawHttp.send("GET " + longPath + " HTTP/1.1\r\nHost: localhost", new byte[0]), 414,
                "long URI");
        assertProblem(RawHttp.send("GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(40_000),
                new byte[0]), 431, "large header");
        for (String target : List.of("/api/v1/models/zoo/%C3%28", "/api/v1/models?q=%C3%28",
                "/api/v1/models?q=a%FFb", "/api/v1/models/zoo/semi;colon", "/api/v1/models/zoo/%zz",
                "/api/v1/models?q=%zz", "/api/v1/models/%", "/api/v1/models/a|b", "/api/v1/models/{x}", "/%zz",
                "/app.js%")) {
            assertProblem(RawHttp.send("GET " + target + " HTTP/1.1\r\nHost: localhost", new byte[0]), 400, target);
        }
    }

    static void assertProblem(RawHttp.Answer answer, int status, String what) {
        if (status > 0) {
            assertThat(answer.status()).as(what + ": " + answer.head() + "\n" + answer.body()).isEqualTo(status);
        } else {
            assertThat(answer.status()).as(what + ": " + answer.head() + "\n" + answer.body()).isBetween(400, 499);
        }
        assertThat(answer.contentType()).as(what + ": " + answer.head()).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).doesNotContainPattern("\\b(java|javax|jakarta|org|io|com|dev)\\."
                + "[a-z]+\\.[A-Za-z]").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(answer.seconds()).as(what + " answered in seconds").isLessThan(5);
    }

    private static void assertNothingPublished(String[] user, String name) {
        Api.as(user[1]).get("/api/v1/models/" + user[0] + "/" + name).then().statusCode(404);
    }

    private static RawHttp.Answer publish(String[] user, String name, byte[] body) throws Exception {
        return RawHttp.send(head("/api/v1/models/" + user[0] + "/" + name + "/versions", user[1], BOUNDARY,
                body.length), body);
    }

    private static String head(String path, String token, String boundary, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length;
    }

    private static byte[] artifactBytes() throws Exception {
        return Files.readAllBytes(TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 5)));
    }

    static byte[] multipart(String metadata, byte[] artifact) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"artifact\"; filename=\"a.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(artifact);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
