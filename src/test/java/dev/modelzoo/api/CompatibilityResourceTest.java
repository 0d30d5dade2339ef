package dev.modelzoo.api;

import static dev.modelzoo.testing.Fixtures.imageFolders;
import static dev.modelzoo.testing.Fixtures.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.modelzoo.catalog.manifest.ManifestImporter;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compatibility API on real published models and uploaded datasets of three modalities. */
@QuarkusTest
class CompatibilityResourceTest {

    @Inject
    ManifestImporter importer;

    private static String[] user;

    @BeforeEach
    void uploadDatasets() throws Exception {
        if (user != null) {
            return;
        }
        while (importer.status().state() == ManifestImporter.State.IMPORTING) {
            Thread.sleep(200);
        }
        user = Api.newUser("compat");
        upload("gray28", "IMAGE", imageFolders(28, false, 6, "5", "6", "7"));
        upload("rgb32", "IMAGE", imageFolders(32, true, 6, "5", "6", "7"));
        upload("notes", "TEXT", text(".jsonl", "{\"text\": \"the ship warped away\", \"label\": \"startrek\"}\n"
                + "{\"text\": \"bread and butter\", \"label\": \"food\"}\n"
                + "{\"text\": \"beam me up\", \"label\": \"startrek\"}\n"));
        upload("flowers", "TABULAR", text(".csv", "label,a,b,c,d\nx,1,2,3,4\ny,4,3,2,1\nx,0,0,0,1\n"));
        Path dense = TinyNetworks.save(TinyNetworks.denseNet(4, 3, 5));
        Api.publish(user[1], user[0], "flower-net", "{\"inputSpec\": {\"modality\": \"TABULAR\", \"shape\": [4]},"
                + " \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"a\", \"b\", \"c\"]}}", dense)
                .then().statusCode(201);
    }

    @Test
    void aMatchingImageDatasetIsCompatible() {
        check("{\"base\": \"zoo/digits-0-4-lenet\", \"dataset\": \"" + user[0] + "/gray28\"}").statusCode(200)
                .body("compatible", equalTo(true))
                .body("base", equalTo("zoo/digits-0-4-lenet@1"))
                .body("dataset", equalTo(user[0] + "/gray28@1"))
                .body("violations", empty())
                .body("compatibleBases", empty());
    }

    @Test
    void rgb32IsExplainedDimensionByDimensionWithFixes() {
        check("{\"base\": \"zoo/fashion-lenet@1\", \"dataset\": \"" + user[0] + "/rgb32\"}").statusCode(200)
                .body("compatible", equalTo(false))
                .body("violations.field", containsInAnyOrder("channels", "height", "width"))
                .body("violations.find { it.field == 'channels' }.expected", equalTo("1"))
                .body("violations.find { it.field == 'channels' }.actual", equalTo("3"))
                .body("violations.find { it.field == 'channels' }.severity", equalTo("ERROR"))
                .body("suggestions", hasItem(containsString("Convert the RGB images to grayscale")))
                .body("suggestions", hasItem(containsString("Resize the images from 32x32 to 28x28")));
        check("{\"base\": \"zoo/fashion-lenet@1\", \"dataset\": \"" + user[0] + "/rgb32\", \"adapt\": true}")
                .body("compatible", equalTo(true))
                .body("violations.severity", contains("WARNING", "WARNING", "WARNING"));
    }

    @Test
    void textOnAnImageBaseListsTheTextBases() {
        check("{\"base\": \"zoo/fashion-lenet\", \"dataset\": \"" + user[0] + "/notes\"}")
                .body("compatible", equalTo(false))
                .body("violations.rule", hasItem("modality"))
                .body("compatibleBases", contains("zoo/fortunes-text@1"))
                .body("suggestions", hasItem(containsString("zoo/fortunes-text@1")));
        check("{\"base\": \"zoo/fortunes-text\", \"dataset\": \"" + user[0] + "/notes\"}")
                .body("compatible", equalTo(true))
                .body("violations.find { it.rule == 'labels' }.severity", equalTo("WARNING"));
        given().get("/api/v1/models?compatibleWith={ds}", user[0] + "/notes").then().statusCode(200)
                .body("items.reference", contains("zoo/fortunes-text"));
    }

    @Test
    void tabularDatasetsMatchTabularBases() {
        check("{\"base\": \"" + user[0] + "/flower-net\", \"dataset\": \"" + user[0] + "/flowers\"}")
                .body("compatible", equalTo(true));
        given().get("/api/v1/models?compatibleWith={ds}", user[0] + "/flowers").then()
                .body("items.reference", contains(user[0] + "/flower-net"));
        given().get("/api/v1/models?compatibleWith={ds}", user[0] + "/gray28").then()
                .body("items.reference", containsInAnyOrder("zoo/fashion-lenet", "zoo/digits-0-4-lenet",
                        "zoo/letters-lenet"));
    }

    @Test
    void inputSpecsAndStrategiesAreChecked() {
        check("{\"base\": \"zoo/fortunes-text\", \"inputSpec\": {\"modality\": \"TEXT\", \"shape\": [256],"
                + " \"preprocessing\": {\"tokenizer\": \"bpe\", \"vocabularySize\": 30000}}}")
                .body("compatible", equalTo(false))
                .body("violations.field", containsInAnyOrder("tokenizer", "vocabularySize"))
                .body("suggestions[0]", containsString("This base expects tokenizer hashed-ngrams-v1"));
        check("{\"base\": \"zoo/fashion-lenet\", \"dataset\": \"" + user[0] + "/gray28\", \"strategy\":"
                + " \"FREEZE_UP_TO\", \"freezeUpTo\": 5}")
                .body("compatible", equalTo(false))
                .body("violations[0].rule", equalTo("strategy"))
                .body("violations[0].expected", equalTo("0..4"));
    }

    @Test
    void unknownThingsAre404AndMalformedRequests400() {
        check("{\"base\": \"zoo/nothing\", \"dataset\": \"" + user[0] + "/gray28\"}").statusCode(404)
                .contentType("application/problem+json");
        check("{\"base\": \"zoo/fashion-lenet\", \"dataset\": \"" + user[0] + "/missing\"}").statusCode(404);
        check("{\"base\": \"zoo/fashion-lenet\"}").statusCode(400).body("violations[0].field", equalTo("dataset"));
        check("{\"dataset\": \"a/b\"}").statusCode(400).body("violations[0].field", equalTo("base"));
        check("{\"base\": \"zoo/fashion-lenet\", \"dataset\": \"a/b\", \"strategy\": \"MAGIC\"}").statusCode(400)
                .body("detail", containsString("strategy"));
        check("{\"base\": \"no-slash\", \"dataset\": \"a/b\"}").statusCode(400);
        check("not json").statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse check(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/compatibility").then();
    }

    private static void upload(String name, String modality, Path file) {
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"" + modality + "\"}", "application/json")
                .multiPart("file", file.toFile()).post("/api/v1/datasets/{ns}/{name}", user[0], name)
                .then().statusCode(201);
    }
}
