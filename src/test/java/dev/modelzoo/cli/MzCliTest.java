package dev.modelzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TestUser;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code mz} verb, run in process against the real test server (PostgreSQL, S3 server, DL4J): output, exit
 * status, stdout kept for results and stderr for progress and errors. {@code MzScriptIT} runs the packaged script.
 */
@QuarkusTest
class MzCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Integer> SHAPE = List.of(1, 8, 8);

    @TestHTTPResource("/")
    URI root;

    private Path home;

    /** What one run of {@code mz} did. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void freshHome() throws Exception {
        home = Files.createTempDirectory("mz-home");
    }

    private Run mz(String... args) {
        return mzWithInput("", args);
    }

    private Run mzWithInput(String stdin, String... args) {
        Map<String, String> variables = Map.of("MODELZOO_URL", root.toString(), "HOME", home.toString(),
                "MODELZOO_CONFIG_DIR", home.resolve("config").toString(),
                "MODELZOO_CACHE_DIR", home.resolve("cache").toString());
        Mz mz = new Mz(new Environment(variables), false, new BufferedReader(new StringReader(stdin)));
        CommandLine commandLine = mz.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        // bounded: a verb that hangs (a watch that never ends) fails the test instead of the suite
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            int exit = runner.submit(() -> commandLine.execute(args)).get(3, TimeUnit.MINUTES);
            return new Run(exit, out.toString(), err.toString());
        } catch (TimeoutException e) {
            throw new AssertionError("mz " + String.join(" ", args) + " did not end within 3 minutes; stderr: " + err);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("mz " + String.join(" ", args) + " failed to run", e);
        } finally {
            runner.shutdownNow();
        }
    }

    /** A user with the 8x8 convnet {@code <user>/tiny} (labels top, bottom, left) and the dataset {@code patterns}. */
    private TestUser userWithModelAndData(String prefix) {
        TestUser user = TestUser.create(prefix);
        Api.publish(Api.ADMIN_TOKEN, user.name(), "tiny", Api.imageMetadata(SHAPE, List.of("top", "bottom", "left"),
                null), TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 7))).then().statusCode(201);
        Api.as(user.token()).multiPart("metadata", json(Map.of("modality", "IMAGE")), "application/json")
                .multiPart("file", Fixtures.patterns(8, 15, 3).toFile())
                .post("/api/v1/datasets/{ns}/patterns", user.name()).then().statusCode(201);
        return user;
    }

    @Test
    void loginStoresTheTokenForTheUserOnlyAndWhoamiUsesIt() throws Exception {
        TestUser user = TestUser.create("mz-login");
        Run refused = mzWithInput("mzt_not-a-token\n", "login");
        assertThat(refused.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(refused.err()).contains("Authentication required");
        assertThat(home.resolve("config/credentials.json")).doesNotExist();

        Run login = mzWithInput(user.token() + "\n", "login");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in to " + root + " as " + user.name());
        Path credentials = home.resolve("config/credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.getParent())))
                .isEqualTo("rwx------");

        assertThat(mz("whoami").out()).startsWith(user.name() + " on ");
        assertThat(mz("whoami", "--json").json().get("name").asText()).isEqualTo(user.name());
        assertThat(mz("whoami", "--token", Api.ADMIN_TOKEN).out()).contains("(admin)");

        assertThat(mz("logout").out()).contains("Logged out of " + root);
        Run anonymous = mz("whoami");
        assertThat(anonymous.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(anonymous.err()).contains("error: Authentication required").contains("HTTP 401");
    }

    @Test
    void searchInfoAndPullWithAVerifiedCache() throws Exception {
        TestUser user = userWithModelAndData("mz-browse");
        Run search = mz("search", "--namespace", user.name());
        assertThat(search.exit()).isZero();
        assertThat(search.out()).contains("REFERENCE").contains(user.name() + "/tiny@1").contains("[1, 8, 8]")
                .contains("1-1 of 1");
        JsonNode page = mz("search", "--namespace", user.name(), "--modality", "IMAGE", "--sort", "name", "--json")
                .json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("reference").asText()).isEqualTo(user.name() + "/tiny");
        assertThat(mz("search", "--namespace", user.name(), "--modality", "TEXT").out()).contains("No models found");
        assertThat(mz("search", "--compatible-with", user.name() + "/patterns", "--namespace", user.name()).out())
                .contains(user.name() + "/tiny@1");

        Run info = mz("info", user.name() + "/tiny");
        String sha256 = mz("info", user.name() + "/tiny@1", "--json").json().get("sha256").asText();
        assertThat(info.out()).contains(user.name() + "/tiny@1").contains(sha256).contains("ConvolutionLayer")
                .contains("IMAGE [1, 8, 8]");
        Run missing = mz("info", user.name() + "/missing");
        assertThat(missing.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(missing.err()).contains("error: Not found");
        assertThat(missing.out()).isEmpty();

        Path target = home.resolve("out/tiny.zip");
        Run pull = mz("pull", user.name() + "/tiny", "-o", target.toString());
        assertThat(pull.exit()).as(pull.err()).isZero();
        assertThat(pull.out().strip()).isEqualTo(target.toString());
        assertThat(pull.err()).contains("downloaded " + user.name() + "/tiny@1").contains("verified");
        assertThat(sha256(target)).isEqualTo(sha256);
        assertThat(home.resolve("cache/blobs/sha256/" + sha256)).exists();
        JsonNode again = mz("pull", user.name() + "/tiny@1", "-o", home.resolve("again.zip").toString(), "--json").json();
        assertThat(again.get("cached").asBoolean()).isTrue();
        assertThat(again.get("sha256").asText()).isEqualTo(sha256);
        // a damaged cache entry is detected and fetched again
        Files.writeString(home.resolve("cache/blobs/sha256/" + sha256), "damaged");
        JsonNode repaired = mz("pull", user.name() + "/tiny", "-o", home.resolve("third.zip").toString(), "--json")
                .json();
        assertThat(repaired.get("cached").asBoolean()).isFalse();
        assertThat(sha256(home.resolve("third.zip"))).isEqualTo(sha256);
    }

    @Test
    void pushAndDatasetVerbs() throws Exception {
        TestUser user = TestUser.create("mz-push");
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 2));
        Path metadata = Fixtures.text(".json", Api.imageMetadata(SHAPE, List.of("top", "bottom", "left"), null));
        Run push = mz("push", user.name() + "/pushed", artifact.toString(), "--metadata", metadata.toString(),
                "--token", user.token());
        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(push.out()).contains("published " + user.name() + "/pushed@1").contains(sha256(artifact));
        assertThat(push.err()).contains("push ").contains("100%");

        Path wrong = Fixtures.text(".json", Api.imageMetadata(List.of(3, 8, 8), List.of("a", "b", "c"), null));
        Run rejected = mz("push", user.name() + "/pushed", artifact.toString(), "-m", wrong.toString(), "--token",
                user.token());
        assertThat(rejected.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(rejected.err()).contains("Declared spec does not match the network").contains("HTTP 422")
                .contains("inputSpec.channels");
        assertThat(mz("push", user.name() + "/other", artifact.toString(), "-m", metadata.toString()).err())
                .as("anonymous").contains("Authentication required");

        Run upload = mz("dataset", "push", user.name() + "/shapes", Fixtures.patterns(8, 6, 2).toString(),
                "--modality", "IMAGE", "--description", "three patterns", "--token", user.token());
        assertThat(upload.exit()).as(upload.err()).isZero();
        assertThat(upload.out()).contains("uploaded " + user.name() + "/shapes@1: 18 examples, 3 labels");
        assertThat(mz("dataset", "info", user.name() + "/shapes@1").out()).contains("three patterns")
                .contains("image-folders-zip").containsPattern("top\\s+6");
        assertThat(mz("dataset", "info", user.name() + "/shapes", "--json").json().get("count").asInt()).isEqualTo(18);
        assertThat(mz("dataset", "list", "--namespace", user.name()).out()).contains(user.name() + "/shapes@1");
        Run badData = mz("dataset", "push", user.name() + "/broken", Fixtures.text(".zip", "not a zip").toString(),
                "--modality", "IMAGE", "--token", user.token());
        assertThat(badData.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(badData.err()).contains("HTTP 4");
    }

    @Test
    void checkExitsOneOnAModalityMismatchAndNamesTheFix() throws Exception {
        TestUser user = userWithModelAndData("mz-check");
        Api.as(user.token()).multiPart("metadata", json(Map.of("modality", "TEXT")), "application/json")
                .multiPart("file", Fixtures.text(".jsonl", IntStream.range(0, 10).mapToObj(i -> json(Map.of(
                        "text", "word " + i, "label", i % 2 == 0 ? "even" : "odd"))).collect(Collectors.joining("\n")))
                        .toFile())
                .post("/api/v1/datasets/{ns}/words", user.name()).then().statusCode(201);

        Run mismatch = mz("check", "--base", user.name() + "/tiny", "--dataset", user.name() + "/words");
        assertThat(mismatch.exit()).isEqualTo(ExitCodes.NO);
        assertThat(mismatch.out()).startsWith("incompatible: " + user.name() + "/tiny@1 with " + user.name() + "/words@1")
                .contains("ERROR modality: ").contains("expected IMAGE, found TEXT")
                .contains("suggestion: Choose a base model whose input is TEXT");
        assertThat(mz("check", "--base", user.name() + "/tiny", "--dataset", user.name() + "/words", "--json").json()
                .get("compatible").asBoolean()).isFalse();

        Run fits = mz("check", "--base", user.name() + "/tiny", "--dataset", user.name() + "/patterns", "--strategy",
                "FULL");
        assertThat(fits.exit()).as(fits.out()).isZero();
        assertThat(fits.out()).startsWith("compatible: ");
        assertThat(mz("check", "--base", user.name() + "/tiny").exit()).as("--dataset missing")
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void finetuneWatchThenJobsJobLineageAndPredict() throws Exception {
        TestUser user = userWithModelAndData("mz-finetune");
        Run watched = mz("finetune", "--base", user.name() + "/tiny", "--dataset", user.name() + "/patterns", "--target",
                user.name() + "/derived", "--strategy", "HEAD_ONLY", "--epochs", "4", "--batch-size", "8", "--seed", "3",
                "--watch", "--token", user.token());
        assertThat(watched.exit()).as(watched.err()).isZero();
        assertThat(watched.err()).contains("QUEUED").contains("HEAD_ONLY").contains("epoch 4/4")
                .contains("val acc").contains("SUCCEEDED: published " + user.name() + "/derived@1");
        assertThat(watched.out()).contains("SUCCEEDED").contains("result         " + user.name() + "/derived@1")
                .contains("accuracy").doesNotContain("epoch 4/4");
        String id = watched.out().lines().findFirst().orElseThrow().split("\\s+")[1];

        assertThat(mz("jobs", "--status", "SUCCEEDED", "--size", "100").out()).contains(id);
        JsonNode jobs = mz("jobs", "--status", "SUCCEEDED", "--size", "100", "--json").json();
        assertThat(jobs.get("items").findValuesAsText("id")).contains(id);
        assertThat(mz("job", id).out()).contains("job " + id + "  SUCCEEDED").contains("strategy       HEAD_ONLY");
        assertThat(mz("job", id, "--json").json().get("result").asText()).isEqualTo(user.name() + "/derived@1");

        Run tree = mz("lineage", user.name() + "/tiny@1");
        assertThat(tree.out()).contains(user.name() + "/tiny@1").contains("<- this version")
                .contains("└── " + user.name() + "/derived@1  HEAD_ONLY");
        assertThat(mz("lineage", user.name() + "/derived").out().lines().toList()).hasSize(2);

        Path image = Fixtures.text(".png", "");
        Files.write(image, Fixtures.png(8, 8, false, 5));
        Run predicted = mz("predict", user.name() + "/derived", image.toString());
        assertThat(predicted.exit()).as(predicted.err()).isZero();
        assertThat(predicted.out()).containsPattern("^(top|bottom|left) [01]\\.\\d{4}   top: ");
        List<Double> row = IntStream.range(0, 64).mapToObj(i -> i < 32 ? 0.9 : 0.1).toList();
        Path inputs = Fixtures.text(".json", json(Map.of("inputs", List.of(row, row))));
        JsonNode fromJson = mz("predict", user.name() + "/derived", "--json", inputs.toString()).json();
        assertThat(fromJson.get("predictions")).hasSize(2);
        assertThat(fromJson.get("model").asText()).isEqualTo(user.name() + "/derived@1");
        assertThat(mz("predict", user.name() + "/derived", image.toString(), "--json").json().get("predictions"))
                .hasSize(1);
        Run text = mz("predict", user.name() + "/derived", "--text", "not an image");
        assertThat(text.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(mz("predict", user.name() + "/derived").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void recommendRanksTheCompatibleBases() throws Exception {
        TestUser user = userWithModelAndData("mz-recommend");
        Run ranking = mz("recommend", user.name() + "/patterns", "--limit", "100");
        assertThat(ranking.exit()).as(ranking.err()).isZero();
        assertThat(ranking.out()).startsWith("bases for " + user.name() + "/patterns@1 (45 examples)")
                .contains("RANK").contains(user.name() + "/tiny@1").contains("score: ridge-probe-cv")
                .contains("fine-tune the top one: mz finetune --base ");
        JsonNode json = mz("recommend", user.name() + "/patterns", "--limit", "100", "--json").json();
        assertThat(json.get("items").findValuesAsText("base")).contains(user.name() + "/tiny@1");
        assertThat(json.get("items").get(0).get("estimatedAccuracy").get("count").asInt()).isEqualTo(45);
        assertThat(mz("recommend", "nobody/nothing").exit()).isEqualTo(ExitCodes.PROBLEM);
    }

    @Test
    void cancelledJobMakesWatchExitOne() throws Exception {
        TestUser user = userWithModelAndData("mz-cancel");
        Run started = mz("finetune", "--base", user.name() + "/tiny", "--dataset", user.name() + "/patterns", "--target",
                user.name() + "/never", "--strategy", "FULL", "--epochs", "1000", "--no-early-stopping", "--token",
                user.token());
        assertThat(started.exit()).as(started.err()).isZero();
        String id = started.out().strip();
        assertThat(started.err()).contains("mz job " + id + " --watch");
        Run cancel = mz("cancel", id, "--token", user.token());
        assertThat(cancel.exit()).as(cancel.err()).isZero();
        assertThat(cancel.out()).startsWith("job " + id);
        Run watched = mz("job", id, "--watch");
        assertThat(watched.exit()).isEqualTo(ExitCodes.NO);
        assertThat(watched.out()).contains("CANCELLED");
        assertThat(mz("info", user.name() + "/never").exit()).as("nothing published").isEqualTo(ExitCodes.PROBLEM);
    }

    @Test
    void errorsUsageAndCompletion() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run unreachable = mz("search", "--url", "http://localhost:" + closed);
        assertThat(unreachable.exit()).isEqualTo(ExitCodes.IO);
        assertThat(unreachable.err()).startsWith("error: cannot reach http://localhost:" + closed);

        Run problemJson = mz("info", "nobody/nothing", "--json");
        assertThat(problemJson.exit()).isEqualTo(ExitCodes.PROBLEM);
        assertThat(problemJson.json().get("status").asInt()).isEqualTo(404);
        assertThat(problemJson.json().get("type").asText()).isEqualTo("/problems/not-found");

        assertThat(mz("info", "not-a-reference").err()).contains("is not namespace/name");
        assertThat(mz("info").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(mz("frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
        Run bare = mz();
        assertThat(bare.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("Usage: mz").contains("finetune").contains("completion");
        assertThat(bare.out()).isEmpty();
        Run help = mz("finetune", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--watch").contains("--strategy");
        Run completion = mz("completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("finetune");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
