package dev.modelzoo.api;

import static dev.modelzoo.testing.Api.imageMetadata;
import static dev.modelzoo.testing.Api.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search, filters, sorting and paging; streamed downloads with ranges, ETags and redirects. */
@QuarkusTest
class SearchAndDownloadTest {

    private static String ns;
    private static Path conv;
    private static Path dense;

    @BeforeEach
    void publishFixtures() {
        if (ns != null) {
            return;
        }
        String[] user = Api.newUser("search");
        ns = user[0];
        conv = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 11));
        dense = TinyNetworks.save(TinyNetworks.denseNet(4, 3, 12));
        publish(user[1], ns, "alpha-lenet", imageMetadata(List.of(1, 8, 8), List.of("cat", "dog"), null)
                .replace("tiny test network", "Recognises pets in photos"), conv).then().statusCode(201);
        publish(user[1], ns, "beta-table", "{\"description\": \"Iris flowers from measurements\", \"tags\": [\"flowers\"],"
                + " \"inputSpec\": {\"modality\": \"TABULAR\", \"shape\": [4]}, \"outputSpec\": {\"task\":"
                + " \"CLASSIFICATION\", \"labels\": [\"setosa\", \"versicolor\", \"virginica\"]}}", dense)
                .then().statusCode(201);
        publish(user[1], ns, "gamma-lenet", imageMetadata(List.of(1, 8, 8), List.of("cat", "dog"), null), conv)
                .then().statusCode(201);
    }

    @Test
    void fullTextMatchesWordPrefixesInNameDescriptionAndTags() {
        given().get("/api/v1/models?namespace={ns}&q=lene", ns).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.name", org.hamcrest.Matchers.containsInAnyOrder("alpha-lenet", "gamma-lenet"));
        given().get("/api/v1/models?namespace={ns}&q=pets photo", ns).then()
                .body("items.name", contains("alpha-lenet"));
        given().get("/api/v1/models?namespace={ns}&q=flowers", ns).then()
                .body("items.name", contains("beta-table"))
                .body("items[0].modality", equalTo("TABULAR"))
                .body("items[0].shape", contains(4))
                .body("items[0].reference", equalTo(ns + "/beta-table"));
        given().get("/api/v1/models?namespace={ns}&q=zebra", ns).then().body("total", equalTo(0));
    }

    @Test
    void filtersSortingAndPaging() {
        given().get("/api/v1/models?namespace={ns}&modality=tabular", ns).then()
                .body("items.name", contains("beta-table"));
        given().get("/api/v1/models?namespace={ns}&tag=vision&sort=name", ns).then()
                .body("items.name", contains("alpha-lenet", "gamma-lenet"));
        given().get("/api/v1/models?namespace={ns}&task=CLASSIFICATION&sort=recent", ns).then()
                .body("items.name", contains("gamma-lenet", "beta-table", "alpha-lenet"));
        given().get("/api/v1/models?namespace={ns}&sort=name&page=1&size=2", ns).then()
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.name", contains("gamma-lenet"));
    }

    @Test
    void cachedPagesShowAPublishAndADownloadAtOnce() {
        String[] user = Api.newUser("fresh");
        given().get("/api/v1/models?namespace={ns}", user[0]).then().body("total", equalTo(0));
        publish(user[1], user[0], "first", imageMetadata(List.of(1, 8, 8), List.of("cat", "dog"), null), conv)
                .then().statusCode(201);
        given().get("/api/v1/models?namespace={ns}", user[0]).then().body("total", equalTo(1))
                .body("items[0].downloads", equalTo(0));
        given().get("/api/v1/models/{ns}/first", user[0]).then().body("downloads", equalTo(0));
        given().get("/api/v1/models/{ns}/first/versions/1/artifact", user[0]).then().statusCode(200);
        given().get("/api/v1/models?namespace={ns}", user[0]).then().body("items[0].downloads", equalTo(1));
        given().get("/api/v1/models/{ns}/first", user[0]).then().body("downloads", equalTo(1));
    }

    @Test
    void badQueryParametersAre400() {
        given().get("/api/v1/models?modality=SMELL").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("modality"));
        given().get("/api/v1/models?size=1000").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().get("/api/v1/models?sort=random").then().statusCode(400);
        given().get("/api/v1/models?parent=not-a-reference").then().statusCode(400);
    }

    @Test
    void downloadsStreamWithEtagRangesAndConditionalRequests() throws Exception {
        byte[] expected = Files.readAllBytes(dense);
        String sha256 = PublishTest.sha256(dense);
        String path = "/api/v1/models/" + ns + "/beta-table/versions/1/artifact";

        byte[] whole = given().get(path).then().statusCode(200)
                .header("ETag", "\"" + sha256 + "\"")
                .header("Content-Length", String.valueOf(expected.length))
                .header("Accept-Ranges", "bytes")
                .contentType("application/zip")
                .extract().asByteArray();
        assertThat(whole).isEqualTo(expected);

        byte[] part = given().header("Range", "bytes=10-109").get(path).then().statusCode(206)
                .header("Content-Range", "bytes 10-109/" + expected.length)
                .header("Content-Length", "100")
                .extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(expected, 10, 110));
        byte[] suffix = given().header("Range", "bytes=-20").get(path).then().statusCode(206).extract()
                .asByteArray();
        assertThat(suffix).isEqualTo(Arrays.copyOfRange(expected, expected.length - 20, expected.length));
        given().header("Range", "bytes=" + expected.length + "-").get(path).then().statusCode(416)
                .header("Content-Range", "bytes */" + expected.length)
                .contentType("application/problem+json");

        given().header("If-None-Match", "\"" + sha256 + "\"").get(path).then().statusCode(304);
        given().head(path).then().statusCode(200).header("ETag", "\"" + sha256 + "\"");

        // one full download above: ranges, HEAD and 304s do not count
        given().get("/api/v1/models/{ns}/beta-table/versions/1", ns).then().body("downloads", equalTo(1));
        given().get(path).then().statusCode(200);
        given().get("/api/v1/models/{ns}/beta-table", ns).then().body("downloads", equalTo(2))
                .body("versions[0].downloads", equalTo(2));
    }

    @Test
    void redirectsToAPresignedUrlServingTheSameBytes() throws Exception {
        String path = "/api/v1/models/" + ns + "/alpha-lenet/versions/1/artifact?redirect=true";
        String location = given().redirects().follow(false).get(path).then().statusCode(302)
                .header("Location", containsString("X-Amz-Signature"))
                .extract().header("Location");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(conv));
    }

    @Test
    void unknownVersionsAre404() {
        given().get("/api/v1/models/{ns}/alpha-lenet/versions/9/artifact", ns).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("model version '" + ns + "/alpha-lenet@9' does not exist"));
        given().get("/api/v1/models/{ns}/alpha-lenet/versions", ns).then().body("$", hasSize(1));
    }
}
