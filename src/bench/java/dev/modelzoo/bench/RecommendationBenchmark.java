package dev.modelzoo.bench;

import static io.restassured.RestAssured.given;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.it.AppProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Does the ranking pick the base that fine-tunes best? For every sample of the transfer benchmark (the same digits,
 * N per class and seeds, {@code ReferenceData.digitsSample}) the packaged server ranks the zoo's bases (cold: first
 * request; warm: the same request again), and the ranking is compared with the held-out accuracies the transfer
 * benchmark measured for those very samples ({@code src/bench/transfer-runs.txt}) under HEAD_ONLY,
 * FREEZE_FEATURES and AUTO. Prints each ranking, the hit rate (the top-ranked base is the best fine-tuned base or
 * within 1 point of it), Kendall's tau between score and fine-tuned accuracy, and the cold and warm seconds.
 *
 * <p>{@code src/scripts/bench-recommend.sh [--tasks 0-9,5-9] [--n 5,10,20,50] [--seeds 1,2,3]
 * [--runs src/bench/transfer-runs.txt]}
 */
public final class RecommendationBenchmark {

    private static final List<String> STRATEGIES = List.of("HEAD_ONLY", "FREEZE_FEATURES", "AUTO");

    private final Map<String, String> options;
    private final ReferenceData data = new ReferenceData(Path.of("data/datasets"));
    private AppProcess app;
    private String token;

    /** One ranked sample: the base scores (zoo name to probe accuracy) and the cold and warm seconds. */
    record Ranked(String task, int n, int seed, Map<String, Double> scores, double cold, double warm) {
        String top() {
            return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    private RecommendationBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new RecommendationBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<String> tasks = list("tasks", "0-9,5-9");
        List<Integer> sizes = list("n", "5,10,20,50").stream().map(Integer::valueOf).toList();
        List<Integer> seeds = list("seeds", "1,2,3").stream().map(Integer::valueOf).toList();
        List<TransferBenchmark.Run> fineTuned = TransferBenchmark.parse(options.getOrDefault("runs",
                "src/bench/transfer-runs.txt"));
        Path work = Files.createTempDirectory("modelzoo-bench-recommend-");
        startServer(work);
        List<Ranked> ranked = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-4s %3s %4s %-60s %7s %7s%n", "task", "N", "seed",
                "probe score per base (best first)", "cold s", "warm s");
        for (String task : tasks) {
            for (int n : sizes) {
                for (int seed : seeds) {
                    ImageSet sample = data.digitsSample(TransferBenchmark.digits(task), n, seed);
                    String name = "digits-" + task + "-n" + n + "-s" + seed;
                    Path zip = work.resolve(name + ".zip");
                    PeerData.writeZip(zip, sample);
                    given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                            .multiPart("metadata", "{\"modality\": \"IMAGE\"}", "application/json")
                            .multiPart("file", zip.toFile()).post("/api/v1/datasets/bench/" + name).then()
                            .statusCode(201);
                    long start = System.nanoTime();
                    JsonPath cold = rank("bench/" + name);
                    double coldSeconds = (System.nanoTime() - start) / 1e9;
                    start = System.nanoTime();
                    rank("bench/" + name);
                    double warmSeconds = (System.nanoTime() - start) / 1e9;
                    Map<String, Double> scores = new LinkedHashMap<>();
                    for (Map<String, Object> item : cold.<Map<String, Object>>getList("items")) {
                        String base = ((String) item.get("base")).replaceFirst("^zoo/", "").replaceFirst("@\\d+$",
                                "");
                        scores.put(base, ((Number) item.get("score")).doubleValue());
                    }
                    Ranked row = new Ranked(task, n, seed, scores, coldSeconds, warmSeconds);
                    ranked.add(row);
                    System.out.printf(Locale.ROOT, "%-4s %3d %4d %-60s %7.2f %7.2f%n", task, n, seed,
                            scores.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(),
                                    e.getValue())).collect(Collectors.joining(", ")), coldSeconds, warmSeconds);
                }
            }
        }
        app.close();
        report(ranked, fineTuned, tasks, sizes, seeds);
    }

    static void report(List<Ranked> ranked, List<TransferBenchmark.Run> fineTuned, List<String> tasks,
            List<Integer> sizes, List<Integer> seeds) {
        System.out.println();
        System.out.println("Per (task, N, strategy): mean probe score and mean fine-tuned held-out accuracy over"
                + " the seeds; hit = the top-ranked base is the best fine-tuned one or within 1 point of it");
        int cells = 0;
        int hits = 0;
        double tauSum = 0;
        int sampleCells = 0;
        int sampleHits = 0;
        for (String strategy : STRATEGIES) {
            for (String task : tasks) {
                for (int n : sizes) {
                    List<Ranked> rows = ranked.stream().filter(r -> r.task().equals(task) && r.n() == n).toList();
                    Map<String, Double> meanScore = mean(rows.stream().map(Ranked::scores).toList());
                    Map<String, Double> meanAccuracy = new LinkedHashMap<>();
                    for (String base : meanScore.keySet()) {
                        List<Double> values = fineTuned.stream().filter(r -> r.system().equals("dl4j")
                                && r.base().equals(base) && r.task().equals(task) && r.n() == n
                                && r.strategy().equals(strategy) && seeds.contains(r.seed()))
                                .map(TransferBenchmark.Run::accuracy).toList();
                        if (!values.isEmpty()) {
                            meanAccuracy.put(base, values.stream().mapToDouble(Double::doubleValue).average()
                                    .orElseThrow());
                        }
                    }
                    if (meanAccuracy.size() < 2) {
                        continue;
                    }
                    meanScore.keySet().retainAll(meanAccuracy.keySet());
                    String top = meanScore.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                            .getKey();
                    double best = meanAccuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                    boolean hit = meanAccuracy.get(top) >= best - 0.01;
                    double tau = kendall(meanScore, meanAccuracy);
                    cells++;
                    hits += hit ? 1 : 0;
                    tauSum += tau;
                    System.out.printf(Locale.ROOT, "%-15s %-4s %3d  top %-16s fine-tuned %s  tau %+.2f %s%n",
                            strategy, task, n, top, meanAccuracy.entrySet().stream().map(e -> String.format(
                                    Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).collect(Collectors.joining(
                                            ", ")), tau, hit ? "hit" : "MISS");
                    for (Ranked row : rows) {
                        Map<String, Double> accuracy = new LinkedHashMap<>();
                        fineTuned.stream().filter(r -> r.system().equals("dl4j") && r.task().equals(task)
                                && r.n() == n && r.seed() == row.seed() && r.strategy().equals(strategy)
                                && row.scores().containsKey(r.base())).forEach(r -> accuracy.put(r.base(),
                                        r.accuracy()));
                        if (accuracy.size() == row.scores().size()) {
                            double bestHere = accuracy.values().stream().mapToDouble(Double::doubleValue).max()
                                    .orElseThrow();
                            sampleCells++;
                            sampleHits += accuracy.get(row.top()) >= bestHere - 0.01 ? 1 : 0;
                        }
                    }
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "hit rate over (task, N, strategy) cells: %d of %d (%.0f%%, target 90%%)%n",
                hits, cells, 100.0 * hits / Math.max(1, cells));
        System.out.printf(Locale.ROOT, "hit rate over single samples (task, N, seed, strategy): %d of %d (%.0f%%)%n",
                sampleHits, sampleCells, 100.0 * sampleHits / Math.max(1, sampleCells));
        System.out.printf(Locale.ROOT, "mean Kendall tau (score vs fine-tuned accuracy, per cell): %+.2f%n",
                tauSum / Math.max(1, cells));
        List<Ranked> hundred = ranked.stream().filter(r -> r.task().equals("0-9") && r.n() == 10).toList();
        if (!hundred.isEmpty()) {
            System.out.printf(Locale.ROOT, "ranking the zoo for 100 images (0-9, N = 10): cold %.2f-%.2f s (target"
                    + " < 10), warm %.2f-%.2f s (target < 1)%n",
                    hundred.stream().mapToDouble(Ranked::cold).min().orElseThrow(),
                    hundred.stream().mapToDouble(Ranked::cold).max().orElseThrow(),
                    hundred.stream().mapToDouble(Ranked::warm).min().orElseThrow(),
                    hundred.stream().mapToDouble(Ranked::warm).max().orElseThrow());
        }
    }

    private static Map<String, Double> mean(List<Map<String, Double>> rows) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Map<String, Double> row : rows) {
            row.forEach((base, score) -> sums.merge(base, score / rows.size(), Double::sum));
        }
        return sums;
    }

    /** Kendall's tau-a between two scorings of the same bases (1: same order, -1: reversed). */
    static double kendall(Map<String, Double> a, Map<String, Double> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        int concordant = 0;
        int discordant = 0;
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                double x = Math.signum(a.get(keys.get(i)) - a.get(keys.get(j)));
                double y = Math.signum(b.get(keys.get(i)) - b.get(keys.get(j)));
                concordant += x * y > 0 ? 1 : 0;
                discordant += x * y < 0 ? 1 : 0;
            }
        }
        int pairs = keys.size() * (keys.size() - 1) / 2;
        return pairs == 0 ? 0 : (double) (concordant - discordant) / pairs;
    }

    private JsonPath rank(String dataset) {
        return given().baseUri(app.baseUri()).contentType("application/json")
                .body(Map.of("dataset", dataset, "limit", 10)).post("/api/v1/recommendations").then()
                .statusCode(200).extract().jsonPath();
    }

    private void startServer(Path work) throws Exception {
        app = TransferBenchmark.startServer("bench-recommend-server", work.resolve("server"),
                options.getOrDefault("threads", "2"), "2g");
        token = TransferBenchmark.benchUser(app);
    }

    private List<String> list(String key, String defaults) {
        return List.of(options.getOrDefault(key, defaults).split(",")).stream().map(String::trim).toList();
    }
}
