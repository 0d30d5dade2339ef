package dev.modelzoo.bench;

import static io.restassured.RestAssured.given;

import dev.modelzoo.dataset.DatasetInspector;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.it.AppProcess;
import dev.modelzoo.ml.EvaluationResult;
import dev.modelzoo.ml.Evaluator;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Split;
import dev.modelzoo.spec.Modality;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Transfer to the held-out MNIST digits 5-9: zoo/fashion-lenet and zoo/digits-0-4-lenet fine-tuned with N images
 * per class through the real job system (queue to published), evaluated on the 1,000 held-out test digits, each
 * configuration followed at once by the PyTorch peer on the same training examples, architecture, base weights,
 * epochs and batch size. Prints every run, then means over seeds with our/PyTorch ratios.
 *
 * <p>Run with {@code src/scripts/bench-transfer.sh [--bases a,b] [--n 10,50,100] [--seeds 1,2,3]}.
 */
public final class TransferBenchmark {

    private static final List<Integer> DIGITS = List.of(5, 6, 7, 8, 9);
    private static final String ADMIN = "mzt_bench-admin";
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 1e-3;
    private static final double VALIDATION = 0.2;

    private final Map<String, String> options;
    private final ReferenceData data = new ReferenceData(Path.of("data/datasets"));
    private final Path work;
    private final List<Run> runs = new ArrayList<>();
    private AppProcess app;
    private String token;

    /** One measured run: ours or the peer's. */
    record Run(String base, int n, int seed, String strategy, String system, double accuracy, double seconds) {
    }

    private TransferBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("modelzoo-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new TransferBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (!data.present()) {
            throw new IllegalStateException("Run src/scripts/fetch-datasets.sh first");
        }
        List<String> bases = List.of(options.getOrDefault("bases", "fashion-lenet,digits-0-4-lenet").split(","));
        List<Integer> sizes = ints(options.getOrDefault("n", "10,50,100"));
        List<Integer> seeds = ints(options.getOrDefault("seeds", "1,2,3"));
        List<String> strategies = List.of(options.getOrDefault("strategies", "HEAD_ONLY,FULL,AUTO,BASELINE")
                .split(","));
        ImageSet testSet = data.digitsTest(DIGITS);
        LabeledData test = LabeledData.of(testSet.images(), testSet.labels(), 5, 1, 28, 28);
        Path testFiles = PeerData.writeImages(work.resolve("test"), testSet.images(), testSet.labels());
        startServer();
        System.out.printf(Locale.ROOT, "%-17s %4s %4s %-9s %-7s %8s %8s%n", "base", "N", "seed", "strategy",
                "system", "test acc", "seconds");
        for (String base : bases) {
            Path baseArtifact = download("/api/v1/models/zoo/" + base + "/versions/1/artifact");
            Path weights = PeerData.writeWeights(work.resolve("weights-" + base), baseArtifact);
            for (int n : sizes) {
                for (int seed : seeds) {
                    String dataset = uploadSample(n, seed);
                    Prepared prepared = prepare(n, seed);
                    int epochs = epochsFor(prepared.split().train().length);
                    for (String strategy : strategies) {
                        Run ours = strategy.equals("BASELINE") ? baseline(base, n, seed, baseArtifact, prepared,
                                epochs, test) : job(base, n, seed, strategy, dataset, epochs, test);
                        print(ours);
                        if (!strategy.equals("AUTO")) {
                            print(Peer.run(base, n, seed, strategy, prepared.trainFiles(), testFiles, weights,
                                    epochs, BATCH, LEARNING_RATE));
                        }
                    }
                }
            }
        }
        app.close();
        Report.print(runs);
    }

    private void print(Run run) {
        runs.add(run);
        System.out.printf(Locale.ROOT, "%-17s %4d %4d %-9s %-7s %8.4f %8.2f%n", run.base(), run.n(), run.seed(),
                run.strategy(), run.system(), run.accuracy(), run.seconds());
    }

    /** The experiment's equal-compute budget: about 200 Adam updates, at least 3 epochs. */
    static int epochsFor(int trainExamples) {
        int batches = (trainExamples + BATCH - 1) / BATCH;
        return Math.max(3, (200 + batches - 1) / batches);
    }

    private Run job(String base, int n, int seed, String strategy, String dataset, int epochs, LabeledData test)
            throws Exception {
        String target = "bench/" + base + "-n" + n + "-s" + seed + "-" + strategy.toLowerCase(Locale.ROOT)
                .replace('_', '-');
        long start = System.nanoTime();
        String id = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(String.format(Locale.ROOT, "{\"base\": \"zoo/%s@1\", \"dataset\": \"%s\", \"target\": \"%s\","
                        + " \"strategy\": \"%s\", \"hyperparameters\": {\"epochs\": %d, \"batchSize\": %d,"
                        + " \"learningRate\": %s, \"seed\": %d, \"validationFraction\": %s}}", base, dataset, target,
                        strategy, epochs, BATCH, LEARNING_RATE, seed, VALIDATION))
                .post("/api/v1/fine-tunes").then().statusCode(202).extract().path("id");
        JsonPath job;
        do {
            Thread.sleep(50);
            job = given().baseUri(app.baseUri()).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
        } while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!job.getString("status").equals("SUCCEEDED")) {
            throw new IllegalStateException("job " + id + ": " + job.getString("error"));
        }
        LoadedNetwork derived = NetworkLoader.load(download("/api/v1/models/" + job.getString("result")
                .replace("@", "/versions/") + "/artifact"), Long.MAX_VALUE);
        String label = strategy.equals("AUTO") ? "AUTO>" + job.getString("decision.chosen").charAt(0) : strategy;
        return new Run(base, n, seed, label, "dl4j", Evaluator.evaluate(derived, test).accuracy(), seconds);
    }

    /** The from-scratch baseline, in process with the job's own code path (the job reports it on validation only). */
    private Run baseline(String base, int n, int seed, Path baseArtifact, Prepared prepared, int epochs,
            LabeledData test) {
        long start = System.nanoTime();
        FineTuner.Outcome outcome = FineTuner.scratch(NetworkLoader.load(baseArtifact, Long.MAX_VALUE).multiLayer(),
                prepared.all(), prepared.split(), new FineTuner.Settings(epochs, BATCH, LEARNING_RATE, seed),
                "baseline", FineTuneProgress.SILENT);
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationResult result = Evaluator.evaluate(new LoadedNetwork(outcome.network()), test);
        return new Run(base, n, seed, "BASELINE", "dl4j", result.accuracy(), seconds);
    }

    /** The sample exactly as a job sees it: same file, same example order, same seeded split. */
    record Prepared(LabeledData all, Split split, Path trainFiles) {
    }

    private Prepared prepare(int n, int seed) throws IOException {
        Path zip = sampleZip(n, seed);
        List<float[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        DatasetInspector.inspect(zip, Modality.IMAGE, null, new Limits(1L << 31, 1_000_000), example -> {
            rows.add(example.values());
            labels.add(example.label());
        });
        List<String> names = DIGITS.stream().map(String::valueOf).toList();
        int[] indices = labels.stream().mapToInt(names::indexOf).toArray();
        LabeledData all = LabeledData.of(rows.toArray(float[][]::new), indices, 5, 1, 28, 28);
        Split split = Split.stratified(indices, 5, VALIDATION, seed);
        float[][] trainRows = new float[split.train().length][];
        int[] trainLabels = new int[split.train().length];
        for (int i = 0; i < trainRows.length; i++) {
            trainRows[i] = rows.get(split.train()[i]);
            trainLabels[i] = indices[split.train()[i]];
        }
        return new Prepared(all, split, PeerData.writeImages(work.resolve("train-n" + n + "-s" + seed), trainRows,
                trainLabels));
    }

    private Path sampleZip(int n, int seed) throws IOException {
        Path zip = work.resolve("digits-5-9-n" + n + "-s" + seed + ".zip");
        if (!Files.exists(zip)) {
            ImageSet sample = data.digitsSample(DIGITS, n, seed);
            PeerData.writeZip(zip, sample);
        }
        return zip;
    }

    private String uploadSample(int n, int seed) throws IOException {
        String name = "digits-5-9-n" + n + "-s" + seed;
        var response = given().baseUri(app.baseUri()).get("/api/v1/datasets/bench/" + name);
        if (response.statusCode() == 200) {
            return "bench/" + name;
        }
        given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", sampleZip(n, seed).toFile())
                .post("/api/v1/datasets/bench/" + name).then().statusCode(201);
        return "bench/" + name;
    }

    private void startServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MODELZOO_DATA_DIR", work.resolve("server").toString());
        environment.put("MODELZOO_ADMIN_TOKEN", ADMIN);
        environment.put("OMP_NUM_THREADS", options.getOrDefault("threads", "2"));
        app = AppProcess.start("bench-server", port, environment, "4g");
        app.awaitReady(Duration.ofMinutes(5));
        token = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + ADMIN)
                .contentType("application/json").body(Map.of("name", "bench")).post("/api/v1/users").then()
                .statusCode(201).extract().path("token");
    }

    private Path download(String path) throws IOException {
        Path file = Files.createTempFile(work, "artifact-", ".zip");
        Files.write(file, given().baseUri(app.baseUri()).get(path).then().statusCode(200).extract().asByteArray());
        return file;
    }

    private static List<Integer> ints(String csv) {
        return List.of(csv.split(",")).stream().map(String::trim).map(Integer::valueOf).collect(Collectors.toList());
    }
}
