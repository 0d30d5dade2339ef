package dev.modelzoo.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.FineTunes;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.ImportFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishing Keras HDF5 files and TF.js layers models: converted, validated and served as DL4J networks whose
 * predictions match TF.js, the upload kept and downloadable, bad imports refused with the reason, and fine-tunes of
 * the imported graphs.
 */
@QuarkusTest
class ImportPublishTest {

    private static final List<String> NSFW = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
    private static String[] user;

    @BeforeEach
    void setUp() {
        if (user == null) {
            user = Api.newUser("importer");
        }
    }

    @Test
    void aKerasHdf5GraphPublishesWithItsLayoutAndBothDownloads() throws Exception {
        Path h5 = ImportFixtures.file("tiny_cnn.h5");
        JsonPath version = publish("tiny-cnn-h5", rgb(32), List.of("a", "b", "c", "d"), null, h5).then()
                .statusCode(201)
                .body("architecture.type", equalTo("ComputationGraph"))
                .body("inputSpec.shape", equalTo(List.of(3, 32, 32)))
                .body("inputSpec.preprocessing.layout", equalTo("NHWC"))
                .body("source.format", equalTo("KERAS_H5"))
                .body("source.converter", equalTo("deeplearning4j-modelimport 1.0.0-M2.1"))
                .body("source.sha256", equalTo(sha256(Files.readAllBytes(h5))))
                .body("source.url", containsString("/versions/1/source"))
                .extract().jsonPath();
        assertThat(version.getString("sha256")).isNotEqualTo(version.getString("source.sha256"));
        byte[] source = given().get(version.getString("source.url")).then().statusCode(200)
                .contentType("application/x-hdf5").header("ETag", "\"" + sha256(Files.readAllBytes(h5)) + "\"")
                .header("Content-Disposition", containsString(user[0] + "-tiny-cnn-h5-1.h5"))
                .extract().asByteArray();
        assertThat(source).isEqualTo(Files.readAllBytes(h5));
        given().header("Range", "bytes=0-7").get(version.getString("source.url")).then().statusCode(206);
        // the artifact is the converted DL4J network, loadable as any other
        byte[] artifact = given().get(version.getString("artifactUrl")).then().statusCode(200).extract()
                .asByteArray();
        Path file = Files.createTempFile("converted", ".zip");
        Files.write(file, artifact);
        LoadedNetwork network = NetworkLoader.load(file, Long.MAX_VALUE);
        assertThat(network.isGraph()).isTrue();
        assertThat(network.channelsLast()).isTrue();
        Files.delete(file);
        // predictions take the registry's [c, h, w] inputs and match TF.js
        assertPredictsLikeTfjs("tiny-cnn-h5", "tiny_cnn", 32, 32, 3, List.of("a", "b", "c", "d"));
    }

    @Test
    void aTfjsSequentialModelPublishesAsALayerStack() {
        publish("tiny-mlp-tfjs", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"),
                "\"format\": \"TFJS_LAYERS\"", ImportFixtures.file("tiny_mlp.tfjs.zip")).then().statusCode(201)
                .body("architecture.type", equalTo("MultiLayerNetwork"))
                .body("source.format", equalTo("TFJS_LAYERS"))
                .body("inputSpec.preprocessing", nullValue());
        double[][] reference = ImportFixtures.reference("tiny_mlp");
        float[] input = ImportFixtures.input(1, 8);
        JsonPath predicted = given().contentType("application/json").body("{\"inputs\": [" + Arrays.toString(input)
                + "]}").post("/api/v1/models/{ns}/tiny-mlp-tfjs/versions/1/predict", user[0]).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Double> byLabel = probabilities(predicted);
        assertThat(byLabel.get("x")).isCloseTo(reference[1][0], within(1e-5));
        assertThat(byLabel.get("z")).isCloseTo(reference[1][2], within(1e-5));
        given().get("/api/v1/models/{ns}/tiny-mlp-tfjs/versions/1/source", user[0]).then().statusCode(200)
                .contentType("application/zip");
        // a DL4J upload is its own source: nothing else to download
        Api.publish(user[1], user[0], "plain-dl4j", Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c"), null),
                dev.modelzoo.testing.TinyNetworks.save(dev.modelzoo.testing.TinyNetworks.convNet(1, 8, 3, 7)))
                .then().statusCode(201).body("source.format", equalTo("DL4J")).body("source.url", nullValue());
        given().get("/api/v1/models/{ns}/plain-dl4j/versions/1/source", user[0]).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theNsfwjsMobileNetPublishesFromTfjsInUnder30sAndPredictsLikeTfjs() {
        long start = System.nanoTime();
        publish("mobilenet-v2", "{\"modality\": \"IMAGE\", \"shape\": [3, 224, 224], \"preprocessing\":"
                + " {\"range\": [0, 1], \"channelOrder\": \"RGB\"}}", NSFW, null,
                ImportFixtures.file("mobilenet_v2.tfjs.zip")).then().statusCode(201)
                .body("architecture.parameterCount", equalTo(2_619_461))
                .body("inputSpec.preprocessing.layout", equalTo("NHWC"))
                .body("inputSpec.preprocessing.channelOrder", equalTo("RGB"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("publish of the 2.6 MB TF.js MobileNetV2 (conversion, validation, storage): %.1f s%n",
                seconds);
        assertThat(seconds).as("publish seconds (target 30)").isLessThan(120);
        assertPredictsLikeTfjs("mobilenet-v2", "mobilenet_v2", 224, 224, 3, NSFW);
    }

    @Test
    void importsThatCannotWorkAreRefusedWithTheReasonAndNothingStored() throws Exception {
        publish("bad-layer", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"), null,
                ImportFixtures.file("unsupported_layer.h5")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("unsupported-model"))
                .body("detail", containsString("'odd_layernormalization'"))
                .body("detail", containsString("LayerNormalization"));
        publish("keras3", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"), null,
                ImportFixtures.file("keras3.h5")).then().statusCode(422)
                .body("detail", containsString("Keras 3.6.0"));
        publish("not-a-model", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"), null,
                Fixtures.text(".bin", "just some bytes")).then().statusCode(422)
                .body("detail", containsString("Keras 2 HDF5")).body("detail", containsString("TF.js"));
        Path keras3Archive = Fixtures.zip(Map.of("config.json", "{}".getBytes(), "metadata.json", "{}".getBytes(),
                "model.weights.h5", new byte[8]));
        publish("keras3-archive", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"), null,
                keras3Archive).then().statusCode(422).body("detail", containsString("Keras 3 .keras"));
        publish("format-lie", "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"),
                "\"format\": \"TFJS_LAYERS\"", ImportFixtures.file("tiny_mlp.h5")).then().statusCode(422)
                .body("violations[0].field", equalTo("format"));
        // the declared spec is checked against the converted network: layout, shape, labels
        publish("wrong-layout", "{\"modality\": \"IMAGE\", \"shape\": [3, 32, 32], \"preprocessing\": {\"range\":"
                + " [0, 1], \"layout\": \"NCHW\"}}", List.of("a", "b", "c", "d"), null,
                ImportFixtures.file("tiny_cnn.tfjs.zip")).then().statusCode(422)
                .body("type", containsString("spec-mismatch"))
                .body("violations.field", org.hamcrest.Matchers.hasItem("inputSpec.preprocessing.layout"));
        publish("wrong-labels", rgb(32), List.of("a", "b"), null, ImportFixtures.file("tiny_cnn.tfjs.zip")).then()
                .statusCode(422).body("violations[0].field", equalTo("outputSpec.labels"));
        publish("wrong-channels", "{\"modality\": \"IMAGE\", \"shape\": [1, 32, 32]}", List.of("a", "b", "c", "d"),
                null, ImportFixtures.file("tiny_cnn.tfjs.zip")).then().statusCode(422)
                .body("type", containsString("spec-mismatch"));
        // hostile TF.js zips: a negative shape, a missing shard, a graph model
        String modelJson = tfjsEntry("tiny_mlp.tfjs.zip", "model.json");
        assertThat(modelJson).contains("\"shape\":[8,12]");
        byte[] shard = tfjsEntry("tiny_mlp.tfjs.zip", "group1-shard1of1.bin").getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, Path> hostile = Map.of(
                "negative-shape", Fixtures.zip(Map.of("model.json", modelJson.replace("\"shape\":[8,12]",
                        "\"shape\":[-8,12]").getBytes(), "group1-shard1of1.bin", shard)),
                "missing-shard", Fixtures.zip(Map.of("model.json", modelJson.getBytes())),
                "graph-model", Fixtures.zip(Map.of("model.json", ("{\"format\": \"graph-model\", \"modelTopology\":"
                        + " {}, \"weightsManifest\": []}").getBytes())));
        for (Map.Entry<String, Path> zip : hostile.entrySet()) {
            publish(zip.getKey(), "{\"modality\": \"TABULAR\", \"shape\": [8]}", List.of("x", "y", "z"), null,
                    zip.getValue()).then().statusCode(422).contentType("application/problem+json");
        }
        for (String name : List.of("bad-layer", "keras3", "not-a-model", "keras3-archive", "format-lie",
                "wrong-layout", "wrong-labels", "wrong-channels", "negative-shape", "missing-shard", "graph-model")) {
            given().get("/api/v1/models/{ns}/{name}", user[0], name).then().statusCode(404);
        }
    }

    @Test
    void theImportedMobileNetFineTunesHeadOnlyAndFullOnASmallRgbDataset() {
        // the fixture's own publish metadata, with its card
        Api.as(user[1]).multiPart("metadata", ImportFixtures.file("mobilenet_v2.metadata.json").toFile(),
                "application/json").multiPart("artifact", ImportFixtures.file("mobilenet_v2.tfjs.zip").toFile())
                .post("/api/v1/models/{ns}/mobilenet-base/versions", user[0]).then().statusCode(201)
                .body("card", containsString("Infinite Red")).body("license", equalTo("MIT"))
                .body("inputSpec.preprocessing.layout", equalTo("NHWC"));
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", colours(48, 4).toFile())
                .post("/api/v1/datasets/{ns}/colours", user[0]).then().statusCode(201);
        String base = user[0] + "/mobilenet-base";
        String headOnly = FineTunes.create(user[1], "{\"base\": \"" + base + "\", \"dataset\": \"" + user[0]
                + "/colours\", \"target\": \"" + user[0] + "/colours-head\", \"strategy\": \"HEAD_ONLY\", \"adapt\":"
                + " true, \"hyperparameters\": {\"epochs\": 30, \"batchSize\": 8}}");
        JsonPath head = FineTunes.await(headOnly, "SUCCEEDED", Duration.ofMinutes(4));
        String full = FineTunes.create(user[1], "{\"base\": \"" + base + "\", \"dataset\": \"" + user[0]
                + "/colours\", \"target\": \"" + user[0] + "/colours-full\", \"strategy\": \"FULL\", \"adapt\": true,"
                + " \"hyperparameters\": {\"epochs\": 1, \"batchSize\": 4}}");
        JsonPath fullJob = FineTunes.await(full, "SUCCEEDED", Duration.ofMinutes(8));
        // the head trained on features computed once; FULL ran its stages to the end and published
        assertThat(head.getList("training.stages.strategy")).containsExactly("HEAD_ONLY");
        assertThat(fullJob.getList("training.stages.strategy")).containsExactly("HEAD_ONLY", "FREEZE_FEATURES",
                "FULL");
        assertThat(fullJob.getList("training.stages.stopReason")).containsOnly("COMPLETED");
        JsonPath derived = given().get("/api/v1/models/{ns}/colours-full/versions/1", user[0]).then().statusCode(200)
                .body("parent.reference", equalTo(base + "@1"))
                .body("architecture.type", equalTo("ComputationGraph"))
                .body("inputSpec.preprocessing.layout", equalTo("NHWC"))
                .extract().jsonPath();
        assertThat(derived.getList("outputSpec.labels")).containsExactly("blue", "red");
        given().multiPart("image", "red.png", png(48, Color.RED, 1), "image/png")
                .post("/api/v1/models/{ns}/colours-head/versions/1/predict", user[0]).then().statusCode(200)
                .body("predictions[0].label", org.hamcrest.Matchers.oneOf("red", "blue"));
        System.out.println("HEAD_ONLY job timings: " + head.getMap("timings") + "; FULL: "
                + fullJob.getMap("timings"));
    }

    private static void assertPredictsLikeTfjs(String name, String model, int height, int width, int channels,
            List<String> labels) {
        double[][] reference = ImportFixtures.reference(model);
        for (int which = 0; which < reference.length; which++) {
            float[] chw = ImportFixtures.channelsFirst(ImportFixtures.input(which, height * width * channels),
                    height, width, channels);
            JsonPath predicted = given().contentType("application/json")
                    .body("{\"inputs\": [" + Arrays.toString(chw) + "]}")
                    .post("/api/v1/models/{ns}/{name}/versions/1/predict", user[0], name).then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Double> byLabel = probabilities(predicted);
            for (int i = 0; i < labels.size(); i++) {
                assertThat(byLabel.get(labels.get(i))).as("%s, input %d, %s", model, which, labels.get(i))
                        .isCloseTo(reference[which][i], within(1e-3));
            }
        }
    }

    /** One entry of a fixture zip, as ISO-8859-1 text (byte for byte). */
    private static String tfjsEntry(String zip, String entry) throws Exception {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(ImportFixtures.file(zip).toFile())) {
            return new String(file.getInputStream(file.getEntry(entry)).readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, Double> probabilities(JsonPath predicted) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        List<Map<String, Object>> top = predicted.getList("predictions[0].top");
        for (Map<String, Object> entry : top) {
            byLabel.put((String) entry.get("label"), ((Number) entry.get("probability")).doubleValue());
        }
        return byLabel;
    }

    private static Response publish(String name, String inputSpec, List<String> labels, String extra, Path file) {
        String metadata = "{\"description\": \"imported\", \"license\": \"MIT\", \"inputSpec\": " + inputSpec
                + ", \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": " + Api.quoted(labels) + "}"
                + (extra == null ? "" : ", " + extra) + "}";
        return Api.as(user[1]).multiPart("metadata", metadata, "application/json")
                .multiPart("artifact", file.toFile(), "application/octet-stream")
                .post("/api/v1/models/{ns}/{name}/versions", user[0], name);
    }

    private static String rgb(int side) {
        return "{\"modality\": \"IMAGE\", \"shape\": [3, " + side + ", " + side + "], \"preprocessing\": {\"range\":"
                + " [0, 1]}}";
    }

    /** Red and blue noisy squares, {@code perClass} each. */
    private static Path colours(int side, int perClass) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < perClass; i++) {
            entries.put("red/" + i + ".png", png(side, Color.RED, i));
            entries.put("blue/" + i + ".png", png(side, Color.BLUE, 100 + i));
        }
        return Fixtures.zip(entries);
    }

    private static byte[] png(int side, Color colour, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int noise = random.nextInt(80);
                image.setRGB(x, y, new Color(Math.min(255, colour.getRed() * 3 / 4 + noise),
                        Math.min(255, colour.getGreen() * 3 / 4 + noise), Math.min(255, colour.getBlue() * 3 / 4
                        + noise)).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
