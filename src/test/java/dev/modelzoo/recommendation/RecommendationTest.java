package dev.modelzoo.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TestUser;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * POST /recommendations against the real server: a base whose features separate the data outranks one whose
 * features are dead, incompatible bases are listed with the checker's reason, a second ranking reuses the cached
 * features, and the time budget is honoured.
 */
@QuarkusTest
class RecommendationTest {

    private static final List<String> LABELS = List.of("top", "bottom", "left");

    /** A convnet trained on fresh top/bottom/left patterns, so its dense features tell them apart. */
    private static MultiLayerNetwork trainedOnPatterns() {
        MultiLayerNetwork network = TinyNetworks.convNet(1, 8, 3, 11);
        Random random = new Random(5);
        int n = 90;
        INDArray inputs = Nd4j.create(n, 1, 8, 8);
        INDArray targets = Nd4j.zeros(n, 3);
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            targets.putScalar(i, label, 1);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean lit = label == 0 ? y < 4 : label == 1 ? y >= 4 : x < 4;
                    inputs.putScalar(new int[] {i, 0, y, x}, ((lit ? 170 : 30) + random.nextInt(60)) / 255.0);
                }
            }
        }
        DataSet data = new DataSet(inputs, targets);
        for (int epoch = 0; epoch < 60; epoch++) {
            network.fit(data);
        }
        return network;
    }

    /** A convnet with every parameter zero: its features are constant, so they carry nothing about the data. */
    private static MultiLayerNetwork dead() {
        MultiLayerNetwork network = TinyNetworks.convNet(1, 8, 3, 12);
        network.params().assign(0);
        return network;
    }

    private static JsonPath rank(Map<String, Object> body, int status) {
        return given().contentType("application/json").body(body).post("/api/v1/recommendations").then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void ranksTheInformativeBaseAboveTheDeadOneAndExplainsTheRejected() {
        TestUser user = TestUser.create("recommend");
        String metadata = Api.imageMetadata(List.of(1, 8, 8), LABELS, null);
        Api.publish(Api.ADMIN_TOKEN, user.name(), "informed", metadata, TinyNetworks.save(trainedOnPatterns()))
                .then().statusCode(201);
        Api.publish(Api.ADMIN_TOKEN, user.name(), "dead", metadata, TinyNetworks.save(dead())).then()
                .statusCode(201);
        Api.publish(Api.ADMIN_TOKEN, user.name(), "wide", Api.imageMetadata(List.of(1, 16, 16), LABELS, null),
                TinyNetworks.save(TinyNetworks.convNet(1, 16, 3, 13))).then().statusCode(201);
        Api.as(user.token()).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 10, 21).toFile())
                .post("/api/v1/datasets/{ns}/patterns", user.name()).then().statusCode(201);
        String dataset = user.name() + "/patterns";
        String datasetSha = given().get("/api/v1/datasets/" + dataset).then().extract().path("sha256");
        Api.publish(Api.ADMIN_TOKEN, user.name(), "own", Api.imageMetadata(List.of(1, 8, 8), LABELS,
                "\"trainingDataset\": {\"name\": \"" + dataset + "@1\", \"sha256\": \"" + datasetSha + "\"}"),
                TinyNetworks.save(trainedOnPatterns())).then().statusCode(201);

        JsonPath first = rank(Map.of("dataset", dataset, "limit", 100), 200);
        assertThat(first.getString("dataset")).isEqualTo(dataset + "@1");
        assertThat(first.getString("method")).startsWith("ridge-probe-cv");
        assertThat(first.getInt("examples")).isEqualTo(30);
        assertThat(first.getBoolean("subsampled")).isFalse();
        List<String> order = first.getList("items.base");
        int informed = order.indexOf(user.name() + "/informed@1");
        int dead = order.indexOf(user.name() + "/dead@1");
        assertThat(informed).as(order.toString()).isNotNegative().isLessThan(dead);
        Map<String, Object> best = first.getMap("items[" + informed + "]");
        Map<String, Object> worst = first.getMap("items[" + dead + "]");
        assertThat(((Number) best.get("score")).doubleValue()).isGreaterThanOrEqualTo(0.9);
        assertThat(((Number) worst.get("score")).doubleValue()).isLessThan(0.6);
        assertThat(first.getInt("items[" + informed + "].estimatedAccuracy.count")).isEqualTo(30);
        assertThat(first.getDouble("items[" + informed + "].estimatedAccuracy.interval.low")).isLessThan(
                first.getDouble("items[" + informed + "].estimatedAccuracy.value"));
        assertThat(first.getInt("items[" + informed + "].featureLayer")).isEqualTo(2);
        assertThat(first.getBoolean("items[" + informed + "].featuresFromCache")).isFalse();
        assertThat(first.getList("items.base")).doesNotContain(user.name() + "/wide@1");
        Map<String, Object> wide = first.<Map<String, Object>>getList("rejected").stream()
                .filter(r -> r.get("base").equals(user.name() + "/wide@1")).findFirst().orElseThrow();
        assertThat((String) wide.get("reason")).contains("takes height 16, the data have 8");
        assertThat((String) wide.get("suggestion")).isNotBlank();
        Map<String, Object> own = first.<Map<String, Object>>getList("rejected").stream()
                .filter(r -> r.get("base").equals(user.name() + "/own@1")).findFirst().orElseThrow();
        assertThat((String) own.get("reason")).contains("was trained on " + dataset + "@1 itself");

        JsonPath again = rank(Map.of("dataset", dataset + "@1", "limit", 100), 200);
        int informedAgain = again.getList("items.base").indexOf(user.name() + "/informed@1");
        assertThat(again.getBoolean("items[" + informedAgain + "].featuresFromCache")).isTrue();
        assertThat(again.getDouble("items[" + informedAgain + "].score"))
                .isEqualTo(first.getDouble("items[" + informed + "].score"));

        JsonPath mine = rank(Map.of("dataset", dataset, "namespace", user.name()), 200);
        assertThat(mine.getList("items.base")).containsExactly(user.name() + "/informed@1", user.name() + "/dead@1");
        assertThat(mine.getList("rejected.base")).containsExactlyInAnyOrder(user.name() + "/wide@1",
                user.name() + "/own@1");
        assertThat(rank(Map.of("dataset", dataset, "tag", "no-such-tag"), 200).getList("items")).isEmpty();

        JsonPath top = rank(Map.of("dataset", dataset, "limit", 1), 200);
        assertThat(top.getList("items")).hasSize(1);

        List<String> sorted = given().get("/api/v1/models?namespace={ns}&compatibleWith={ds}&sort=transferability",
                user.name(), dataset).then().statusCode(200).extract().jsonPath().getList("items.reference");
        assertThat(sorted).containsExactly(user.name() + "/informed", user.name() + "/dead", user.name() + "/own");
        given().get("/api/v1/models?sort=transferability").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("sort"));
    }

    @Test
    void theTimeBudgetAndBadRequestsAreAnswered() {
        TestUser user = TestUser.create("recommend-budget");
        Api.publish(Api.ADMIN_TOKEN, user.name(), "base", Api.imageMetadata(List.of(1, 8, 8), LABELS, null),
                TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 14))).then().statusCode(201);
        Api.as(user.token()).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 6, 22).toFile())
                .post("/api/v1/datasets/{ns}/patterns", user.name()).then().statusCode(201);

        JsonPath hurried = rank(Map.of("dataset", user.name() + "/patterns", "budgetSeconds", 0.000001), 200);
        assertThat(hurried.getList("items")).isEmpty();
        assertThat(hurried.getList("notScored.base")).contains(user.name() + "/base@1");
        assertThat(hurried.getString("notScored[0].reason")).contains("time budget");

        // 60 examples, above the test profile's 50: ranked on a stratified subsample, and the answer says so
        Api.as(user.token()).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 20, 23).toFile())
                .post("/api/v1/datasets/{ns}/larger", user.name()).then().statusCode(201);
        JsonPath subsampled = rank(Map.of("dataset", user.name() + "/larger", "namespace", user.name()), 200);
        assertThat(subsampled.getBoolean("subsampled")).isTrue();
        assertThat(subsampled.getInt("datasetSize")).isEqualTo(60);
        assertThat(subsampled.getInt("examples")).isBetween(45, 50);
        assertThat(subsampled.getInt("items[0].estimatedAccuracy.count")).isEqualTo(subsampled.getInt("examples"));

        given().contentType("application/json").body(Map.of("dataset", "nobody/nothing"))
                .post("/api/v1/recommendations").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        given().contentType("application/json").body(Map.of("dataset", user.name() + "/patterns", "limit", 0))
                .post("/api/v1/recommendations").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("dataset", "not a reference"))
                .post("/api/v1/recommendations").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("limit", 3))
                .post("/api/v1/recommendations").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
