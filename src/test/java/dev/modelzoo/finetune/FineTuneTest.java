package dev.modelzoo.finetune;

import static dev.modelzoo.testing.FineTunes.await;
import static dev.modelzoo.testing.FineTunes.body;
import static dev.modelzoo.testing.FineTunes.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.FineTunes;
import dev.modelzoo.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end through the API on a tiny base and a learnable dataset, one strategy at a time. */
@QuarkusTest
class FineTuneTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static String[] user;

    @jakarta.inject.Inject
    dev.modelzoo.catalog.manifest.ManifestImporter importer;

    @BeforeEach
    void setUp() {
        if (user == null) {
            user = Api.newUser("tuner");
            FineTunes.setUp(user);
        }
    }

    @Test
    void headOnlyKeepsTheFrozenLayersBitIdenticalAndPublishesWithLineage() throws Exception {
        String id = create(user[1], body(user[0], "head", "HEAD_ONLY",
                "\"baseline\": true, \"hyperparameters\": {\"epochs\": 12, \"batchSize\": 8, \"learningRate\": 0.01}"));
        JsonPath job = await(id, "SUCCEEDED", TIMEOUT);

        assertThat(job.getString("result")).isEqualTo(user[0] + "/head@1");
        // an explicit number of epochs is honoured (no early stopping); epoch 0 is the stage's start
        assertThat(job.getList("metrics.epoch")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(job.getList("metrics.stage")).containsOnly("HEAD_ONLY");
        assertThat(job.getInt("progress.epoch")).isEqualTo(12);
        assertThat(job.getString("progress.phase")).isEqualTo("DONE");
        assertThat(job.getString("evaluation.split")).isEqualTo("validation");
        assertThat(job.getInt("evaluation.count")).isEqualTo(9);
        assertThat(job.getDouble("evaluation.interval.low")).isLessThanOrEqualTo(job.getDouble("evaluation.accuracy"));
        assertThat(job.getDouble("evaluation.interval.high")).isGreaterThanOrEqualTo(
                job.getDouble("evaluation.accuracy"));
        assertThat(job.getList("evaluation.perClass")).hasSize(3);
        assertThat(job.getList("evaluation.confusionMatrix")).hasSize(3);
        assertThat(job.getString("test")).isNull();
        assertThat(job.getDouble("baseline.validation.accuracy")).isBetween(0.0, 1.0);
        assertThat(job.getDouble("baseline.accuracy")).isEqualTo(job.getDouble("baseline.validation.accuracy"));
        assertThat(job.getInt("baseline.validation.count")).isEqualTo(9);
        assertThat(job.getInt("baseline.training.epochsRun")).isEqualTo(12);
        assertThat(job.getDouble("baseline.gain")).isCloseTo(job.getDouble("evaluation.accuracy")
                - job.getDouble("baseline.validation.accuracy"), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(job.getString("training.stages[0].stopReason")).isEqualTo("COMPLETED");
        assertThat(job.getDouble("timings.total")).isPositive();
        assertThat(job.getInt("attempts")).isEqualTo(1);

        JsonPath version = given().get("/api/v1/models/{ns}/head/versions/1", user[0]).then().statusCode(200)
                .extract().jsonPath();
        String baseSha = given().get("/api/v1/models/{ns}/tiny-base/versions/1", user[0]).then().extract()
                .path("sha256");
        assertThat(version.getString("parent.reference")).isEqualTo(user[0] + "/tiny-base@1");
        assertThat(version.getString("parent.sha256")).isEqualTo(baseSha);
        assertThat(version.getString("parent.relation")).isEqualTo("HEAD_ONLY");
        assertThat(version.getString("createdBy")).isEqualTo(user[0]);
        assertThat(version.getList("outputSpec.labels")).containsExactly("bottom", "left", "top");
        assertThat(version.getList("recipe.frozenLayers")).containsExactly(0, 1, 2);
        assertThat(version.getString("recipe.dataset.sha256")).hasSize(64);
        assertThat(version.getInt("recipe.seed")).isEqualTo(42);
        assertThat(version.getString("recipe.epochRule")).isEqualTo("12 epochs, no early stopping");
        assertThat(version.getString("card")).contains("Baseline").contains("**Validation accuracy: ")
                .contains("95% interval").contains("come from the validation split");
        assertThat(version.getList("metrics.name")).contains("accuracy", "baseline_accuracy", "transfer_gain");
        assertThat(version.getInt("metrics.find { it.name == 'accuracy' }.count")).isEqualTo(9);
        assertThat(version.getList("metrics.find { it.name == 'accuracy' }.interval")).hasSize(2);
        given().get("/api/v1/models/{ns}/tiny-base/versions/1/lineage", user[0]).then()
                .body("descendants.reference", hasItem(user[0] + "/head@1"));

        MultiLayerNetwork base = download(user[0] + "/tiny-base/versions/1");
        MultiLayerNetwork derived = download(user[0] + "/head/versions/1");
        for (int layer : new int[] {0, 2}) {
            assertThat(derived.getLayer(layer).params().toFloatVector())
                    .as("frozen layer %d", layer).isEqualTo(base.getLayer(layer).params().toFloatVector());
        }
        assertThat(derived.getLayer(3).params().length()).isEqualTo(16 * 3 + 3);
        assertThat(trainingAccuracy("head")).isGreaterThan(1.0 / 3 + 0.1);
    }

    @Test
    void defaultEpochsAreAutoWithEarlyStoppingAndATestDatasetLeadsTheCard() {
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.patterns(8, 20, 99).toFile())
                .post("/api/v1/datasets/{ns}/patterns-test", user[0]).then().statusCode(201);
        String id = create(user[1], body(user[0], "auto-epochs", "FREEZE_FEATURES", "\"baseline\": true,"
                + " \"testDataset\": \"" + user[0] + "/patterns-test\""));
        JsonPath job = await(id, "SUCCEEDED", TIMEOUT);

        // 36 training images in minibatches of 32: 2 updates per epoch; the head alone gets 1,500 updates (750
        // epochs) with a patience of 300 updates (150 epochs), the dense stage 300 (150 epochs, patience 30)
        assertThat(job.getString("hyperparameters.epochs")).isEqualTo("auto");
        assertThat(job.getBoolean("hyperparameters.earlyStopping")).isTrue();
        assertThat(job.getList("training.stages.strategy")).containsExactly("HEAD_ONLY", "FREEZE_FEATURES");
        assertThat(job.getList("training.stages.frozenUpTo")).containsExactly(2, 1);
        int[][] planAndPatience = {{750, 150}, {150, 30}};
        for (int stage = 0; stage < 2; stage++) {
            String path = "training.stages[" + stage + "].";
            assertThat(job.getInt(path + "epochsPlanned")).isEqualTo(planAndPatience[stage][0]);
            assertThat(job.getInt(path + "bestEpoch")).isLessThanOrEqualTo(job.getInt(path + "epochsRun"));
            if (job.getString(path + "stopReason").equals("EARLY_STOPPED")) {
                assertThat(job.getInt(path + "epochsRun") - job.getInt(path + "bestEpoch"))
                        .isEqualTo(planAndPatience[stage][1]);
            } else {
                assertThat(job.getInt(path + "epochsRun")).isEqualTo(planAndPatience[stage][0]);
            }
        }
        assertThat(job.getList("training.summary", String.class)).allMatch(line -> line.contains("best epoch"));
        assertThat(job.getString("baseline.training.strategy")).isNull();
        // the baseline trains the whole network: 300 updates, 150 epochs, by the same rules
        assertThat(job.getInt("baseline.training.epochsPlanned")).isEqualTo(150);

        assertThat(job.getString("testDataset")).isEqualTo(user[0] + "/patterns-test@1");
        assertThat(job.getString("evaluation.split")).isEqualTo("test");
        assertThat(job.getInt("evaluation.count")).isEqualTo(60);
        assertThat(job.getString("evaluation.dataset")).isEqualTo(user[0] + "/patterns-test@1");
        assertThat(job.getDouble("evaluation.accuracy")).isEqualTo(job.getDouble("test.accuracy"));
        assertThat(job.getString("validation.split")).isEqualTo("validation");
        assertThat(job.getInt("validation.count")).isEqualTo(9);
        assertThat(job.getInt("baseline.test.count")).isEqualTo(60);
        assertThat(job.getDouble("baseline.accuracy")).isEqualTo(job.getDouble("baseline.test.accuracy"));
        assertThat(job.getString("baseline.gainSplit")).isEqualTo("test");
        assertThat(job.getDouble("evaluation.accuracy")).isGreaterThan(0.6);

        JsonPath version = given().get("/api/v1/models/{ns}/auto-epochs/versions/1", user[0]).then()
                .statusCode(200).extract().jsonPath();
        assertThat(version.getString("parent.relation")).isEqualTo("FREEZE_FEATURES");
        assertThat(version.getList("recipe.frozenLayers")).containsExactly(0, 1);
        assertThat(version.getString("recipe.testDataset.reference")).isEqualTo(user[0] + "/patterns-test@1");
        assertThat(version.getString("recipe.epochRule")).startsWith("auto: enough epochs for 300 updates, 3-500"
                + " epochs (5 times both for the head alone)");
        assertThat(version.getString("card")).startsWith("# " + user[0] + "/auto-epochs\n\n**Test accuracy: ");
        assertThat(version.getString("metrics.find { it.name == 'accuracy' }.split")).isEqualTo("test");
        assertThat(version.getInt("metrics.find { it.name == 'accuracy' }.count")).isEqualTo(60);
        assertThat(version.getString("metrics.find { it.name == 'baseline_accuracy' }.split")).isEqualTo("test");
        assertThat(version.getInt("metrics.find { it.name == 'validation_accuracy' }.count")).isEqualTo(9);
    }

    @Test
    void aTestDatasetWithOtherLabelsOrAnUnknownOneIsRefused() {
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.imageFolders(8, false, 4, "top", "bottom", "right").toFile())
                .post("/api/v1/datasets/{ns}/other-labels", user[0]).then().statusCode(201);
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY",
                "\"testDataset\": \"" + user[0] + "/other-labels\"")).post("/api/v1/fine-tunes").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.rule", hasItem("testDataset"))
                .body("violations.field", hasItem("testDataset.labels"))
                .body("detail", containsString("right"));
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY",
                "\"testDataset\": \"" + user[0] + "/no-such-test\"")).post("/api/v1/fine-tunes").then()
                .statusCode(404).contentType("application/problem+json");
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY",
                "\"testDataset\": \"not a reference\"")).post("/api/v1/fine-tunes").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void fullChangesEveryLayerAndFreezeUpToOnlyTheLaterOnes() throws Exception {
        String full = create(user[1], body(user[0], "full", "FULL",
                "\"hyperparameters\": {\"epochs\": 8, \"batchSize\": 8, \"learningRate\": 0.01}"));
        String partial = create(user[1], body(user[0], "partial", "FREEZE_UP_TO",
                "\"freezeUpTo\": 0, \"hyperparameters\": {\"epochs\": 8, \"batchSize\": 8, \"learningRate\": 0.01}"));
        await(full, "SUCCEEDED", TIMEOUT);
        await(partial, "SUCCEEDED", TIMEOUT);

        MultiLayerNetwork base = download(user[0] + "/tiny-base/versions/1");
        MultiLayerNetwork fullNet = download(user[0] + "/full/versions/1");
        MultiLayerNetwork partialNet = download(user[0] + "/partial/versions/1");
        assertThat(fullNet.getLayer(0).params().toFloatVector()).isNotEqualTo(base.getLayer(0).params()
                .toFloatVector());
        assertThat(fullNet.getLayer(2).params().toFloatVector()).isNotEqualTo(base.getLayer(2).params()
                .toFloatVector());
        assertThat(partialNet.getLayer(0).params().toFloatVector()).isEqualTo(base.getLayer(0).params()
                .toFloatVector());
        assertThat(partialNet.getLayer(2).params().toFloatVector()).isNotEqualTo(base.getLayer(2).params()
                .toFloatVector());
        given().get("/api/v1/models/{ns}/partial/versions/1", user[0]).then()
                .body("parent.relation", equalTo("FREEZE_UP_TO"))
                .body("recipe.frozenLayers", org.hamcrest.Matchers.contains(0));
        assertThat(trainingAccuracy("full")).isGreaterThan(1.0 / 3 + 0.1);
    }

    @Test
    void autoRecordsItsThreeTrialsAndTheFeatureCacheIsReused() {
        String first = create(user[1], body(user[0], "auto", "AUTO",
                "\"hyperparameters\": {\"epochs\": 4, \"batchSize\": 8, \"learningRate\": 0.01}"));
        JsonPath job = await(first, "SUCCEEDED", TIMEOUT);
        assertThat(job.getString("decision.chosen")).isIn("HEAD_ONLY", "FREEZE_FEATURES", "FULL");
        assertThat(job.getList("decision.trials.strategy")).containsExactly("HEAD_ONLY", "FREEZE_FEATURES", "FULL");
        assertThat(job.getList("decision.trials.frozenUpTo")).containsExactly(2, 1, -1);
        assertThat(job.getList("decision.trials.epochsRun")).containsExactly(4, 4, 4);
        // the frozen trials train on (cached) features; FULL trains on the images
        assertThat(job.getList("decision.trials.featuresFromCache")).hasSize(3).last().isNull();
        assertThat(job.getList("decision.trials.featuresFromCache").subList(0, 2)).doesNotContainNull();
        assertThat(job.getString("decision.explanation")).contains("HEAD_ONLY accuracy").contains("FULL accuracy")
                .contains("Kept " + job.getString("decision.chosen"));
        assertThat(job.getList("metrics.stage")).containsSubsequence("HEAD_ONLY", "FREEZE_FEATURES", "FULL");
        given().get("/api/v1/models/{ns}/auto/versions/1", user[0]).then()
                .body("parent.relation", equalTo(job.getString("decision.chosen")))
                .body("recipe.strategy", equalTo("AUTO"))
                .body("recipe.appliedStrategy", equalTo(job.getString("decision.chosen")))
                .body("recipe.autoDecision.trials.size()", equalTo(3))
                .body("card", containsString("AUTO: on 9 validation examples"));

        // the same base, data and freeze index: the frozen prefix's output comes from the object store
        String again = create(user[1], body(user[0], "cached", "HEAD_ONLY",
                "\"hyperparameters\": {\"epochs\": 2, \"batchSize\": 8}"));
        await(again, "SUCCEEDED", TIMEOUT);
        given().get("/api/v1/models/{ns}/cached/versions/1", user[0]).then()
                .body("recipe.featureCache", equalTo("hit"));
    }

    @Test
    void textDatasetsGoThroughTheBaseTokenizerAndPredictFromStrings() throws Exception {
        while (importer.status().state() == dev.modelzoo.catalog.manifest.ManifestImporter.State.IMPORTING) {
            Thread.sleep(200);
        }
        StringBuilder lines = new StringBuilder();
        String[][] topics = {{"space", "the starship warped past the nebula"}, {"food", "bread butter and cheese"
                + " for dinner"}, {"sport", "the team scored a goal in the match"}};
        for (String[] topic : topics) {
            for (int i = 0; i < 8; i++) {
                lines.append("{\"text\": \"").append(topic[1]).append(" ").append(i).append("\", \"label\": \"")
                        .append(topic[0]).append("\"}\n");
            }
        }
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"TEXT\"}", "application/json")
                .multiPart("file", Fixtures.text(".jsonl", lines.toString()).toFile())
                .post("/api/v1/datasets/{ns}/topics", user[0]).then().statusCode(201);
        String id = create(user[1], "{\"base\": \"zoo/fortunes-text\", \"dataset\": \"" + user[0] + "/topics\","
                + " \"target\": \"" + user[0] + "/topics-text\", \"strategy\": \"HEAD_ONLY\", \"hyperparameters\":"
                + " {\"epochs\": 30, \"batchSize\": 8, \"learningRate\": 0.01}}");
        await(id, "SUCCEEDED", TIMEOUT);
        given().get("/api/v1/models/{ns}/topics-text/versions/1", user[0]).then()
                .body("recipe.tokenizer", equalTo("hashed-ngrams-v1"))
                .body("inputSpec.preprocessing.tokenizer", equalTo("hashed-ngrams-v1"))
                .body("outputSpec.labels", org.hamcrest.Matchers.contains("food", "space", "sport"));
        given().contentType("application/json").body("{\"inputs\": [\"the starship warped past the nebula again\","
                + " \"cheese and bread for dinner\"]}")
                .post("/api/v1/models/{ns}/topics-text/versions/1/predict", user[0]).then().statusCode(200)
                .body("predictions.label", org.hamcrest.Matchers.contains("space", "food"))
                .body("predictions[0].top", org.hamcrest.Matchers.hasSize(3));
        given().contentType("application/json").body("{\"inputs\": [[1, 2, 3]]}")
                .post("/api/v1/models/{ns}/topics-text/versions/1/predict", user[0]).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void adaptConvertsColourImagesOfAnotherSizeToTheBaseInput() {
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.imageFolders(10, true, 6, "a", "b").toFile())
                .post("/api/v1/datasets/{ns}/colour10", user[0]).then().statusCode(201)
                .body("shape", org.hamcrest.Matchers.contains(3, 10, 10));
        Api.as(user[1]).contentType("application/json").body(body(user[0], "no-adapt", "HEAD_ONLY", null)
                .replace("/patterns", "/colour10")).post("/api/v1/fine-tunes").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("channels", "height", "width"));
        String id = create(user[1], body(user[0], "adapted", "HEAD_ONLY", "\"adapt\": true,"
                + " \"hyperparameters\": {\"epochs\": 2}").replace("/patterns", "/colour10"));
        await(id, "SUCCEEDED", TIMEOUT);
        given().get("/api/v1/models/{ns}/adapted/versions/1", user[0]).then()
                .body("recipe.adapter", equalTo("3x10x10 -> 1x8x8 (RGB to grayscale, bilinear resize)"))
                .body("inputSpec.shape", org.hamcrest.Matchers.contains(1, 8, 8));
        given().contentType("application/json").body("{\"inputs\": [" + java.util.Collections.nCopies(64, "0.5")
                + "]}").post("/api/v1/models/{ns}/adapted/versions/1/predict", user[0]).then().statusCode(200)
                .body("predictions[0].label", org.hamcrest.Matchers.isOneOf("a", "b"));
    }

    @Test
    void eventsStreamReplaysStatesAndEpochs() {
        String id = create(user[1], body(user[0], "watched", "HEAD_ONLY",
                "\"hyperparameters\": {\"epochs\": 3, \"batchSize\": 8}"));
        await(id, "SUCCEEDED", TIMEOUT);
        String stream = given().accept("text/event-stream").get("/api/v1/fine-tunes/{id}/events", id).then()
                .statusCode(200).extract().asString();
        assertThat(stream).contains("event:state").contains("\"status\":\"QUEUED\"")
                .contains("\"status\":\"RUNNING\"").contains("\"status\":\"SUCCEEDED\"");
        // epochs 0 (the start) to 3 of the one stage
        assertThat(stream.split("event:epoch", -1)).hasSize(5);
        assertThat(stream).contains("\"stage\":\"HEAD_ONLY\"").contains("\"phase\":\"TRAIN\"")
                .contains("best epoch");
        assertThat(stream).contains("\"validationAccuracy\"").contains("\"trainLoss\"");
        String resumed = given().accept("text/event-stream").header("Last-Event-ID", lastId(stream))
                .get("/api/v1/fine-tunes/{id}/events", id).then().extract().asString();
        assertThat(resumed).doesNotContain("event:");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsQueued() throws Exception {
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY", null)
                .replace("/tiny-base", "/no-such-base")).post("/api/v1/fine-tunes").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY", null)
                .replace("\"target\": \"" + user[0] + "/x\"", "\"target\": \"zoo/x\"")).post("/api/v1/fine-tunes")
                .then().statusCode(403);
        for (String bad : List.of("{\"batchSize\": 0}", "{\"validationFraction\": 1.5}",
                "{\"learningRate\": -1}", "{\"patience\": 0}")) {
            Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY",
                    "\"hyperparameters\": " + bad)).post("/api/v1/fine-tunes").then().statusCode(400)
                    .body("type", equalTo("/problems/invalid-request"))
                    .body("violations[0].field", containsString("hyperparameters."));
        }
        for (String bad : List.of("{\"epochs\": 0}", "{\"epochs\": 1001}", "{\"epochs\": \"many\"}",
                "{\"epochs\": 2.5}", "{\"epochs\": true}")) {
            Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY",
                    "\"hyperparameters\": " + bad)).post("/api/v1/fine-tunes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("epochs"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("dev.modelzoo")));
        }
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"TEXT\"}", "application/json")
                .multiPart("file", Fixtures.text(".jsonl", "{\"text\": \"a b\", \"label\": \"x\"}\n"
                        + "{\"text\": \"c d\", \"label\": \"y\"}\n{\"text\": \"e f\", \"label\": \"y\"}\n").toFile())
                .post("/api/v1/datasets/{ns}/words", user[0]).then().statusCode(201);
        Api.as(user[1]).contentType("application/json").body(body(user[0], "x", "HEAD_ONLY", null)
                .replace("/patterns", "/words")).post("/api/v1/fine-tunes").then().statusCode(422)
                .body("type", equalTo("/problems/incompatible"))
                .body("violations.rule", hasItem("modality"))
                .body("violations[0].suggestion", org.hamcrest.Matchers.notNullValue());
        given().contentType("application/json").body(body(user[0], "x", "HEAD_ONLY", null))
                .post("/api/v1/fine-tunes").then().statusCode(401);
        given().get("/api/v1/fine-tunes/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/models/{ns}/x", user[0]).then().statusCode(404);
    }

    private static String lastId(String stream) {
        String[] ids = Arrays.stream(stream.split("\n")).filter(line -> line.startsWith("id:"))
                .map(line -> line.substring(3).trim()).toArray(String[]::new);
        return ids[ids.length - 1];
    }

    /** Share of the training images the derived model classifies correctly through the predict endpoint. */
    private static double trainingAccuracy(String model) throws Exception {
        Path zip = Fixtures.patterns(8, 15, 3);
        int correct = 0;
        int total = 0;
        try (var archive = new java.util.zip.ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(archive.entries())) {
                Path image = Files.createTempFile("img", ".png");
                try (var in = archive.getInputStream(entry)) {
                    Files.copy(in, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                String label = given().multiPart("image", image.toFile(), "image/png")
                        .post("/api/v1/models/{ns}/{m}/versions/1/predict", user[0], model).then().statusCode(200)
                        .extract().path("predictions[0].label");
                correct += entry.getName().startsWith(label + "/") ? 1 : 0;
                total++;
            }
        }
        return correct / (double) total;
    }

    private static MultiLayerNetwork download(String path) throws Exception {
        Path file = Files.createTempFile("net", ".zip");
        Files.write(file, given().get("/api/v1/models/" + path + "/artifact").then().statusCode(200).extract()
                .asByteArray());
        LoadedNetwork network = NetworkLoader.load(file, 1L << 30);
        return network.multiLayer();
    }
}
