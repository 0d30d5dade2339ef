package dev.modelzoo.api;

import static dev.modelzoo.testing.Api.imageMetadata;
import static dev.modelzoo.testing.Api.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing: real DL4J validation of artifacts and specs, limits, names, tokens and namespaces. */
@QuarkusTest
class PublishTest {

    private static final List<Integer> SHAPE = List.of(1, 8, 8);
    private static final List<String> LABELS = List.of("a", "b", "c");

    private static String user;
    private static String token;
    private static Path artifact;

    @BeforeEach
    void setUp() {
        if (user != null) {
            return;
        }
        String[] created = Api.newUser("pub");
        user = created[0];
        token = created[1];
        artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 7));
    }

    @Test
    void publishesVersionsOneTwoWithTheArchitectureReadFromTheNetwork() throws Exception {
        String sha256 = sha256(artifact);
        publish(token, user, "tiny", imageMetadata(SHAPE, LABELS, null), artifact).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/models/" + user + "/tiny/versions/1"))
                .body("reference", equalTo(user + "/tiny@1"))
                .body("version", equalTo(1))
                .body("sha256", equalTo(sha256))
                .body("sizeBytes", equalTo((int) Files.size(artifact)))
                .body("architecture.type", equalTo("MultiLayerNetwork"))
                .body("architecture.parameterCount", equalTo(683))
                .body("architecture.featureLayer", equalTo(2))
                .body("architecture.layers.type", org.hamcrest.Matchers.contains("ConvolutionLayer",
                        "SubsamplingLayer", "DenseLayer", "OutputLayer"))
                .body("architecture.layers[3].nOut", equalTo(3))
                .body("inputSpec.shape", equalTo(SHAPE))
                .body("inputSpec.dtype", equalTo("FLOAT32"))
                .body("outputSpec.labels", equalTo(LABELS))
                .body("createdBy", equalTo(user))
                .body("parent", nullValue())
                .body("downloads", equalTo(0));
        publish(token, user, "tiny", imageMetadata(SHAPE, LABELS, null), artifact).then().statusCode(201)
                .body("version", equalTo(2));

        Api.as(token).get("/api/v1/models/{ns}/tiny", user).then().statusCode(200)
                .body("latestVersion", equalTo(2))
                .body("versions.version", org.hamcrest.Matchers.contains(2, 1))
                .body("modality", equalTo("IMAGE"))
                .body("card", equalTo("# Tiny"))
                .body("latest.reference", equalTo(user + "/tiny@2"));
        io.restassured.RestAssured.given().get("/api/v1/models/{ns}/tiny/versions/latest", user).then()
                .statusCode(200).body("version", equalTo(2));
    }

    @Test
    void conditionalPublishOfAnExistingVersionIsAConflict() {
        publish(token, user, "cond", imageMetadata(SHAPE, LABELS, "\"version\": 1"), artifact).then().statusCode(201);
        publish(token, user, "cond", imageMetadata(SHAPE, LABELS, "\"version\": 1"), artifact).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/conflict"));
        publish(token, user, "cond", imageMetadata(SHAPE, LABELS, "\"version\": 5"), artifact).then().statusCode(409)
                .body("detail", containsString("next version"));
    }

    @Test
    void randomBytesAreNotAModel() throws IOException {
        Path random = Files.createTempFile("random", ".zip");
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        Files.write(random, bytes);
        publish(token, user, "random", imageMetadata(SHAPE, LABELS, null), random).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-artifact"))
                .body("detail", containsString("neither a zip nor an HDF5 file"));
        assertNoModel("random");
    }

    @Test
    void aTruncatedZipIsRejected() throws IOException {
        byte[] whole = Files.readAllBytes(artifact);
        Path truncated = Files.createTempFile("truncated", ".zip");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        publish(token, user, "truncated", imageMetadata(SHAPE, LABELS, null), truncated).then().statusCode(422)
                .body("type", equalTo("/problems/invalid-artifact"));
        assertNoModel("truncated");
    }

    @Test
    void aZipThatIsNotADl4jModelIsRejected() throws IOException {
        Path zip = Files.createTempFile("plain", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write("not a model".getBytes());
        }
        publish(token, user, "plainzip", imageMetadata(SHAPE, LABELS, null), zip).then().statusCode(422)
                .body("type", equalTo("/problems/invalid-artifact"))
                .body("detail", containsString("neither a DL4J model"));
        assertNoModel("plainzip");
    }

    @Test
    void aDeclaredShapeTheNetworkContradictsIsRejectedWithViolations() {
        publish(token, user, "mismatch", imageMetadata(List.of(3, 12, 12), LABELS, null), artifact).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/spec-mismatch"))
                .body("violations.field", hasItems("inputSpec.channels", "inputSpec.height", "inputSpec.width"))
                .body("violations.find { it.field == 'inputSpec.channels' }.expected", equalTo("1"))
                .body("violations.find { it.field == 'inputSpec.channels' }.actual", equalTo("3"));
        publish(token, user, "mismatch", imageMetadata(SHAPE, List.of("a", "b", "c", "d", "e"), null), artifact)
                .then().statusCode(422)
                .body("violations.field", hasItem("outputSpec.labels"))
                .body("violations[0].expected", equalTo("3 labels"))
                .body("violations[0].actual", equalTo("5 labels"));
        assertNoModel("mismatch");
    }

    @Test
    void anUnknownModalityIsAMalformedRequest() {
        String metadata = imageMetadata(SHAPE, LABELS, null).replace("\"IMAGE\"", "\"SMELL\"");
        publish(token, user, "smell", metadata, artifact).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", containsString("inputSpec.modality"))
                .body("detail", containsString("SMELL"));
    }

    @Test
    void invalidNamesAreRejected() {
        for (String name : List.of("a..b", "UPPER", "x".repeat(200), "-lead", "caf\u00e9")) {
            publish(token, user, name, imageMetadata(SHAPE, LABELS, null), artifact).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-request"))
                    .body("violations[0].field", equalTo("name"));
        }
        // '..' and '/' change the path itself: they never name a model, and the answer is still a problem
        for (String name : List.of("..", "a%2Fb")) {
            publish(token, user, name, imageMetadata(SHAPE, LABELS, null), artifact).then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void invalidMetadataIsReportedField() {
        String metadata = imageMetadata(List.of(1, 8), LABELS, null);
        publish(token, user, "rank", metadata, artifact).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-request"))
                .body("violations[0].field", equalTo("inputSpec.shape"));
        String noSpec = "{\"description\": \"x\", \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\"]}}";
        publish(token, user, "nospec", noSpec, artifact).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-request"))
                .body("violations.field", hasItem("inputSpec"));
        publish(token, user, "badjson", "{\"description\": ", artifact).then().statusCode(400)
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", containsString("metadata"));
    }

    @Test
    void missingPartsAreMalformedRequests() {
        Api.as(token).multiPart("artifact", artifact.toFile(), "application/zip")
                .post("/api/v1/models/{ns}/noparts/versions", user).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The multipart part 'metadata' is missing"));
        Api.as(token).multiPart("metadata", imageMetadata(SHAPE, LABELS, null), "application/json")
                .post("/api/v1/models/{ns}/noparts/versions", user).then().statusCode(400)
                .body("detail", equalTo("The multipart part 'artifact' is missing"));
    }

    @Test
    void uploadsOverTheLimitAre413BeforeTheBodyIsSent() throws Exception {
        // 9 MiB announced against the test limit of 8 MiB
        Multipart.RawResponse response = Multipart.announce(user, "big", token, imageMetadata(SHAPE, LABELS, null),
                9L * 1024 * 1024);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response.body()).contains("\"type\":\"/problems/payload-too-large\"");
        assertNoModel("big");
    }

    @Test
    void writesNeedAValidTokenForTheirOwnNamespace() {
        io.restassured.RestAssured.given().multiPart("metadata", imageMetadata(SHAPE, LABELS, null))
                .multiPart("artifact", artifact.toFile())
                .post("/api/v1/models/{ns}/anon/versions", user).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("/problems/unauthorized"));
        publish("mzt_not-a-token", user, "badtoken", imageMetadata(SHAPE, LABELS, null), artifact).then()
                .statusCode(401).body("type", equalTo("/problems/unauthorized"));
        io.restassured.RestAssured.given().header("Authorization", "Basic abc").multiPart("metadata", "{}")
                .post("/api/v1/models/{ns}/basic/versions", user).then().statusCode(401);
        publish(token, "zoo", "foreign", imageMetadata(SHAPE, LABELS, null), artifact).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        publish(Api.ADMIN_TOKEN, user, "by-admin", imageMetadata(SHAPE, LABELS, null), artifact).then()
                .statusCode(201).body("createdBy", equalTo("admin"));
    }

    @Test
    void onlyAdminsDeclareAParent() {
        publish(token, user, "child", imageMetadata(SHAPE, LABELS,
                "\"parent\": {\"reference\": \"" + user + "/tiny@1\", \"relation\": \"FULL\"}"), artifact)
                .then().statusCode(403);
    }

    @Test
    void unknownModelsAndVersionsAre404() {
        io.restassured.RestAssured.given().get("/api/v1/models/nobody/nothing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("model 'nobody/nothing' does not exist"));
        io.restassured.RestAssured.given().get("/api/v1/models/nobody/nothing/versions/x").then().statusCode(400)
                .body("violations[0].field", equalTo("version"));
    }

    private static void assertNoModel(String name) {
        io.restassured.RestAssured.given().get("/api/v1/models/{ns}/{name}", user, name).then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/models?namespace={ns}&q={name}", user, name).then()
                .statusCode(200).body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static void assertListSize(List<?> list, int size) {
        assertThat(list).hasSize(size);
    }
}
