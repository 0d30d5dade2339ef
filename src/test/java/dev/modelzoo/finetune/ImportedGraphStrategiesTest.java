package dev.modelzoo.finetune;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.FineTunes;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.ImportFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every strategy on an imported channels-last graph (the small TF.js CNN with a residual block): FREEZE_UP_TO by
 * Keras layer name, only at a boundary no skip connection crosses, AUTO's trials, and features computed once per
 * base, dataset and boundary.
 */
@QuarkusTest
class ImportedGraphStrategiesTest {

    private static String[] user;

    @BeforeEach
    void setUp() {
        if (user != null) {
            return;
        }
        user = Api.newUser("graphs");
        String metadata = "{\"inputSpec\": {\"modality\": \"IMAGE\", \"shape\": [3, 32, 32], \"preprocessing\":"
                + " {\"range\": [0, 1]}}, \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\", \"b\","
                + " \"c\", \"d\"]}}";
        Api.as(user[1]).multiPart("metadata", metadata, "application/json")
                .multiPart("artifact", ImportFixtures.file("tiny_cnn.tfjs.zip").toFile())
                .post("/api/v1/models/{ns}/cnn/versions", user[0]).then().statusCode(201);
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.imageFolders(32, true, 8, "x", "y", "z").toFile())
                .post("/api/v1/datasets/{ns}/rgb", user[0]).then().statusCode(201);
    }

    @Test
    void freezeUpToTakesALayerNameAtABoundaryAndNamesTheNearestOnesOtherwise() {
        JsonPath architecture = given().get("/api/v1/models/{ns}/cnn/versions/1", user[0]).then().statusCode(200)
                .extract().jsonPath();
        List<String> names = architecture.getList("architecture.layers.name");
        List<Integer> cuts = architecture.getList("architecture.cuts");
        int inBlock = names.indexOf("block_dw");
        assertThat(cuts).doesNotContain(inBlock).contains(names.indexOf("stem_relu"), names.indexOf("pool"));

        given().contentType("application/json").body(check("\"freezeUpToLayer\": \"block_dw\"")).post(
                "/api/v1/compatibility").then().statusCode(200).body("compatible", equalTo(false))
                .body("violations.field", hasItem("freezeUpTo"))
                .body("violations.suggestion", hasItem(containsString(String.valueOf(names.indexOf("stem_relu")))));
        given().contentType("application/json").body(check("\"freezeUpToLayer\": \"no_such_layer\"")).post(
                "/api/v1/compatibility").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("no layer named 'no_such_layer'"));
        given().contentType("application/json").body(check("\"freezeUpToLayer\": \"pool\", \"freezeUpTo\": 3"))
                .post("/api/v1/compatibility").then().statusCode(400);
        Api.as(user[1]).contentType("application/json").body(job("blocked", "\"freezeUpToLayer\": \"block_dw\""))
                .post("/api/v1/fine-tunes").then().statusCode(422).body("violations.field", hasItem("freezeUpTo"));

        String id = FineTunes.create(user[1], job("stem-frozen", "\"freezeUpToLayer\": \"stem_relu\""));
        JsonPath done = FineTunes.await(id, "SUCCEEDED", Duration.ofMinutes(3));
        assertThat(done.getInt("freezeUpTo")).isEqualTo(names.indexOf("stem_relu"));
        // head first, then the dense part on the pool's features, then everything after the stem
        assertThat(done.getList("training.stages.frozenUpTo", Integer.class)).containsExactly(
                names.indexOf("features_dropout"), names.indexOf("pool"), names.indexOf("stem_relu"));
        given().get("/api/v1/models/{ns}/stem-frozen/versions/1", user[0]).then().statusCode(200)
                .body("parent.relation", equalTo("FREEZE_UP_TO"))
                .body("inputSpec.preprocessing.layout", equalTo("NHWC"));
    }

    @Test
    void autoRunsItsTrialsOnTheGraphAndASecondJobReusesTheFeatures() {
        // a dataset of its own, so that no other test's job computed its features
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.imageFolders(32, true, 8, "p", "q", "r").toFile())
                .post("/api/v1/datasets/{ns}/rgb-auto", user[0]).then().statusCode(201);
        String first = FineTunes.create(user[1], job("auto-1", null).replace("FREEZE_UP_TO", "AUTO")
                .replace("/rgb\"", "/rgb-auto\""));
        JsonPath auto = FineTunes.await(first, "SUCCEEDED", Duration.ofMinutes(3));
        assertThat(auto.getList("decision.trials.strategy", String.class)).contains("HEAD_ONLY", "FREEZE_FEATURES");
        assertThat(auto.getBoolean("training.stages[0].featuresFromCache")).isFalse();
        String second = FineTunes.create(user[1], job("head-2", null).replace("FREEZE_UP_TO", "HEAD_ONLY")
                .replace("/rgb\"", "/rgb-auto\""));
        JsonPath head = FineTunes.await(second, "SUCCEEDED", Duration.ofMinutes(3));
        assertThat(head.getBoolean("training.stages[0].featuresFromCache")).isTrue();
    }

    private static String check(String extra) {
        return "{\"base\": \"" + user[0] + "/cnn\", \"dataset\": \"" + user[0] + "/rgb\", \"strategy\": \"FREEZE_UP_TO\","
                + " \"adapt\": false, " + extra + "}";
    }

    private static String job(String target, String extra) {
        return "{\"base\": \"" + user[0] + "/cnn\", \"dataset\": \"" + user[0] + "/rgb\", \"target\": \"" + user[0]
                + "/" + target + "\", \"strategy\": \"FREEZE_UP_TO\", \"hyperparameters\": {\"epochs\": 3,"
                + " \"batchSize\": 8}" + (extra == null ? "" : ", " + extra) + "}";
    }
}
