package dev.modelzoo.api;

import static dev.modelzoo.testing.Api.imageMetadata;
import static dev.modelzoo.testing.Api.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lineage of versions published with parents, and users and tokens. */
@QuarkusTest
class LineageAndUsersTest {

    private static final List<Integer> SHAPE = List.of(1, 8, 8);

    @Test
    void lineageShowsAncestorsAndDescendants() throws Exception {
        String ns = Api.newUser("lineage")[0];
        Path base = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 1));
        Path child = TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 2));
        Path grandchild = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 3));
        String baseSha = PublishTest.sha256(base);
        publish(Api.ADMIN_TOKEN, ns, "base", imageMetadata(SHAPE, List.of("a", "b"), null), base).then()
                .statusCode(201);
        publish(Api.ADMIN_TOKEN, ns, "child", imageMetadata(SHAPE, List.of("x", "y", "z"),
                "\"parent\": {\"reference\": \"" + ns + "/base@1\", \"relation\": \"HEAD_ONLY\"}"), child).then()
                .statusCode(201)
                .body("parent.reference", equalTo(ns + "/base@1"))
                .body("parent.sha256", equalTo(baseSha))
                .body("parent.relation", equalTo("HEAD_ONLY"));
        publish(Api.ADMIN_TOKEN, ns, "grandchild", imageMetadata(SHAPE, List.of("p", "q"),
                "\"parent\": {\"reference\": \"" + ns + "/child\", \"relation\": \"FULL\"}"), grandchild).then()
                .statusCode(201).body("parent.reference", equalTo(ns + "/child@1"));

        given().get("/api/v1/models/{ns}/base/versions/1/lineage", ns).then().statusCode(200)
                .body("version.reference", equalTo(ns + "/base@1"))
                .body("ancestors", hasSize(0))
                .body("descendants.reference", contains(ns + "/child@1", ns + "/grandchild@1"))
                .body("descendants.parent", contains(ns + "/base@1", ns + "/child@1"))
                .body("descendants.relation", contains("HEAD_ONLY", "FULL"))
                .body("descendants.depth", contains(1, 2));
        given().get("/api/v1/models/{ns}/grandchild/versions/1/lineage", ns).then()
                .body("ancestors.reference", contains(ns + "/child@1", ns + "/base@1"))
                .body("ancestors[0].relation", equalTo("HEAD_ONLY"))
                .body("ancestors[1].parent", nullValue())
                .body("descendants", hasSize(0));
        given().get("/api/v1/models?parent={ns}/base", ns).then()
                .body("items.name", contains("child"));
        given().get("/api/v1/models?parent={ns}/base@2", ns).then().body("total", equalTo(0));

        publish(Api.ADMIN_TOKEN, ns, "orphan", imageMetadata(SHAPE, List.of("a", "b"),
                "\"parent\": {\"reference\": \"" + ns + "/missing@1\", \"relation\": \"FULL\"}"), base).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void usersAndTokens() {
        String[] alice = Api.newUser("alice");
        Api.as(alice[1]).get("/api/v1/users/me").then().statusCode(200)
                .body("name", equalTo(alice[0])).body("admin", equalTo(false));
        Api.as(alice[1]).contentType("application/json").body(Map.of("name", "mallory"))
                .post("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        Api.asAdmin().contentType("application/json").body(Map.of("name", alice[0]))
                .post("/api/v1/users").then().statusCode(409);
        Api.asAdmin().contentType("application/json").body(Map.of("name", "zoo"))
                .post("/api/v1/users").then().statusCode(409);
        Api.asAdmin().contentType("application/json").body(Map.of("name", "Bad Name"))
                .post("/api/v1/users").then().statusCode(400);

        Map<String, Object> second = Api.as(alice[1]).contentType("application/json")
                .body(Map.of("description", "ci")).post("/api/v1/tokens").then().statusCode(201)
                .body("token", startsWith("mzt_")).extract().as(Map.class);
        String secondToken = (String) second.get("token");
        Api.as(secondToken).get("/api/v1/users/me").then().statusCode(200).body("name", equalTo(alice[0]));
        Api.as(alice[1]).get("/api/v1/tokens").then().body("$", hasSize(2))
                .body("description", contains("initial token", "ci"))
                .body("[0].token", nullValue());

        Api.as(alice[1]).delete("/api/v1/tokens/{id}", second.get("id")).then().statusCode(204);
        Api.as(secondToken).get("/api/v1/users/me").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"));
        String[] bob = Api.newUser("bob");
        Api.as(bob[1]).delete("/api/v1/tokens/{id}", second.get("id")).then().statusCode(404);
        given().get("/api/v1/users/me").then().statusCode(401);
    }
}
