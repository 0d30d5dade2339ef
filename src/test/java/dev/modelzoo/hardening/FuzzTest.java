package dev.modelzoo.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.auth.TokenRepository;
import dev.modelzoo.auth.UserRepository;
import dev.modelzoo.catalog.ModelVersionRepository;
import dev.modelzoo.catalog.RegisteredModelRepository;
import dev.modelzoo.dataset.DatasetRepository;
import dev.modelzoo.dataset.DatasetVersionRepository;
import dev.modelzoo.finetune.FineTuneJobRepository;
import dev.modelzoo.storage.ObjectStore;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The project's own fuzz suite: over 500 bad requests, generated from a fixed seed, across every endpoint (publish,
 * datasets, compatibility, fine-tunes, predict, search, reads, users and tokens): random bytes, truncated and hostile
 * archives, hostile metadata, bad references and versions, out-of-range hyperparameters, malformed multipart, bad
 * tokens. Each must get a 4xx application/problem+json answer without Java names or stack traces within 5 s, and
 * afterwards no row, blob or temporary file may be left.
 */
@QuarkusTest
class FuzzTest {

    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|org|io|com|dev|sun)\\."
            + "[a-z0-9_]+\\.[A-Za-z]");
    private static final String BOUNDARY = "fuzz-boundary";

    @Inject
    RegisteredModelRepository models;
    @Inject
    ModelVersionRepository versions;
    @Inject
    DatasetRepository datasets;
    @Inject
    DatasetVersionRepository datasetVersions;
    @Inject
    FineTuneJobRepository jobs;
    @Inject
    UserRepository users;
    @Inject
    TokenRepository tokens;
    @Inject
    ObjectStore objects;

    /** One request: what it tries, and its raw form. */
    record BadRequest(String kind, String head, byte[] body) {
    }

    private final Random random = new Random(20261201);
    private String user;
    private String token;

    @Test
    void fiveHundredBadRequestsGetCleanProblemsAndLeaveNothing() throws Exception {
        String[] created = Api.newUser("fuzz");
        user = created[0];
        token = created[1];
        Map<String, Long> before = counts();
        List<BadRequest> requests = new ArrayList<>();
        publish(requests);
        datasetUploads(requests);
        compatibility(requests);
        recommendations(requests);
        fineTunes(requests);
        predictions(requests);
        searchesAndReads(requests);
        usersAndTokens(requests);
        randomJson(requests);
        assertThat(requests.size()).as("bad requests generated").isGreaterThanOrEqualTo(500);

        Map<String, Integer> perKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        double slowest = 0;
        for (BadRequest request : requests) {
            RawHttp.Answer answer = RawHttp.send(request.head(), request.body());
            perKind.merge(request.kind().replaceFirst("#\\d+$", ""), 1, Integer::sum);
            slowest = Math.max(slowest, answer.seconds());
            String problem = judge(answer);
            if (problem != null) {
                failures.add(request.kind() + " [" + firstLine(request.head()) + "]: " + problem);
            }
        }
        assertThat(failures).as("bad requests answered badly").isEmpty();
        assertThat(counts()).as("rows and blobs after the fuzz run").isEqualTo(before);
        Path uploads = Path.of(System.getProperty("java.io.tmpdir"), "modelzoo-uploads");
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> left = Files.list(uploads)) {
                assertThat(left.toList()).as("temporary upload files").isEmpty();
            }
        }
        System.out.printf("FUZZ %d bad requests, 0 bad answers, slowest %.2f s; per endpoint %s%n",
                requests.size(), slowest, perKind);
    }

    private static String judge(RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status() + " " + abbreviate(answer.body());
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type '" + answer.contentType() + "' for " + answer.status();
        }
        if (JAVA_NAME.matcher(answer.body()).find() || answer.body().contains("Exception")
                || answer.body().contains("\tat ")) {
            return "internals in " + abbreviate(answer.body());
        }
        if (answer.seconds() >= 5) {
            return "answered after " + answer.seconds() + " s";
        }
        return null;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("models", models.count());
        counts.put("versions", versions.count());
        counts.put("datasets", datasets.count());
        counts.put("datasetVersions", datasetVersions.count());
        counts.put("jobs", jobs.count());
        counts.put("users", users.count());
        counts.put("tokens", tokens.count());
        counts.put("blobs", (long) objects.list("").size());
        return counts;
    }

    // ---- generators ----------------------------------------------------------------------------------------

    private void publish(List<BadRequest> out) throws Exception {
        String path = "/api/v1/models/" + user + "/fuzzed/versions";
        byte[] artifact = Files.readAllBytes(TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 11)));
        String good = Api.imageMetadata(List.of(1, 8, 8), List.of("a", "b", "c", "d"), null);
        List<String> metadataCases = hostileMetadata(good);
        for (int i = 0; i < metadataCases.size(); i++) {
            out.add(multipart("publish/metadata#" + i, path, token, metadataCases.get(i), "artifact", artifact));
        }
        for (byte[] bad : hostileArchives(artifact)) {
            out.add(multipart("publish/artifact", path, token, good, "artifact", bad));
        }
        for (int i = 0; i < 25; i++) {
            out.add(raw("publish/random-body", "POST", path, token, "multipart/form-data; boundary=" + BOUNDARY,
                    randomBytes(1 + random.nextInt(4000))));
        }
        for (byte[] body : brokenMultipart(good, artifact)) {
            out.add(raw("publish/multipart", "POST", path, token, "multipart/form-data; boundary=" + BOUNDARY,
                    body));
        }
        for (String name : badNames()) {
            out.add(multipart("publish/name", "/api/v1/models/" + user + "/" + name + "/versions", token, good,
                    "artifact", artifact));
        }
        for (String bad : badTokens()) {
            out.add(multipart("publish/token", path, bad, good, "artifact", artifact));
        }
        out.add(multipart("publish/foreign-namespace", "/api/v1/models/zoo/stolen/versions", token, good,
                "artifact", artifact));
    }

    private void datasetUploads(List<BadRequest> out) throws Exception {
        String path = "/api/v1/datasets/" + user + "/fuzzed";
        byte[] images = Files.readAllBytes(Fixtures.imageFolders(8, false, 3, "a", "b"));
        for (String metadata : List.of("{\"modality\": \"SMELL\"}", "{\"modality\": 7}", "null", "[]", "{",
                "{\"modality\": \"IMAGE\", \"shape\": \"big\"}", "{\"modality\": \"IMAGE\", \"shape\": [-1, 8, 8]}",
                "{\"modality\": \"IMAGE\", \"shape\": [1, 99999999999]}", "{\"modality\": \"TEXT\\u0000\"}",
                "{\"modality\": \"IMAGE\", \"description\": \"a\\u0000b\"}")) {
            out.add(multipart("datasets/metadata", path, token, metadata, "file", images));
        }
        for (byte[] bad : hostileArchives(images)) {
            out.add(multipart("datasets/archive", path, token, "{\"modality\": \"IMAGE\"}", "file", bad));
        }
        Map<String, byte[]> odd = new LinkedHashMap<>();
        odd.put("a/x.png", "not a png".getBytes(StandardCharsets.UTF_8));
        odd.put("b/y.png", "nor this".getBytes(StandardCharsets.UTF_8));
        out.add(multipart("datasets/archive", path, token, "{\"modality\": \"IMAGE\"}", "file",
                Files.readAllBytes(Fixtures.zip(odd))));
        Map<String, byte[]> nulLabel = new LinkedHashMap<>();
        nulLabel.put("a\u0001b/x.png", Fixtures.png(8, 8, false, 1));
        nulLabel.put("c/y.png", Fixtures.png(8, 8, false, 2));
        out.add(multipart("datasets/archive", path, token, "{\"modality\": \"IMAGE\"}", "file",
                Files.readAllBytes(Fixtures.zip(nulLabel))));
        for (String text : List.of("not json\n", "{\"text\": 5, \"label\": \"a\"}\n", "{\"text\": \"hi\"}\n",
                "{\"text\": \"x\", \"label\": \"a\\u0000\"}\n{\"text\": \"y\", \"label\": \"b\"}\n", "\n\n",
                "{\"text\": \"only\", \"label\": \"one\"}\n")) {
            out.add(multipartFile("datasets/text", path, token, "{\"modality\": \"TEXT\"}", "d.jsonl",
                    text.getBytes(StandardCharsets.UTF_8)));
        }
        for (String csv : List.of("a,b\n1,2\n", "label\n", "label,x\na,notanumber\nb,1\n", "label,x\n\u0000,1\n",
                "label,x\na,1,2,3\n")) {
            out.add(multipartFile("datasets/csv", path, token, "{\"modality\": \"TABULAR\"}", "d.csv",
                    csv.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 15; i++) {
            out.add(multipart("datasets/random-file", path, token, "{\"modality\": \"IMAGE\"}", "file",
                    randomBytes(1 + random.nextInt(3000))));
        }
        for (String name : badNames()) {
            out.add(multipart("datasets/name", "/api/v1/datasets/" + user + "/" + name, token,
                    "{\"modality\": \"IMAGE\"}", "file", images));
        }
        out.add(multipart("datasets/token", path, "mzt_nope", "{\"modality\": \"IMAGE\"}", "file", images));
    }

    private void compatibility(List<BadRequest> out) {
        String path = "/api/v1/compatibility";
        for (String body : hostileJson()) {
            out.add(json("compatibility/json", "POST", path, null, body));
        }
        for (String reference : badReferences()) {
            out.add(json("compatibility/reference", "POST", path, null, "{\"base\": " + quote(reference)
                    + ", \"dataset\": \"zoo/none\"}"));
            out.add(json("compatibility/reference", "POST", path, null, "{\"base\": \"zoo/letters-lenet\","
                    + " \"dataset\": " + quote(reference) + "}"));
        }
        out.add(json("compatibility/strategy", "POST", path, null, "{\"base\": \"zoo/letters-lenet\", \"inputSpec\":"
                + " {\"modality\": \"IMAGE\", \"shape\": [1, 28, 28]}, \"strategy\": \"EVERYTHING\"}"));
    }

    private void recommendations(List<BadRequest> out) {
        String path = "/api/v1/recommendations";
        for (String body : hostileJson()) {
            out.add(json("recommendations/json", "POST", path, null, body));
        }
        for (String reference : badReferences()) {
            out.add(json("recommendations/reference", "POST", path, null, "{\"dataset\": " + quote(reference) + "}"));
        }
        for (String limits : List.of("\"limit\": 0", "\"limit\": 101", "\"limit\": -1", "\"limit\": \"ten\"",
                "\"budgetSeconds\": 0", "\"budgetSeconds\": -5", "\"budgetSeconds\": 1e9", "\"tag\": 5",
                "\"namespace\": \"" + "n".repeat(100) + "\"")) {
            out.add(json("recommendations/fields", "POST", path, null, "{\"dataset\": \"zoo/none\", " + limits + "}"));
        }
        out.add(raw("recommendations/search", "GET", "/api/v1/models?sort=transferability", null, null, new byte[0]));
        out.add(raw("recommendations/search", "GET", "/api/v1/models?sort=transferability&compatibleWith=zoo/none",
                null, null, new byte[0]));
    }

    private void fineTunes(List<BadRequest> out) {
        String path = "/api/v1/fine-tunes";
        String valid = "\"base\": \"zoo/letters-lenet@1\", \"dataset\": \"" + user + "/none\", \"target\": \"" + user
                + "/derived\"";
        for (String body : hostileJson()) {
            out.add(json("fine-tunes/json", "POST", path, token, body));
        }
        for (String hyper : List.of("{\"batchSize\": 0}", "{\"batchSize\": -1}", "{\"batchSize\": 5000}",
                "{\"batchSize\": \"big\"}", "{\"learningRate\": 0}", "{\"learningRate\": 2}",
                "{\"learningRate\": \"fast\"}", "{\"epochs\": 0}", "{\"epochs\": 1001}", "{\"epochs\": \"many\"}",
                "{\"epochs\": -5}", "{\"epochs\": 1.5}", "{\"validationFraction\": 0}", "{\"validationFraction\": 1}",
                "{\"validationFraction\": -0.2}", "{\"patience\": 0}", "{\"patience\": 99999}", "{\"seed\": \"x\"}",
                "{\"earlyStopping\": \"maybe\"}", "[]", "7", "{\"batchSize\": 1e400}")) {
            out.add(json("fine-tunes/hyperparameters", "POST", path, token, "{" + valid + ", \"hyperparameters\": "
                    + hyper + "}"));
        }
        for (String strategy : List.of("\"ALL\"", "5", "null, \"freezeUpTo\": -3", "\"HEAD_ONLY\", \"freezeUpTo\": 999",
                "\"head_only\"", "\"\"")) {
            out.add(json("fine-tunes/strategy", "POST", path, token, "{" + valid + ", \"strategy\": " + strategy
                    + "}"));
        }
        for (String reference : badReferences()) {
            out.add(json("fine-tunes/reference", "POST", path, token, "{\"base\": " + quote(reference)
                    + ", \"dataset\": \"" + user + "/none\", \"target\": \"" + user + "/derived\"}"));
            out.add(json("fine-tunes/target", "POST", path, token, "{\"base\": \"zoo/letters-lenet\", \"dataset\":"
                    + " \"" + user + "/none\", \"target\": " + quote(reference) + "}"));
        }
        out.add(json("fine-tunes/test-dataset", "POST", path, token, "{" + valid + ", \"testDataset\": \"nope\"}"));
        out.add(json("fine-tunes/foreign-target", "POST", path, token, "{\"base\": \"zoo/letters-lenet\","
                + " \"dataset\": \"" + user + "/none\", \"target\": \"zoo/mine\"}"));
        for (String bad : badTokens()) {
            out.add(json("fine-tunes/token", "POST", path, bad, "{" + valid + "}"));
        }
        for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20", "1",
                "ffffffff-ffff-ffff-ffff-ffffffffffffff")) {
            out.add(get("fine-tunes/read", "/api/v1/fine-tunes/" + id, null));
            out.add(json("fine-tunes/cancel", "POST", "/api/v1/fine-tunes/" + id + "/cancel", token, "{}"));
        }
        out.add(get("fine-tunes/list", "/api/v1/fine-tunes?status=SLEEPING", token));
        out.add(get("fine-tunes/list", "/api/v1/fine-tunes?size=0", token));
    }

    private void predictions(List<BadRequest> out) throws Exception {
        String path = "/api/v1/models/zoo/letters-lenet/versions/1/predict";
        for (String body : hostileJson()) {
            out.add(json("predict/json", "POST", path, null, body));
        }
        for (String body : List.of("{\"inputs\": [[1, 2, 3]]}", "{\"inputs\": \"x\"}", "{\"inputs\": []}",
                "{\"inputs\": [[\"a\"]]}", "{\"texts\": [5]}", "{\"inputs\": [[1e999]]}")) {
            out.add(json("predict/inputs", "POST", path, null, body));
        }
        for (int i = 0; i < 12; i++) {
            out.add(multipartFile("predict/image", path, null, null, "x.png", randomBytes(1 + random.nextInt(2000))));
        }
        for (String version : List.of("0", "-1", "abc", "99999999999999999999", "1.5")) {
            out.add(json("predict/version", "POST", "/api/v1/models/zoo/letters-lenet/versions/" + version
                    + "/predict", null, "{\"inputs\": [[0]]}"));
        }
    }

    private void searchesAndReads(List<BadRequest> out) {
        for (String query : List.of("size=0", "size=-1", "size=101", "size=abc", "page=-1", "page=abc",
                "page=99999999999999999999", "sort=sideways", "modality=SMELL", "task=DREAMING",
                "compatibleWith=not-a-ref", "compatibleWith=zoo/none@1", "parent=x", "size=1e3", "q=%00",
                "namespace=%00", "tag=a%00b", "page=1&size=1000000")) {
            out.add(get("search", "/api/v1/models?" + query, null));
        }
        for (String tail : List.of("zoo/none", "zoo/letters-lenet/versions/0", "zoo/letters-lenet/versions/-1",
                "zoo/letters-lenet/versions/abc", "zoo/letters-lenet/versions/99999999999999999999",
                "zoo/letters-lenet/versions/1/nothing", "zoo/letters-lenet/versions/7/lineage",
                "UPPER/case", "a/" + "b".repeat(300),
                "zoo/letters-lenet/versions/1.0", "zoo/letters-lenet/versions/%20")) {
            out.add(get("reads/models", "/api/v1/models/" + tail, null));
        }
        for (String tail : List.of("zoo/none", user + "/none/versions/1", user + "/none/versions/abc",
                user + "/none/versions/1/examples?perLabel=abc", "zoo/none/versions/0/examples", "x")) {
            out.add(get("reads/datasets", "/api/v1/datasets/" + tail, null));
        }
        out.add(get("reads/datasets", "/api/v1/datasets?size=-3", null));
        for (String target : List.of("/api/v1/models/%zz", "/api/v1/models?q=%", "/api/v1/datasets/a|b/c",
                "/api/v1/models/zoo/x;v=1", "/api/v1/fine-tunes/%E0%A4%A", "/api/v1/models/{a}")) {
            out.add(get("reads/bad-url", target, null));
        }
        out.add(raw("reads/range", "GET", "/api/v1/models/zoo/letters-lenet/versions/1/artifact", null, null,
                new byte[0], "Range: bytes=999999999-"));
        out.add(raw("reads/method", "DELETE", "/api/v1/models/zoo/letters-lenet", token, null, new byte[0]));
        out.add(raw("reads/method", "PUT", "/api/v1/compatibility", null, "application/json", "{}".getBytes()));
        out.add(raw("reads/accept", "GET", "/api/v1/models/zoo/letters-lenet", null, null, new byte[0],
                "Accept: image/gif"));
        out.add(raw("reads/media-type", "POST", "/api/v1/compatibility", null, "text/plain", "hello".getBytes()));
    }

    private void usersAndTokens(List<BadRequest> out) {
        for (String body : hostileJson()) {
            out.add(json("users/json", "POST", "/api/v1/users", Api.ADMIN_TOKEN, body));
        }
        for (String name : badNames()) {
            out.add(json("users/name", "POST", "/api/v1/users", Api.ADMIN_TOKEN, "{\"name\": " + quote(name) + "}"));
        }
        out.add(json("users/duplicate", "POST", "/api/v1/users", Api.ADMIN_TOKEN, "{\"name\": " + quote(user)
                + "}"));
        out.add(json("users/not-admin", "POST", "/api/v1/users", token, "{\"name\": \"someone-new\"}"));
        for (String bad : badTokens()) {
            out.add(get("users/me", "/api/v1/users/me", bad));
            out.add(json("users/create", "POST", "/api/v1/users", bad, "{\"name\": \"never-made\"}"));
        }
        // the body is optional ({"description"} only), so only what is not JSON or too long is wrong here
        for (String body : List.of("{", "}", "{\"a\":}", "{'single': 1}", "\u0000",
                "{\"description\": \"" + "d".repeat(201) + "\"}", "{\"description\": \"a\u0000\"}",
                "{\"description\": 5}", "{\"description\": \"x\"}{\"again\": 1}")) {
            out.add(json("tokens/json", "POST", "/api/v1/tokens", token, body));
        }
        for (String id : List.of("abc", "-1", "99999999999999999999", "00000000-0000-0000-0000-000000000000")) {
            out.add(raw("tokens/delete", "DELETE", "/api/v1/tokens/" + id, token, null, new byte[0]));
        }
        out.add(json("tokens/no-auth", "POST", "/api/v1/tokens", null, "{\"name\": \"t\"}"));
    }

    /** Random bytes as JSON bodies, and random one-character mutations of a fine-tune request on a missing dataset. */
    private void randomJson(List<BadRequest> out) {
        for (String[] endpoint : new String[][] {{"compatibility", "/api/v1/compatibility"},
                {"fine-tunes", "/api/v1/fine-tunes"}, {"users", "/api/v1/users"},
                {"predict", "/api/v1/models/zoo/letters-lenet/versions/1/predict"}}) {
            for (int i = 0; i < 25; i++) {
                out.add(raw(endpoint[0] + "/random-json", "POST", endpoint[1], endpoint[0].equals("users")
                        ? Api.ADMIN_TOKEN : token, "application/json", randomBytes(2 + random.nextInt(600))));
            }
        }
        String request = "{\"base\": \"zoo/letters-lenet@1\", \"dataset\": \"" + user + "/missing\", \"target\": \""
                + user + "/mutant\", \"strategy\": \"AUTO\", \"hyperparameters\": {\"batchSize\": 16}}";
        String symbols = "{}[]\",:0123456789-.eE\\ntruefalsenull \u0000\u00ff";
        for (int i = 0; i < 60; i++) {
            StringBuilder mutant = new StringBuilder(request);
            int at = random.nextInt(mutant.length());
            switch (random.nextInt(3)) {
                case 0 -> mutant.deleteCharAt(at);
                case 1 -> mutant.insert(at, symbols.charAt(random.nextInt(symbols.length())));
                default -> mutant.setCharAt(at, symbols.charAt(random.nextInt(symbols.length())));
            }
            out.add(json("fine-tunes/mutated", "POST", "/api/v1/fine-tunes", token, mutant.toString()));
        }
    }

    // ---- hostile material -------------------------------------------------------------------------------------

    private List<String> hostileMetadata(String good) {
        List<String> list = new ArrayList<>(hostileJson());
        list.add(good.replace("\"tiny test network\"", "\"" + "d".repeat(300_000) + "\""));
        list.add(good.replace("\"tiny test network\"", "\"\\u0000\""));
        list.add(good.replace("\"tiny test network\"", "\"\\ud800\""));
        list.add(good.replace("[1, 8, 8]", "[1, 8]"));
        list.add(good.replace("[1, 8, 8]", "\"square\""));
        list.add(good.replace("[1, 8, 8]", "[1, 8, 8, 8, 8, 8, 8, 8, 8, 8]"));
        list.add(good.replace("[1, 8, 8]", "[1, 99999999999, 8]"));
        list.add(good.replace("[1, 8, 8]", "[0, 8, 8]"));
        list.add(good.replace("\"IMAGE\"", "\"SMELL\""));
        list.add(good.replace("\"CLASSIFICATION\"", "\"GUESSING\""));
        list.add(good.replace("[\"a\", \"b\", \"c\", \"d\"]", "[\"a\", \"a\", \"b\", \"c\"]"));
        list.add(good.replace("[\"a\", \"b\", \"c\", \"d\"]", "[\"a\", \"b\"]"));
        list.add(good.replace("[\"a\", \"b\", \"c\", \"d\"]", "5"));
        list.add(good.replace("[\"test\", \"vision\"]", "\"vision\""));
        list.add(good.replace("\"Apache-2.0\"", "{\"name\": 1}"));
        list.add(good.replace("\"range\": [0, 1]", "\"range\": [1, 0]"));
        list.add(good.replace("\"range\": [0, 1]", "\"range\": \"all\""));
        list.add(good.substring(0, good.length() / 2));
        list.add(good.replace("{\"description\"", "{\"version\": -4, \"description\""));
        list.add(good.replace("{\"description\"", "{\"parent\": \"zoo/none@1\", \"description\""));
        list.add(good.replace("{\"description\"", "{\"parent\": \"no-slash\", \"description\""));
        list.add(good.replace("{\"description\"", "{\"metrics\": [{\"name\": 5}], \"description\""));
        return list;
    }

    private List<String> hostileJson() {
        List<String> list = new ArrayList<>(List.of("", " ", "null", "[]", "5", "\"text\"", "true", "{", "}",
                "{\"a\":}", "{'single': 1}", "{\"name\": \"x\"}{\"again\": 1}", "\u0000", "{\"name\": \"\\u0000\"}",
                "{\"name\": 12}", "{\"name\": [\"list\"]}", "{\"name\": {\"deep\": true}}", "{\"base\": null}",
                "{\"base\": \"\\ud83d\"}", "\u00ff\u00fe{}", "{\"x\": 1e999999}"));
        list.add("[".repeat(5000) + "]".repeat(5000));
        list.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        list.add("{\"name\": \"" + "n".repeat(200_000) + "\"}");
        list.add(new String(randomBytes(300), StandardCharsets.ISO_8859_1));
        return list;
    }

    private List<byte[]> hostileArchives(byte[] valid) throws Exception {
        List<byte[]> list = new ArrayList<>();
        list.add(new byte[0]);
        list.add(Arrays.copyOf(valid, valid.length / 2));
        list.add(Arrays.copyOf(valid, 30));
        list.add(Arrays.copyOfRange(valid, 10, valid.length));
        list.add(randomBytes(5000));
        list.add("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1));
        list.add(zip(Map.of("../../evil.txt", "x".getBytes())));
        list.add(zip(Map.of("/abs/evil.txt", "x".getBytes())));
        list.add(zip(Map.of("a\\..\\..\\evil.txt", "x".getBytes())));
        list.add(zip(Map.of("C:/evil.txt", "x".getBytes())));
        list.add(zip(Map.of("configuration.json", "{".getBytes(), "coefficients.bin", new byte[8])));
        list.add(zip(Map.of("configuration.json", "{\"confs\": \"x\"}".getBytes(), "coefficients.bin",
                randomBytes(64))));
        list.add(zip(Map.of("configuration.json", "[]".getBytes(), "coefficients.bin", new byte[0])));
        list.add(zip(Map.of("coefficients.bin", new byte[8])));
        list.add(zip(Map.of()));
        list.add(bomb());
        return list;
    }

    /** 64 MiB of zeros deflated to a few dozen KiB, as the coefficients of an otherwise plausible model. */
    private static byte[] bomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{\"confs\": []}".getBytes());
            zip.putNextEntry(new ZipEntry("coefficients.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    private List<byte[]> brokenMultipart(String metadata, byte[] artifact) throws Exception {
        byte[] whole = body(metadata, "artifact", "a.zip", artifact);
        List<byte[]> list = new ArrayList<>();
        list.add(Arrays.copyOf(whole, whole.length - 10));
        list.add(Arrays.copyOf(whole, 40));
        list.add(new String(whole, StandardCharsets.ISO_8859_1).replace(BOUNDARY, "other")
                .getBytes(StandardCharsets.ISO_8859_1));
        list.add(("--" + BOUNDARY + "--\r\n").getBytes());
        list.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata
                + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        list.add(body(metadata, "wrongname", "a.zip", artifact));
        list.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--" + BOUNDARY
                + "--\r\n").getBytes());
        list.add(("garbage before\r\n--" + BOUNDARY + "\r\n\r\n\r\n--" + BOUNDARY + "--\r\n").getBytes());
        return list;
    }

    private static List<String> badNames() {
        return List.of("UPPER", "..", ".hidden", "a".repeat(65), "sp%20ace", "semi;colon", "%2e%2e", "%C3%A9t%C3%A9",
                "-dash", "_under", "a%00b");
    }

    private static List<String> badReferences() {
        return List.of("", "no-slash", "a/b/c", "a/b@", "a/b@0", "a/b@-1", "a/b@x", "A/B", "a/b@99999999999999999999",
                "/b", "a/", "a/b@1@2", "zoo/" + "x".repeat(300), "a\u0000/b");
    }

    private static List<String> badTokens() {
        return List.of("mzt_unknown-token", "", "Basic dXNlcjpwYXNz", "mzt_" + "x".repeat(5000), "\u00e9t\u00e9");
    }

    // ---- request builders -------------------------------------------------------------------------------------

    private BadRequest multipart(String kind, String path, String token, String metadata, String part,
            byte[] content) throws Exception {
        return raw(kind, "POST", path, token, "multipart/form-data; boundary=" + BOUNDARY,
                body(metadata, part, "a.zip", content));
    }

    private BadRequest multipartFile(String kind, String path, String token, String metadata, String fileName,
            byte[] content) throws Exception {
        return raw(kind, "POST", path, token, "multipart/form-data; boundary=" + BOUNDARY,
                body(metadata, metadata == null ? "image" : "file", fileName, content));
    }

    private static byte[] body(String metadata, String part, String fileName, byte[] content) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (metadata != null) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static BadRequest json(String kind, String method, String path, String token, String body) {
        return raw(kind, method, path, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static BadRequest get(String kind, String path, String token) {
        return raw(kind, "GET", path, token, null, new byte[0]);
    }

    private static BadRequest raw(String kind, String method, String path, String token, String contentType,
            byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost");
        if (token != null) {
            head.append("\r\nAuthorization: ").append(token.startsWith("Basic ") ? token : "Bearer " + token);
        }
        if (contentType != null) {
            head.append("\r\nContent-Type: ").append(contentType);
        }
        head.append("\r\nContent-Length: ").append(body.length);
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return new BadRequest(kind, head.toString(), body);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
    }

    private static String firstLine(String head) {
        String line = head.substring(0, head.indexOf('\r'));
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 297) + "...";
    }
}
