package dev.modelzoo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelzoo.client.view.CompatibilityQuery;
import dev.modelzoo.client.view.CompatibilityReport;
import dev.modelzoo.client.view.Dataset;
import dev.modelzoo.client.view.DatasetUpload;
import dev.modelzoo.client.view.Epochs;
import dev.modelzoo.client.view.FineTuneRequest;
import dev.modelzoo.client.view.Finding;
import dev.modelzoo.client.view.Hyperparameters;
import dev.modelzoo.client.view.Job;
import dev.modelzoo.client.view.JobEvent;
import dev.modelzoo.client.view.JobStatus;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.ModelSummary;
import dev.modelzoo.client.view.Page;
import dev.modelzoo.client.view.Predictions;
import dev.modelzoo.client.view.Strategy;
import dev.modelzoo.client.view.VersionDetails;
import dev.modelzoo.testing.Api;
import dev.modelzoo.testing.AudioFixtures;
import dev.modelzoo.testing.FaultyProxy;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TestUser;
import dev.modelzoo.testing.TinyNetworks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Java client against the real test server (PostgreSQL, S3 server, DL4J): every kind of call it makes. */
@QuarkusTest
class ModelZooClientTest {

    private static final List<Integer> SHAPE = List.of(1, 8, 8);

    @TestHTTPResource("/")
    URI root;

    private ModelZooClient client(String token) {
        return ModelZooClient.builder().baseUrl(root.toString()).token(token).build();
    }

    /** A user with a published 8x8 convnet {@code <user>/tiny} (4 labels); answers the user. */
    private TestUser userWithModel(String prefix) {
        TestUser user = TestUser.create(prefix);
        Api.publish(Api.ADMIN_TOKEN, user.name(), "tiny", Api.imageMetadata(SHAPE, List.of("a", "b", "c", "d"), null),
                TinyNetworks.save(TinyNetworks.convNet(1, 8, 4, 7))).then().statusCode(201);
        return user;
    }

    @Test
    void readsTheCatalogAsTypedViews() {
        TestUser user = userWithModel("client-read");
        ModelZooClient client = client(null);
        Page<ModelSummary> page = client.search(SearchQuery.builder().optNamespace(user.name()).build());
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().get(0).reference()).isEqualTo(user.name() + "/tiny");
        assertThat(page.items().get(0).modality()).isEqualTo(Modality.IMAGE);
        assertThat(page.items().get(0).shape()).containsExactly(1, 8, 8);

        VersionDetails version = client.version(Reference.parse(user.name() + "/tiny"));
        assertThat(version.reference()).isEqualTo(user.name() + "/tiny@1");
        assertThat(version.sha256()).hasSize(64);
        assertThat(version.outputSpec().labels()).containsExactly("a", "b", "c", "d");
        assertThat(version.architecture().layers()).isNotEmpty();
        assertThat(version.inputSpec().preprocessing().get("range").get(1).asDouble()).isEqualTo(1.0);
        assertThat(client.model(Reference.parse(user.name() + "/tiny")).versions()).extracting(v -> v.version())
                .containsExactly(1);
        assertThat(client.lineage(Reference.parse(user.name() + "/tiny@1")).descendants()).isEmpty();
        assertThat(client(user.token()).whoami().name()).isEqualTo(user.name());
    }

    @Test
    void uploadsWavClipsAndPredictsFromOne() throws Exception {
        TestUser user = TestUser.create("client-audio");
        ModelZooClient client = client(user.token());
        Dataset dataset = client.uploadDataset(Reference.parse(user.name() + "/tones"), AudioFixtures.wavFolders(22_050,
                0.4, 2, "low", "high"), new DatasetUpload(Modality.AUDIO, null, null), ProgressListener.NONE);
        assertThat(dataset.format()).isEqualTo("wav-folders-zip");
        assertThat(dataset.audio().sampleRate()).isEqualTo(22_050);
        assertThat(dataset.audio().maxSeconds()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-3));
        Path wav = Files.createTempFile("clip-", ".wav");
        Files.write(wav, AudioFixtures.clip(22_050, 0.6, 0, 3));
        Predictions predictions = client.predictAudio(Reference.parse("zoo/spoken-words-cnn@1"), wav);
        assertThat(predictions.predictions()).hasSize(1);
        assertThat(predictions.predictions().get(0).top()).hasSize(5);
    }

    @Test
    void errorAnswersAreOneTypedProblem() {
        TestUser user = TestUser.create("client-problems");
        ModelZooClient client = client(user.token());
        assertThatThrownBy(() -> client.version(Reference.parse("nobody/nothing@1")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(404);
                    assertThat(problem.type()).isEqualTo("/problems/not-found");
                    assertThat(problem.title()).isEqualTo("Not found");
                    assertThat(problem.detail()).contains("nobody/nothing");
                });
        assertThatThrownBy(() -> client(null).whoami()).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(401));
        JsonNode wrongShape = ModelZooClient.readJson(Fixtures.text(".json", Api.imageMetadata(List.of(3, 8, 8),
                List.of("a", "b"), null)));
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 2, 1));
        assertThatThrownBy(() -> client.publish(Reference.parse(user.name() + "/mismatch"), artifact, wrongShape,
                ProgressListener.NONE)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.type()).isEqualTo("/problems/spec-mismatch");
                    assertThat(problem.violations()).extracting(v -> v.field()).contains("inputSpec.channels");
                });
        assertThat(client.search(SearchQuery.builder().optNamespace(user.name()).build()).total())
                .as("a rejected publish leaves nothing").isZero();
    }

    @Test
    void publishesAndUploadsWithProgress() throws Exception {
        TestUser user = TestUser.create("client-publish");
        ModelZooClient client = client(user.token());
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 2));
        AtomicLong uploaded = new AtomicLong();
        VersionDetails published = client.publish(Reference.parse(user.name() + "/mine"), artifact,
                ModelZooClient.readJson(Fixtures.text(".json", Api.imageMetadata(SHAPE, List.of("x", "y", "z"),
                        null))), (done, total) -> {
                            assertThat(total).isEqualTo(artifact.toFile().length());
                            uploaded.set(done);
                        });
        assertThat(published.reference()).isEqualTo(user.name() + "/mine@1");
        assertThat(published.sha256()).isEqualTo(ModelZooClient.sha256Of(artifact));
        assertThat(uploaded.get()).isEqualTo(Files.size(artifact));

        Dataset dataset = client.uploadDataset(Reference.parse(user.name() + "/shapes"), Fixtures.patterns(8, 6, 1),
                new DatasetUpload(Modality.IMAGE, "patterns", null), ProgressListener.NONE);
        assertThat(dataset.reference()).isEqualTo(user.name() + "/shapes@1");
        assertThat(dataset.count()).isEqualTo(18);
        assertThat(dataset.countsPerLabel()).containsEntry("top", 6);
        assertThat(client.dataset(Reference.parse(user.name() + "/shapes")).sha256()).isEqualTo(dataset.sha256());
        assertThat(client.datasets(user.name(), null, null, null).items()).extracting(Dataset::reference)
                .containsExactly(user.name() + "/shapes@1");

        CompatibilityReport fits = client.check(CompatibilityQuery.of(user.name() + "/mine", user.name() + "/shapes"));
        assertThat(fits.compatible()).isTrue();
        Dataset text = client.uploadDataset(Reference.parse(user.name() + "/words"), Fixtures.text(".jsonl",
                "{\"text\": \"hello there\", \"label\": \"greeting\"}\n{\"text\": \"bye now\", \"label\": \"bye\"}\n"),
                new DatasetUpload(Modality.TEXT, null, null), ProgressListener.NONE);
        CompatibilityReport mismatch = client.check(CompatibilityQuery.of(user.name() + "/mine", text.reference()));
        assertThat(mismatch.compatible()).isFalse();
        assertThat(mismatch.violations()).extracting(v -> v.rule()).contains("modality");
        assertThat(mismatch.violations()).filteredOn(v -> v.severity() == Finding.Severity.ERROR).isNotEmpty()
                .allSatisfy(v -> assertThat(v.suggestion()).isNotBlank());
    }

    @Test
    void publishesATfjsModelAndDownloadsBothTheConvertedNetworkAndTheUpload() throws Exception {
        TestUser user = TestUser.create("client-import");
        ModelZooClient client = client(user.token());
        Path upload = dev.modelzoo.testing.ImportFixtures.file("tiny_mlp.tfjs.zip");
        VersionDetails published = client.publish(Reference.parse(user.name() + "/mlp"), upload,
                ModelZooClient.readJson(Fixtures.text(".json", "{\"inputSpec\": {\"modality\": \"TABULAR\","
                        + " \"shape\": [8]}, \"outputSpec\": {\"task\": \"CLASSIFICATION\", \"labels\": [\"x\","
                        + " \"y\", \"z\"]}}")), ProgressListener.NONE);
        assertThat(published.source().format()).isEqualTo("TFJS_LAYERS");
        assertThat(published.source().imported()).isTrue();
        assertThat(published.source().sha256()).isEqualTo(ModelZooClient.sha256Of(upload));
        Path dir = Files.createTempDirectory("client-import");
        Download source = client.downloadSource(published, dir.resolve("mlp.tfjs.zip"), ProgressListener.NONE);
        assertThat(Files.readAllBytes(source.file())).isEqualTo(Files.readAllBytes(upload));
        Download artifact = client.download(published, dir.resolve("mlp.zip"), ProgressListener.NONE);
        assertThat(artifact.sha256()).isEqualTo(published.sha256()).isNotEqualTo(source.sha256());
        VersionDetails plain = client.version(Reference.parse(userWithModel("client-plain").name() + "/tiny"));
        assertThat(plain.source().format()).isEqualTo("DL4J");
        assertThatThrownBy(() -> client.downloadSource(plain, dir.resolve("none"), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downloadsAreVerifiedAndResumed() throws Exception {
        TestUser user = userWithModel("client-download");
        ModelZooClient client = client(null);
        Reference model = Reference.parse(user.name() + "/tiny");
        VersionDetails version = client.version(model);
        Path dir = Files.createTempDirectory("client-download");
        Path whole = dir.resolve("whole.zip");

        Download first = client.download(model, whole, ProgressListener.NONE);
        assertThat(first.sha256()).isEqualTo(version.sha256());
        assertThat(ModelZooClient.sha256Of(whole)).isEqualTo(version.sha256());
        assertThat(first.resumedFrom()).isZero();

        byte[] bytes = Files.readAllBytes(whole);
        Path resumed = dir.resolve("resumed.zip");
        Files.write(dir.resolve("resumed.zip.part"), Arrays.copyOf(bytes, bytes.length / 2));
        Download second = client.download(model, resumed, ProgressListener.NONE);
        assertThat(second.resumedFrom()).isEqualTo(bytes.length / 2);
        assertThat(Files.readAllBytes(resumed)).isEqualTo(bytes);
        assertThat(dir.resolve("resumed.zip.part")).doesNotExist();

        // a part that is not the artifact's beginning fails the digest and is fetched again from the start
        Path repaired = dir.resolve("repaired.zip");
        Files.write(dir.resolve("repaired.zip.part"), new byte[bytes.length / 3]);
        Download third = client.download(model, repaired, ProgressListener.NONE);
        assertThat(third.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(repaired)).isEqualTo(bytes);

        // bytes that do not match the published digest are never kept
        Transport transport = new Transport(root, null, Duration.ofSeconds(5), Duration.ofSeconds(30), "test");
        Path rejected = dir.resolve("rejected.zip");
        assertThatThrownBy(() -> new ArtifactDownloader(transport, Duration.ofSeconds(30)).download(version.reference(), "/models/"
                + user.name() + "/tiny/versions/1/artifact", "0".repeat(64), version.sizeBytes(), rejected,
                ProgressListener.NONE)).isInstanceOfSatisfying(IntegrityException.class,
                        e -> assertThat(e.actual()).isEqualTo(version.sha256()));
        assertThat(rejected).doesNotExist();
        assertThat(dir.resolve("rejected.zip.part")).doesNotExist();
    }

    @Test
    void followsAJobThroughItsEventStream() {
        TestUser user = userWithModel("client-events");
        ModelZooClient client = client(user.token());
        client.uploadDataset(Reference.parse(user.name() + "/patterns"), Fixtures.patterns(8, 15, 3),
                new DatasetUpload(Modality.IMAGE, null, null), ProgressListener.NONE);
        Job created = client.startFineTune(FineTuneRequest.builder(user.name() + "/tiny", user.name() + "/patterns",
                user.name() + "/derived").optStrategy(Strategy.HEAD_ONLY)
                .optHyperparameters(new Hyperparameters(Epochs.parse(4), 8, null, 1L, null, null, null)).build());
        assertThat(created.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);

        List<JobEvent> seen = new ArrayList<>();
        Job done = client.watch(created.id(), seen::add);
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo(user.name() + "/derived@1");
        assertThat(done.evaluation().count()).isPositive();
        assertThat(seen.get(0).type()).isEqualTo(JobEvent.Type.STATE);
        assertThat(seen.get(0).data().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(seen).filteredOn(e -> e.type() == JobEvent.Type.EPOCH).isNotEmpty()
                .allSatisfy(e -> assertThat(e.data().epochs()).isPositive());
        assertThat(seen.get(seen.size() - 1).data().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen).extracting(JobEvent::id).isSorted().doesNotHaveDuplicates();

        // the iterator replays the same events, and resumes after a given one
        List<JobEvent> replayed = new ArrayList<>();
        try (EventStream stream = client.events(created.id(), 0)) {
            stream.forEachRemaining(replayed::add);
        }
        assertThat(replayed).extracting(JobEvent::id).isEqualTo(seen.stream().map(JobEvent::id).toList());
        try (EventStream stream = client.events(created.id(), seen.get(1).id())) {
            assertThat(stream.next().id()).isEqualTo(seen.get(2).id());
        }
        assertThat(client.jobs(JobStatus.SUCCEEDED, 0, 100).items()).extracting(Job::id).contains(created.id());
        assertThat(client.lineage(Reference.parse(user.name() + "/tiny@1")).descendants())
                .extracting(node -> node.reference()).containsExactly(user.name() + "/derived@1");
    }

    @Test
    void watchResumesAfterDroppedConnectionsWithoutRepeatingAnEvent() throws Exception {
        TestUser user = userWithModel("client-reconnect");
        client(user.token()).uploadDataset(Reference.parse(user.name() + "/patterns"), Fixtures.patterns(8, 15, 3),
                new DatasetUpload(Modality.IMAGE, null, null), ProgressListener.NONE);
        try (FaultyProxy proxy = new FaultyProxy(FaultyProxy.Mode.FORWARD)) {
            proxy.forwardTo(root.getPort());
            ModelZooClient viaProxy = ModelZooClient.builder().baseUrl("http://127.0.0.1:" + proxy.port())
                    .token(user.token()).build();
            Job created = viaProxy.startFineTune(FineTuneRequest.builder(user.name() + "/tiny",
                    user.name() + "/patterns", user.name() + "/derived").optStrategy(Strategy.FULL)
                    .optHyperparameters(new Hyperparameters(Epochs.parse(40), 4, null, 1L, null, null, null))
                    .build());
            List<JobEvent> seen = new ArrayList<>();
            AtomicInteger cuts = new AtomicInteger();
            Job done = viaProxy.watch(created.id(), event -> {
                seen.add(event);
                if (seen.size() % 10 == 0 && cuts.get() < 3) {
                    cuts.incrementAndGet();
                    proxy.cut();
                }
            });
            assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(cuts.get()).isEqualTo(3);
            List<Long> all = new ArrayList<>();
            try (EventStream stream = client(null).events(created.id(), 0)) {
                stream.forEachRemaining(event -> all.add(event.id()));
            }
            assertThat(seen).extracting(JobEvent::id).as("every event once, in order").isEqualTo(all);
        }
    }

    @Test
    void aStalledDownloadIsCutAtTheIdleLimitAndResumesLater() throws Exception {
        TestUser user = TestUser.create("client-stall");
        Api.publish(Api.ADMIN_TOKEN, user.name(), "wide", Api.imageMetadata(List.of(1, 28, 28), List.of("a", "b"),
                null), TinyNetworks.save(TinyNetworks.convNet(1, 28, 2, 7))).then().statusCode(201);
        VersionDetails version = client(null).version(Reference.parse(user.name() + "/wide@1"));
        assertThat(version.sizeBytes()).as("big enough to stall in the middle").isGreaterThan(16_384);
        Path target = Files.createTempDirectory("client-stall").resolve("tiny.zip");
        String path = "/models/" + user.name() + "/wide/versions/1/artifact";
        try (FaultyProxy proxy = new FaultyProxy(FaultyProxy.Mode.FORWARD)) {
            proxy.forwardTo(root.getPort());
            proxy.stallAfter(4_096);
            Transport viaProxy = new Transport(URI.create("http://127.0.0.1:" + proxy.port()), null,
                    Duration.ofSeconds(5), Duration.ofSeconds(30), "test");
            ArtifactDownloader downloader = new ArtifactDownloader(viaProxy, Duration.ofSeconds(1));
            Instant start = Instant.now();
            AtomicLong received = new AtomicLong();
            assertThatThrownBy(() -> downloader.download(version.reference(), path, version.sha256(),
                    version.sizeBytes(), target, (done, total) -> received.set(done)))
                    .as("received %s", received).isExactlyInstanceOf(ClientException.class)
                    .hasMessageContaining("no data for 1 s").hasMessageContaining("run it again to resume");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            Path part = target.resolveSibling("tiny.zip.part");
            long kept = Files.size(part);
            assertThat(kept).isPositive().isLessThan(version.sizeBytes()).isEqualTo(received.get());
            assertThat(target).doesNotExist();

            proxy.stallAfter(-1);
            Download resumed = downloader.download(version.reference(), path, version.sha256(), version.sizeBytes(),
                    target, ProgressListener.NONE);
            assertThat(resumed.resumedFrom()).isEqualTo(kept);
            assertThat(ModelZooClient.sha256Of(target)).isEqualTo(version.sha256());
        }
    }

    @Test
    void unreachableAndSilentServersAreClientErrorsWithinTheTimeouts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelZooClient unreachable = ModelZooClient.builder().baseUrl("http://localhost:" + closedPort).build();
        assertThatThrownBy(() -> unreachable.search(SearchQuery.all())).isExactlyInstanceOf(ClientException.class)
                .hasMessageContaining("cannot reach");

        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ModelZooClient slow = ModelZooClient.builder().baseUrl("http://localhost:" + silent.getLocalPort())
                    .requestTimeout(Duration.ofMillis(500)).build();
            Instant start = Instant.now();
            assertThatThrownBy(() -> slow.search(SearchQuery.all())).isExactlyInstanceOf(ClientException.class)
                    .hasMessageContaining("no answer");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
        assertThatThrownBy(() -> ModelZooClient.builder().baseUrl("ftp://x")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
