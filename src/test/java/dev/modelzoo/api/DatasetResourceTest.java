package dev.modelzoo.api;

import static dev.modelzoo.testing.Fixtures.imageFolders;
import static dev.modelzoo.testing.Fixtures.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.modelzoo.storage.ObjectStore;
import dev.modelzoo.storage.TemporaryUpload;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dataset upload through the API: formats, descriptions, versions, and bad data that leaves nothing behind. */
@QuarkusTest
class DatasetResourceTest {

    @Inject
    ObjectStore objects;

    private static String[] user;

    @BeforeEach
    void createUser() {
        if (user == null) {
            user = Api.newUser("data");
        }
    }

    @Test
    void uploadsAndDescribesAnImageFolderZip() throws Exception {
        Path zip = imageFolders(8, false, 4, "cat", "dog", "bird");
        upload("pets", "{\"modality\": \"IMAGE\", \"description\": \"pets\"}", zip).statusCode(201)
                .header("Location", containsString("/api/v1/datasets/" + user[0] + "/pets/versions/1"))
                .body("reference", equalTo(user[0] + "/pets@1"))
                .body("modality", equalTo("IMAGE"))
                .body("shape", contains(1, 8, 8))
                .body("labels", contains("bird", "cat", "dog"))
                .body("count", equalTo(12))
                .body("countsPerLabel.cat", equalTo(4))
                .body("format", equalTo("image-folders-zip"))
                .body("sha256", equalTo(PublishTest.sha256(zip)));
        upload("pets", "{\"modality\": \"IMAGE\"}", imageFolders(8, false, 2, "cat", "dog")).statusCode(201)
                .body("version", equalTo(2));

        given().get("/api/v1/datasets/{ns}/pets", user[0]).then().statusCode(200).body("version", equalTo(2))
                .body("count", equalTo(4));
        given().get("/api/v1/datasets/{ns}/pets@1", user[0]).then().statusCode(200).body("count", equalTo(12));
        given().get("/api/v1/datasets/{ns}/pets/versions", user[0]).then().body("version", contains(2, 1));
        given().get("/api/v1/datasets?namespace={ns}&modality=image", user[0]).then()
                .body("total", equalTo(1)).body("items[0].reference", equalTo(user[0] + "/pets@2"));
        given().get("/api/v1/datasets/{ns}/pets@7", user[0]).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void uploadsCsvAndJsonLines() {
        upload("iris", "{\"modality\": \"TABULAR\"}", text(".csv", "label,a,b,c\nx,1,2,3\ny,4,5,6\n"))
                .statusCode(201).body("shape", contains(3)).body("format", equalTo("csv"));
        upload("notes", "{\"modality\": \"TEXT\"}", text(".jsonl",
                "{\"text\": \"buy milk\", \"label\": \"todo\"}\n{\"text\": \"call mom now\", \"label\": \"call\"}\n"))
                .statusCode(201).body("shape", contains(3)).body("labels", contains("call", "todo"))
                .body("format", equalTo("jsonl"));
    }

    @Test
    void badDatasetsSayWhatAndWhereAndLeaveNothing() throws Exception {
        int blobsBefore = objects.list("blobs/").size();
        upload("bad1", "{\"modality\": \"IMAGE\"}", text(".bin", "random text")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-dataset"));
        Map<String, byte[]> traversal = new LinkedHashMap<>();
        traversal.put("../x.png", Fixtures.png(4, 4, false, 1));
        upload("bad2", "{\"modality\": \"IMAGE\"}", Fixtures.zip(traversal)).statusCode(422)
                .body("detail", containsString("unsafe path"))
                .body("violations[0].field", equalTo("../x.png"));
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("a/1.png", new byte[40 * 1024 * 1024]);
        upload("bad3", "{\"modality\": \"IMAGE\"}", Fixtures.zip(bomb)).statusCode(422)
                .body("detail", containsString("expands beyond the limit"));
        upload("bad4", "{\"modality\": \"IMAGE\"}", imageFolders(4, false, 2, "single")).statusCode(422)
                .body("detail", containsString("single label"));
        upload("bad5", "{\"modality\": \"TABULAR\"}", text(".csv", "label,a\nx,1\ny,1,2\n")).statusCode(422)
                .body("violations[0].field", equalTo("line 3"));
        upload("bad6", "{\"modality\": \"TEXT\"}", text(".jsonl", "{\"label\": \"x\"}\n")).statusCode(422)
                .body("detail", containsString("line 1"));
        upload("bad7", "{\"modality\": \"SOUND\"}", text(".jsonl", "{}")).statusCode(400)
                .body("type", equalTo("/problems/malformed-request"));
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"TEXT\"}", "application/json")
                .post("/api/v1/datasets/{ns}/bad8", user[0]).then().statusCode(400)
                .body("detail", equalTo("The multipart part 'file' is missing"));

        for (int i = 1; i <= 8; i++) {
            given().get("/api/v1/datasets/{ns}/bad" + i, user[0]).then().statusCode(404);
        }
        assertThat(objects.list("blobs/")).hasSize(blobsBefore);
        assertThat(objects.list(TemporaryUpload.PREFIX)).isEmpty();
    }

    @Test
    void oversizedUploadsAre413AndForeignNamespaces403() throws Exception {
        Multipart.RawResponse response = Multipart.announce("/api/v1/datasets/" + user[0] + "/huge", user[1], "{}",
                9L * 1024 * 1024);
        assertThat(response.status()).isEqualTo(413);
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"TEXT\"}", "application/json")
                .multiPart("file", text(".jsonl", "{\"text\":\"a\",\"label\":\"b\"}").toFile())
                .post("/api/v1/datasets/zoo/stolen").then().statusCode(403);
        given().multiPart("metadata", "{\"modality\": \"TEXT\"}")
                .post("/api/v1/datasets/{ns}/anon", user[0]).then().statusCode(401);
    }

    private static ValidatableResponse upload(String name, String metadata, Path file) {
        return Api.as(user[1]).multiPart("metadata", metadata, "application/json")
                .multiPart("file", file.toFile())
                .post("/api/v1/datasets/{ns}/{name}", user[0], name).then();
    }
}
