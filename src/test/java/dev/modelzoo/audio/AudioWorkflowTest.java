package dev.modelzoo.audio;

import static dev.modelzoo.testing.FineTunes.await;
import static dev.modelzoo.testing.FineTunes.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.AudioFixtures;
import dev.modelzoo.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AUDIO modality through the API on the seeded zoo/spoken-words-cnn: WAV datasets, the checker across image and
 * audio bases and sample rates, a fine-tune that resamples, prediction from a WAV, previews. Fixtures are tones.
 */
@QuarkusTest
class AudioWorkflowTest {

    private static final String BASE = "zoo/spoken-words-cnn@1";
    private static String[] user;

    @BeforeEach
    void setUp() {
        if (user == null) {
            user = Api.newUser("audio");
            upload("tones", AudioFixtures.wavFolders(16_000, 0.8, 6, "low", "high")).statusCode(201);
            upload("tones-8k", AudioFixtures.wavFolders(8_000, 0.8, 6, "low", "high")).statusCode(201);
            upload("tones-long", AudioFixtures.wavFolders(16_000, 2.5, 2, "low", "high")).statusCode(201);
            Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                    .multiPart("file", Fixtures.imageFolders(28, false, 3, "a", "b").toFile())
                    .post("/api/v1/datasets/{ns}/pictures", user[0]).then().statusCode(201);
        }
    }

    @Test
    void aWavDatasetIsDescribedByItsClips() {
        given().get("/api/v1/datasets/{ns}/tones-8k", user[0]).then().statusCode(200)
                .body("modality", equalTo("AUDIO"))
                .body("format", equalTo("wav-folders-zip"))
                .body("shape", contains(1, 6_400))
                .body("labels", contains("high", "low"))
                .body("audio.sampleRate", equalTo(8_000))
                .body("audio.maxSamples", equalTo(6_400));
        given().get("/api/v1/datasets/{ns}/tones/versions/1/examples?perLabel=1", user[0]).then().statusCode(200)
                .body("examples.size()", equalTo(2))
                .body("examples[0].image", startsWith("data:image/png;base64,"))
                .body("examples[0].audio", startsWith("data:audio/wav;base64,UklGR"));
        // the ranking of bases featurizes the clips through the same front end
        given().contentType("application/json").body("{\"dataset\": \"" + user[0] + "/tones\"}")
                .post("/api/v1/recommendations").then().statusCode(200)
                .body("items.base", hasItem(BASE));
    }

    @Test
    void aBrokenClipIsA422ThatNamesItAndStoresNothing() throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("yes/1.wav", AudioFixtures.clip(16_000, 0.5, 0, 1));
        entries.put("no/broken.wav", "RIFF0000WAVEnothing".getBytes());
        upload("broken", Fixtures.zip(entries)).statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("no/broken.wav"));
        given().get("/api/v1/datasets/{ns}/broken", user[0]).then().statusCode(404);
    }

    @Test
    void audioOnAnImageBaseAndImagesOnTheAudioBaseAreModalityErrors() {
        check("{\"base\": \"zoo/letters-lenet@1\", \"dataset\": \"" + user[0] + "/tones\"}")
                .body("compatible", equalTo(false))
                .body("violations.find { it.rule == 'modality' }.actual", equalTo("AUDIO"))
                .body("violations.find { it.rule == 'modality' }.suggestion", containsString("AUDIO"))
                .body("compatibleBases", hasItem(BASE));
        check("{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/pictures\"}")
                .body("compatible", equalTo(false))
                .body("violations.find { it.rule == 'modality' }.expected", equalTo("AUDIO"))
                .body("violations.find { it.rule == 'modality' }.actual", equalTo("IMAGE"));
        check("{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/tones\"}")
                .body("compatible", equalTo(true));
    }

    @Test
    void anotherSampleRateOrLongerClipsNeedTheAdapter() {
        check("{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/tones-8k\"}")
                .body("compatible", equalTo(false))
                .body("violations.find { it.field == 'sampleRate' }.expected", equalTo("16000"))
                .body("violations.find { it.field == 'sampleRate' }.actual", equalTo("8000"))
                .body("violations.find { it.field == 'sampleRate' }.suggestion", containsString("\"adapt\": true"));
        check("{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/tones-8k\", \"adapt\": true}")
                .body("compatible", equalTo(true))
                .body("violations.find { it.field == 'sampleRate' }.severity", equalTo("WARNING"));
        check("{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/tones-long\"}")
                .body("compatible", equalTo(false))
                .body("violations.find { it.field == 'clipLength' }.actual", equalTo("2.50 s"));
        // the catalog's compatibleWith filter applies the same rules in SQL
        given().get("/api/v1/models?compatibleWith={ds}", user[0] + "/tones").then().statusCode(200)
                .body("items.reference", hasItem("zoo/spoken-words-cnn"));
        given().get("/api/v1/models?compatibleWith={ds}", user[0] + "/tones-8k").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void fineTunesAt8kHzWithTheAdapterAndPredictsFromAWav() throws Exception {
        String id = create(user[1], "{\"base\": \"" + BASE + "\", \"dataset\": \"" + user[0] + "/tones-8k\","
                + " \"target\": \"" + user[0] + "/tone-words\", \"strategy\": \"HEAD_ONLY\", \"adapt\": true,"
                + " \"hyperparameters\": {\"epochs\": 3}}");
        JsonPath job = await(id, "SUCCEEDED", Duration.ofMinutes(3));
        assertThat(job.getString("result")).isEqualTo(user[0] + "/tone-words@1");
        JsonPath version = given().get("/api/v1/models/{ns}/tone-words/versions/1", user[0]).then().statusCode(200)
                .extract().jsonPath();
        assertThat(version.getString("parent.reference")).isEqualTo(BASE);
        assertThat(version.getString("recipe.adapter")).isEqualTo("audio resampled 8000 -> 16000 Hz");
        assertThat(version.getInt("inputSpec.preprocessing.sampleRate")).isEqualTo(16_000);
        assertThat(version.getInt("inputSpec.preprocessing.audio.clipSamples")).isEqualTo(16_000);
        assertThat(version.getList("outputSpec.labels")).containsExactly("high", "low");

        Path wav = Files.createTempFile("clip-", ".wav");
        Files.write(wav, AudioFixtures.clip(44_100, 1.5, 1, 99));
        given().multiPart("audio", wav.toFile(), "audio/wav")
                .post("/api/v1/models/{ns}/tone-words/versions/1/predict", user[0]).then().statusCode(200)
                .body("predictions.size()", equalTo(1))
                .body("predictions[0].top.size()", equalTo(2));
        Path png = Files.createTempFile("image-", ".png");
        Files.write(png, Fixtures.png(28, 28, false, 1));
        given().multiPart("image", png.toFile(), "image/png")
                .post("/api/v1/models/{ns}/tone-words/versions/1/predict", user[0]).then().statusCode(422)
                .body("detail", containsString("not images"));
        given().multiPart("audio", wav.toFile(), "audio/wav")
                .post("/api/v1/models/zoo/letters-lenet/versions/1/predict").then().statusCode(422)
                .body("detail", containsString("not audio"));
        Path junk = Files.createTempFile("junk-", ".wav");
        Files.writeString(junk, "not a wav");
        given().multiPart("audio", junk.toFile(), "audio/wav")
                .post("/api/v1/models/{ns}/tone-words/versions/1/predict", user[0]).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("WAV"));
    }

    private static ValidatableResponse check(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/compatibility").then()
                .statusCode(200);
    }

    private static ValidatableResponse upload(String name, Path zip) {
        return Api.as(user[1]).multiPart("metadata", "{\"modality\": \"AUDIO\"}", "application/json")
                .multiPart("file", zip.toFile()).post("/api/v1/datasets/{ns}/" + name, user[0]).then();
    }
}
