package dev.modelzoo.catalog;

import static dev.modelzoo.testing.Api.imageMetadata;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.modelzoo.compatibility.CompatibilityChecker;
import dev.modelzoo.compatibility.CompatibilityService;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.spec.Task;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog beyond the old 500-candidate cap: 1,100 copies of a published version with varied input facts (as the
 * issue's 10k benchmark copies rows). compatibleWith in SQL must agree with the Java checker on every one, with a
 * correct total; keyset pages must equal offset pages; totals must count every match; the V6 backfill must compute
 * what a publish mirrors. The copies are removed afterwards, so other tests see the catalog they expect.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAtScaleTest {

    private static final int COPIES = 1_100;

    @Inject
    EntityManager entityManager;

    @Inject
    CompatibilityService compatibility;

    @Inject
    DatasetService datasets;

    private String ns;

    @BeforeEach
    void seed() {
        if (ns != null) {
            return;
        }
        String[] user = Api.newUser("scale");
        ns = user[0];
        Api.publish(user[1], ns, "original", imageMetadata(List.of(1, 8, 8), List.of("cat", "dog"), null),
                TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 3))).then().statusCode(201);
        Api.as(user[1]).multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", Fixtures.imageFolders(8, false, 3, "cat", "dog").toFile())
                .post("/api/v1/datasets/{ns}/{name}", ns, "pets").then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion original = entityManager.createQuery("FROM ModelVersion v WHERE v.model.namespace = :ns",
                    ModelVersion.class).setParameter("ns", ns).getSingleResult();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < COPIES; i++) {
                RegisteredModel model = new RegisteredModel();
                model.namespace = ns;
                model.name = String.format("copy-%04d", i);
                model.downloads = (i * 7919L) % 53;
                model.createdAt = start;
                model.updatedAt = start;
                entityManager.persist(model);
                ModelVersion copy = new ModelVersion();
                copy.model = model;
                copy.version = 1;
                copy.sha256 = original.sha256;
                copy.sizeBytes = original.sizeBytes;
                copy.inputSpec = variedInput(i, original.inputSpec);
                copy.outputSpec = i % 10 == 5 ? new OutputSpec(Task.REGRESSION, List.of()) : original.outputSpec;
                copy.architecture = i % 10 == 4 ? new Architecture(original.architecture.type(),
                        original.architecture.parameterCount(), null, null, original.architecture.layers())
                        : original.architecture;
                copy.description = i % 3 == 0 ? "alpha pets" : "beta pets";
                copy.tags = new ArrayList<>(List.of(i % 4 == 0 ? "rare" : "common"));
                copy.createdBy = ns;
                // some share a timestamp, so the recent order's tie-break on id is exercised
                copy.createdAt = start.plusSeconds(i / 3);
                entityManager.persist(copy);
                VersionCommitter.mirrorLatest(model, copy);
            }
        });
    }

    /** Most copies fit 8x8 gray data in [0, 1]; others differ in one fact each. */
    private static InputSpec variedInput(int i, InputSpec original) {
        return switch (i % 10) {
            case 1 -> new InputSpec(original.modality(), List.of(3, 8, 8), null, original.preprocessing());
            case 2 -> new InputSpec(original.modality(), original.shape(), null,
                    new Preprocessing(List.of(0.0, 0.5), null, null, null, null, null, null));
            case 3 -> new InputSpec(original.modality(), original.shape(), null,
                    new Preprocessing(null, List.of(0.5), List.of(0.25), null, null, null, null));
            case 6 -> new InputSpec(original.modality(), original.shape(), null,
                    new Preprocessing(List.of(-1.0, 1.0), null, null, null, null, null, null));
            case 7 -> new InputSpec(original.modality(), original.shape(), null, null);
            default -> original;
        };
    }

    @AfterAll
    void removeCopies() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM model_version v USING registered_model m"
                    + " WHERE v.model_id = m.id AND m.namespace = :ns AND m.name LIKE 'copy-%'")
                    .setParameter("ns", ns).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM registered_model WHERE namespace = :ns AND name LIKE 'copy-%'")
                    .setParameter("ns", ns).executeUpdate();
        });
    }

    @Test
    void compatibleWithAgreesWithTheCheckerOnEveryModelWithoutACap() {
        Set<String> expected = new HashSet<>();
        List<ModelVersion> all = QuarkusTransaction.requiringNew().call(() -> {
            DatasetVersion pets = datasets.version(ns, "pets", null);
            List<ModelVersion> latest = entityManager.createQuery("FROM ModelVersion v WHERE v.model.namespace = :ns"
                    + " AND v.version = v.model.latestVersion", ModelVersion.class).setParameter("ns", ns)
                    .getResultList();
            for (ModelVersion version : latest) {
                if (CompatibilityChecker.compatible(compatibility.findings(version, pets, null, Strategy.HEAD_ONLY,
                        null, false))) {
                    expected.add(version.model.reference());
                }
            }
            return latest;
        });
        assertThat(all).hasSize(COPIES + 1);
        assertThat(expected).hasSizeGreaterThan(500).hasSizeLessThan(COPIES);

        List<JsonPath> pages = pages("compatibleWith=" + ns + "/pets&namespace=" + ns);
        List<String> found = references(pages);
        assertThat(pages.get(0).getLong("total")).isEqualTo(expected.size());
        assertThat(found).hasSize(expected.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(found)).isEqualTo(expected);
        List<Long> downloads = pages.stream().flatMap(p -> p.getList("items.downloads", Long.class).stream()).toList();
        assertThat(downloads).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void keysetPagesEqualOffsetPagesInEveryIndexedOrder() {
        for (String sort : List.of("downloads", "name", "recent")) {
            List<String> byCursor = references(pages("namespace=" + ns + "&sort=" + sort));
            List<String> byOffset = new ArrayList<>();
            for (int page = 0; page * 100 < COPIES + 1; page++) {
                byOffset.addAll(given().get("/api/v1/models?namespace={ns}&sort={sort}&size=100&page={page}", ns, sort,
                        page).then().statusCode(200).extract().jsonPath().getList("items.reference", String.class));
            }
            assertThat(byCursor).as(sort).hasSize(COPIES + 1).doesNotHaveDuplicates().isEqualTo(byOffset);
        }
        List<String> byName = references(pages("namespace=" + ns + "&sort=name"));
        assertThat(byName).isSorted();
    }

    @Test
    void totalsCountEveryMatchOfTextAndTagFilters() {
        long alpha = (COPIES + 2) / 3;
        given().get("/api/v1/models?namespace={ns}&q=alpha", ns).then().statusCode(200)
                .body("total", equalTo((int) alpha));
        given().get("/api/v1/models?namespace={ns}&q=pets&page=54&size=20", ns).then().statusCode(200)
                .body("total", equalTo(COPIES)).body("items.size()", equalTo(COPIES - 54 * 20));
        // past the last match the window count has no row to ride on: the total is counted on its own
        given().get("/api/v1/models?namespace={ns}&q=pets&page=55&size=20", ns).then().statusCode(200)
                .body("total", equalTo(COPIES)).body("items.size()", equalTo(0));
        given().get("/api/v1/models?namespace={ns}&tag=rare", ns).then().body("total", equalTo((COPIES + 3) / 4));
        given().get("/api/v1/models?namespace={ns}&q=alpha&tag=rare", ns).then()
                .body("total", equalTo((COPIES + 11) / 12));
        assertThat(references(pages("namespace=" + ns + "&q=alpha&sort=downloads"))).hasSize((int) alpha);
    }

    @Test
    void badCursorsAre400() {
        String next = given().get("/api/v1/models?namespace={ns}&sort=name&size=5", ns).then().extract()
                .path("next");
        given().get("/api/v1/models?namespace={ns}&sort=recent&after={c}", ns, next).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("after"));
        given().get("/api/v1/models?after=%%%").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/models?after=bm90IGEgY3Vyc29y").then().statusCode(400);
        given().get("/api/v1/models?q=pets&after={c}", next).then().statusCode(400);
        given().get("/api/v1/models?sort=name&page=2&after={c}", next).then().statusCode(400);
    }

    @Test
    void theMigrationBackfillComputesWhatAPublishMirrors() throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V6__input_facts.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String update = migration.substring(migration.indexOf("UPDATE registered_model"),
                migration.indexOf(';', migration.indexOf("UPDATE registered_model")));
        String facts = "SELECT name, CAST(input_shape AS text), input_range_low, input_range_high,"
                + " CAST(input_normalization AS text), head_trainable FROM registered_model WHERE namespace = :ns";
        Map<String, List<Object>> mirrored = QuarkusTransaction.requiringNew().call(() -> rows(facts));
        Map<String, List<Object>> backfilled = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("UPDATE registered_model SET input_shape = NULL, input_range_low = NULL,"
                    + " input_range_high = NULL, input_normalization = NULL, head_trainable = FALSE"
                    + " WHERE namespace = :ns").setParameter("ns", ns).executeUpdate();
            entityManager.createNativeQuery(update + " AND m.namespace = '" + ns + "'").executeUpdate();
            return rows(facts);
        });
        assertThat(mirrored).hasSize(COPIES + 1);
        assertThat(backfilled).isEqualTo(mirrored);
    }

    private Map<String, List<Object>> rows(String sql) {
        Map<String, List<Object>> rows = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(sql).setParameter("ns", ns).getResultList()) {
            Object[] columns = (Object[]) row;
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < columns.length; i++) {
                // jsonb's text form is canonical; compare numbers as numbers
                values.add(columns[i] instanceof Number number ? number.doubleValue() : columns[i]);
            }
            rows.put((String) columns[0], values);
        }
        return rows;
    }

    /** Every page of a search, following 'next' (size 100), bounded by the number of rows. */
    private static List<JsonPath> pages(String query) {
        List<JsonPath> pages = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = given().get("/api/v1/models?" + query + "&size=100"
                    + (after == null ? "" : "&after=" + after)).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            after = page.getString("next");
        } while (after != null && pages.size() <= COPIES / 100 + 2);
        return pages;
    }

    private static List<String> references(List<JsonPath> pages) {
        return pages.stream().flatMap(p -> p.getList("items.reference", String.class).stream()).toList();
    }
}
