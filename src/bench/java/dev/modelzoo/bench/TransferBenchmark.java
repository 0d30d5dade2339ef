package dev.modelzoo.bench;

import static io.restassured.RestAssured.given;

import dev.modelzoo.dataset.DatasetInspector;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.it.AppProcess;
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

/**
 * The transfer benchmark through the real job system: the zoo's bases fine-tuned to handwritten digits 0-9 and 5-9
 * (the held-out 200 test images per digit, uploaded as the jobs' {@code testDataset}, never trained on) with N
 * images per class, every strategy with DEFAULT settings (no epochs given), the from-scratch baseline, several
 * seeds; each DL4J job (timed queue to published) is followed at once by the PyTorch peer with the same recipe,
 * base weights, examples and split. Prints every run, then the table and the targets ({@link Report}).
 *
 * <p>{@code src/scripts/bench-transfer.sh [--bases a,b] [--tasks 0-9,5-9] [--n 5,10,20,50] [--seeds 1,2,3]
 * [--strategies HEAD_ONLY,FREEZE_FEATURES,FULL,AUTO,SCRATCH] [--threads 2] [--peer true]}
 */
public final class TransferBenchmark {

    static final String ADMIN = "mzt_bench-admin";
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 1e-3;
    private static final double VALIDATION = 0.2;
    private static final Duration JOB_LIMIT = Duration.ofMinutes(30);

    private final Map<String, String> options;
    private final ReferenceData data = new ReferenceData(Path.of("data/datasets"));
    private final Path work;
    private final List<Run> runs = new ArrayList<>();
    private AppProcess app;
    private String token;

    /** One measured run: ours or the peer's; {@code chosen} is AUTO's choice, {@code detail} the job's timings. */
    record Run(String base, String task, int n, int seed, String strategy, String system, double accuracy,
            double seconds, String chosen, String detail) {

        Run(String base, String task, int n, int seed, String strategy, String system, double accuracy,
                double seconds, String chosen) {
            this(base, task, n, seed, strategy, system, accuracy, seconds, chosen, "");
        }
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
        if (options.containsKey("report")) {
            Report.print(parse(options.get("report")));
        } else {
            new TransferBenchmark(options).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        if (!data.present()) {
            throw new IllegalStateException("Run src/scripts/fetch-datasets.sh first");
        }
        List<String> bases = list("bases", "letters-lenet,fashion-lenet,digits-0-4-lenet");
        List<String> tasks = list("tasks", "0-9,5-9");
        List<Integer> sizes = list("n", "5,10,20,50").stream().map(Integer::valueOf).toList();
        List<Integer> seeds = list("seeds", "1,2,3").stream().map(Integer::valueOf).toList();
        List<String> strategies = list("strategies", "HEAD_ONLY,FREEZE_FEATURES,FULL,AUTO,SCRATCH");
        boolean peer = Boolean.parseBoolean(options.getOrDefault("peer", "true"));
        String threads = options.getOrDefault("threads", "2");
        startServer(threads);
        Map<String, Path> weights = new LinkedHashMap<>();
        for (String base : bases) {
            Path artifact = download("/api/v1/models/zoo/" + base + "/versions/1/artifact");
            weights.put(base, PeerData.writeWeights(work.resolve("weights-" + base), artifact));
        }
        warmUp(bases.get(0));
        System.out.printf(Locale.ROOT, "%-17s %-4s %3s %4s %-15s %-7s %8s %8s %-15s %s%n", "base", "task", "N",
                "seed", "strategy", "system", "test acc", "seconds", "chosen", "detail");
        for (String task : tasks) {
            List<Integer> digits = digits(task);
            ImageSet testSet = data.digitsTest(digits);
            String testDataset = upload("digits-" + task + "-test", testSet);
            for (int n : sizes) {
                for (int seed : seeds) {
                    ImageSet sample = data.digitsSample(digits, n, seed);
                    String dataset = upload("digits-" + task + "-n" + n + "-s" + seed, sample);
                    Path peerData = peerData(task, n, seed, sample, testSet, digits.size());
                    for (String base : bases) {
                        for (String strategy : strategies) {
                            boolean scratch = strategy.equals("SCRATCH");
                            if (scratch && !base.equals(bases.get(0))) {
                                continue;   // the baseline does not depend on the base: one per sample
                            }
                            print(job(scratch ? "(scratch)" : base, base, task, n, seed, strategy, dataset,
                                    testDataset));
                            if (peer && !strategy.equals("AUTO")) {
                                double[] result = Peer.run(strategy, peerData, weights.get(base), digits.size(),
                                        BATCH, LEARNING_RATE, seed, threads);
                                print(new Run(scratch ? "(scratch)" : base, task, n, seed, strategy, "pytorch",
                                        result[0], result[1], null));
                            }
                        }
                    }
                }
            }
        }
        app.close();
        Report.print(runs);
    }

    /**
     * The runs printed by earlier benchmark invocations ({@code --report a.log,b.log}), so that an interrupted run
     * can be completed with only the missing configurations and reported as one; a later file's run of the same
     * configuration replaces an earlier one.
     */
    static List<Run> parse(String files) throws IOException {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String file : files.split(",")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] t = line.trim().split("\\s+", 10);
                if (t.length < 8 || !t[2].matches("\\d+") || !t[6].matches("[0-9.]+")) {
                    continue;   // header, table or log lines
                }
                boolean chosen = t.length > 8 && t[8].matches("HEAD_ONLY|FREEZE_FEATURES|FULL");
                String rest = t.length > 8 ? (chosen ? (t.length > 9 ? t[9] : "") : t[8] + (t.length > 9 ? " " + t[9]
                        : "")) : "";
                Run run = new Run(t[0], t[1], Integer.parseInt(t[2]), Integer.parseInt(t[3]), t[4], t[5],
                        Double.parseDouble(t[6]), Double.parseDouble(t[7]), chosen ? t[8] : null, rest);
                runs.put(String.join("|", t[0], t[1], t[2], t[3], t[4], t[5]), run);
            }
        }
        return new ArrayList<>(runs.values());
    }

    private void print(Run run) {
        runs.add(run);
        printRun(run);
    }

    /** One run as a line that {@link #parse} reads back. */
    static void printRun(Run run) {
        System.out.printf(Locale.ROOT, "%-17s %-4s %3d %4d %-15s %-7s %8.4f %8.2f %-15s %s%n", run.base(), run.task(),
                run.n(), run.seed(), run.strategy(), run.system(), run.accuracy(), run.seconds(),
                run.chosen() == null ? "" : run.chosen(), run.detail());
    }

    /** One job with default hyperparameters (only the seed is set); SCRATCH is the baseline of a HEAD_ONLY job. */
    private Run job(String label, String base, String task, int n, int seed, String strategy, String dataset,
            String testDataset) throws Exception {
        return job(app, token, label, base, task, n, seed, strategy, dataset, testDataset);
    }

    /** One job on {@code app} as the user of {@code token}; shared with the audio benchmark. */
    static Run job(AppProcess app, String token, String label, String base, String task, int n, int seed,
            String strategy, String dataset, String testDataset) throws Exception {
        boolean scratch = strategy.equals("SCRATCH");
        String target = "bench/" + base + "-" + task + "-n" + n + "-s" + seed + "-"
                + strategy.toLowerCase(Locale.ROOT).replace('_', '-');
        long start = System.nanoTime();
        String id = given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("base", "zoo/" + base + "@1", "dataset", dataset, "testDataset", testDataset,
                        "target", target, "strategy", scratch ? "HEAD_ONLY" : strategy, "baseline", scratch,
                        "hyperparameters", Map.of("seed", seed)))
                .post("/api/v1/fine-tunes").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
        JsonPath job;
        do {
            // a poll serialises the whole job (every epoch of every stage): often enough for timing, rarely enough
            // not to take the CPU from the job it times
            Thread.sleep(200);
            job = given().baseUri(app.baseUri()).get("/api/v1/fine-tunes/" + id).then().extract().jsonPath();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + id + " did not finish within " + JOB_LIMIT);
            }
        } while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("status")));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!job.getString("status").equals("SUCCEEDED")) {
            throw new IllegalStateException("job " + id + ": " + job.getString("error"));
        }
        String detail = "timings " + job.getMap("timings") + " stages " + job.getList("training.summary");
        if (scratch) {
            return new Run(label, task, n, seed, strategy, "dl4j", job.getDouble("baseline.test.accuracy"),
                    job.getDouble("timings.baseline"), null, "baseline " + job.getString("baseline.training"));
        }
        return new Run(label, task, n, seed, strategy, "dl4j", job.getDouble("test.accuracy"), seconds,
                strategy.equals("AUTO") ? job.getString("decision.chosen") : null, detail);
    }

    /** One unmeasured FULL job first, so that no measured job pays for the JVM's and ND4J's warm-up. */
    private void warmUp(String base) throws Exception {
        ImageSet sample = data.digitsSample(List.of(5, 6, 7, 8, 9), 10, 99);
        String dataset = upload("warm-up", sample);
        job("(warm-up)", base, "5-9", 10, 99, "FULL", dataset, dataset);
    }

    /** The train and validation examples exactly as the job splits them (same file order, same seeded split). */
    private Path peerData(String task, int n, int seed, ImageSet sample, ImageSet test, int classes)
            throws IOException {
        Path zip = work.resolve("sample-" + task + "-n" + n + "-s" + seed + ".zip");
        PeerData.writeZip(zip, sample);
        List<float[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> sorted = DatasetInspector.inspect(zip, Modality.IMAGE, null, new Limits(1L << 31, 1_000_000),
                example -> {
                    rows.add(example.values());
                    labels.add(example.label());
                }).labels();
        int[] indices = labels.stream().mapToInt(sorted::indexOf).toArray();
        Split split = Split.stratified(indices, classes, VALIDATION, seed);
        Path dir = work.resolve("peer-" + task + "-n" + n + "-s" + seed);
        write(dir.resolve("train"), rows, indices, split.train());
        write(dir.resolve("validation"), rows, indices, split.validation());
        int[] testLabels = new int[test.size()];
        for (int i = 0; i < testLabels.length; i++) {
            testLabels[i] = sorted.indexOf(test.labelNames().get(test.labels()[i]));
        }
        PeerData.writeImages(dir.resolve("test"), test.images(), testLabels);
        return dir;
    }

    private static void write(Path dir, List<float[]> rows, int[] labels, int[] picked) throws IOException {
        float[][] x = new float[picked.length][];
        int[] y = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            x[i] = rows.get(picked[i]);
            y[i] = labels[picked[i]];
        }
        PeerData.writeImages(dir, x, y);
    }

    private String upload(String name, ImageSet set) throws IOException {
        Path zip = work.resolve(name + ".zip");
        PeerData.writeZip(zip, set);
        given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                .multiPart("file", zip.toFile())
                .post("/api/v1/datasets/bench/" + name).then().statusCode(201);
        return "bench/" + name;
    }

    private void startServer(String threads) throws Exception {
        app = startServer("bench-server", work.resolve("server"), threads, "4g");
        token = benchUser(app);
    }

    /** The packaged server on a free port with the embedded default in {@code dataDir}, ready. */
    static AppProcess startServer(String name, Path dataDir, String threads, String heap) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MODELZOO_DATA_DIR", dataDir.toString());
        environment.put("MODELZOO_ADMIN_TOKEN", ADMIN);
        environment.put("OMP_NUM_THREADS", threads);
        AppProcess server = AppProcess.start(name, port, environment, heap);
        server.awaitReady(Duration.ofMinutes(5));
        return server;
    }

    /** Creates the user {@code bench} and answers its token. */
    static String benchUser(AppProcess server) {
        return given().baseUri(server.baseUri()).header("Authorization", "Bearer " + ADMIN)
                .contentType("application/json").body(Map.of("name", "bench")).post("/api/v1/users").then()
                .statusCode(201).extract().path("token");
    }

    private Path download(String path) throws IOException {
        Path file = Files.createTempFile(work, "artifact-", ".zip");
        Files.write(file, given().baseUri(app.baseUri()).get(path).then().statusCode(200).extract().asByteArray());
        return file;
    }

    static List<Integer> digits(String task) {
        return task.equals("5-9") ? List.of(5, 6, 7, 8, 9) : List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    private List<String> list(String key, String defaults) {
        return List.of(options.getOrDefault(key, defaults).split(",")).stream().map(String::trim).toList();
    }
}
