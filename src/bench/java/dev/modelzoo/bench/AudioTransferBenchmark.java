package dev.modelzoo.bench;

import static io.restassured.RestAssured.given;

import dev.modelzoo.dataset.source.speech.ClipArchive;
import dev.modelzoo.dataset.source.speech.LabeledClip;
import dev.modelzoo.dataset.source.speech.SpeechVoices;
import dev.modelzoo.dataset.source.speech.SpokenDigits;
import dev.modelzoo.it.AppProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The audio transfer benchmark through the real job system: zoo/spoken-words-cnn (260 non-digit words, espeak-ng
 * voices) fine-tuned to the ten spoken digits by voices it never heard (flite's voices and the held-out espeak-ng
 * variants, {@link SpokenDigits}) with N clips per class, HEAD_ONLY, FREEZE_FEATURES, FULL, AUTO and the
 * from-scratch baseline with default settings, several seeds; 60 other clips per digit are every job's
 * {@code testDataset}. Prints every run, the table of means with the gain over scratch, the target, and writes the
 * card's table to {@code target/bench/spoken-words-cnn-transfer.md}.
 *
 * <p>{@code src/scripts/bench-transfer.sh --audio [--n 5,10,20] [--seeds 1,2,3]
 * [--strategies HEAD_ONLY,FREEZE_FEATURES,FULL,AUTO,SCRATCH] [--threads 2] [--report a.log,b.log]}
 */
public final class AudioTransferBenchmark {

    static final String BASE = "spoken-words-cnn";
    static final String TASK = "digits";
    private static final int RATE = 16_000;
    private static final long POOL_SEED = 7;
    private static final int TEST_PER_DIGIT = 60;
    private static final List<String> STRATEGIES = List.of("HEAD_ONLY", "FREEZE_FEATURES", "FULL", "AUTO");

    private final Map<String, String> options;
    private final Path work;
    private final List<TransferBenchmark.Run> runs = new ArrayList<>();

    private AudioTransferBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("modelzoo-audio-bench-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (options.containsKey("report")) {
            report(TransferBenchmark.parse(options.get("report")));
        } else {
            new AudioTransferBenchmark(options).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        List<Integer> sizes = list("n", "5,10,20").stream().map(Integer::valueOf).toList();
        List<Integer> seeds = list("seeds", "1,2,3").stream().map(Integer::valueOf).toList();
        List<String> strategies = list("strategies", "HEAD_ONLY,FREEZE_FEATURES,FULL,AUTO,SCRATCH");
        SpeechVoices voices = SpeechVoices.installed();
        long start = System.nanoTime();
        List<LabeledClip> test = SpokenDigits.generate(voices, 100_000, 100_000 + TEST_PER_DIGIT, POOL_SEED, RATE,
                RATE, 3);
        System.out.printf(Locale.ROOT, "test clips: %d (flite %s and held-out espeak-ng variants %s), %.1f s%n",
                test.size(), voices.fliteVoices(), voices.heldOutVariants(), (System.nanoTime() - start) / 1e9);
        AppProcess app = TransferBenchmark.startServer("audio-bench-server", work.resolve("server"),
                options.getOrDefault("threads", "2"), "4g");
        String token = TransferBenchmark.benchUser(app);
        String testDataset = upload(app, token, "spoken-digits-test", test);
        List<LabeledClip> warmUp = SpokenDigits.generate(voices, 90_000, 90_005, POOL_SEED, RATE, RATE, 3);
        String warmUpDataset = upload(app, token, "warm-up", warmUp);
        TransferBenchmark.job(app, token, "(warm-up)", BASE, TASK, 5, 99, "FULL", warmUpDataset, warmUpDataset);
        System.out.printf(Locale.ROOT, "%-17s %-4s %3s %4s %-15s %-7s %8s %8s %-15s %s%n", "base", "task", "N",
                "seed", "strategy", "system", "test acc", "seconds", "chosen", "detail");
        for (int n : sizes) {
            for (int seed : seeds) {
                // disjoint clips per seed: clip numbers seed * 1000 onwards, never the test clips' numbers
                List<LabeledClip> sample = SpokenDigits.generate(voices, seed * 1_000, seed * 1_000 + n, POOL_SEED,
                        RATE, RATE, 3);
                String dataset = upload(app, token, "spoken-digits-n" + n + "-s" + seed, sample);
                for (String strategy : strategies) {
                    boolean scratch = strategy.equals("SCRATCH");
                    TransferBenchmark.Run run = TransferBenchmark.job(app, token, scratch ? "(scratch)" : BASE, BASE,
                            TASK, n, seed, strategy, dataset, testDataset);
                    runs.add(run);
                    TransferBenchmark.printRun(run);
                }
            }
        }
        app.close();
        report(runs);
    }

    private String upload(AppProcess app, String token, String name, List<LabeledClip> clips) throws IOException {
        Path zip = work.resolve(name + ".zip");
        ClipArchive.write(clips, RATE, zip);
        given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .multiPart("metadata", "{\"modality\": \"AUDIO\"}", "application/json")
                .multiPart("file", zip.toFile())
                .post("/api/v1/datasets/bench/" + name).then().statusCode(201);
        return "bench/" + name;
    }

    /** The table of means over seeds, the target, and the card's table. */
    static void report(List<TransferBenchmark.Run> runs) throws IOException {
        List<Integer> sizes = runs.stream().map(TransferBenchmark.Run::n).distinct().sorted().toList();
        StringBuilder table = new StringBuilder("Held-out test accuracy on the ten spoken digits (" + TEST_PER_DIGIT
                + " clips per digit by flite's voices and held-out espeak-ng variants, never trained on) after"
                + " fine-tuning with N clips per class and default settings, mean of "
                + runs.stream().map(TransferBenchmark.Run::seed).distinct().count() + " seeds, gain over the same"
                + " architecture trained from scratch in points (`src/scripts/bench-transfer.sh --audio`):\n\n"
                + "| N/class | from scratch | HEAD_ONLY | FREEZE_FEATURES | FULL | AUTO |\n"
                + "|---|---|---|---|---|---|\n");
        List<String> verdicts = new ArrayList<>();
        for (int n : sizes) {
            double scratch = mean(runs, n, "SCRATCH");
            table.append(String.format(Locale.ROOT, "| %d | %.3f", n, scratch));
            double best = Double.NEGATIVE_INFINITY;
            for (String strategy : STRATEGIES) {
                double accuracy = mean(runs, n, strategy);
                table.append(Double.isNaN(accuracy) ? " | -" : String.format(Locale.ROOT, " | %.3f (%+.1f)",
                        accuracy, (accuracy - scratch) * 100));
                if (strategy.equals("HEAD_ONLY") || strategy.equals("AUTO")) {
                    best = Math.max(best, Double.isNaN(accuracy) ? best : accuracy);
                }
            }
            table.append(" |\n");
            if (n == 10 && !Double.isNaN(scratch)) {
                double gain = (best - scratch) * 100;
                verdicts.add(String.format(Locale.ROOT, "HEAD_ONLY or AUTO at N=10 over scratch: %+.1f points"
                        + " (target >= +5): %s", gain, gain >= 5 ? "met" : "MISSED"));
            }
        }
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.println("## Targets");
        verdicts.forEach(line -> System.out.println("- " + line));
        Path file = Path.of("target/bench/" + BASE + "-transfer.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table.toString());
        System.out.println("wrote " + file);
    }

    private static double mean(List<TransferBenchmark.Run> runs, int n, String strategy) {
        OptionalDouble mean = runs.stream().filter(r -> r.n() == n && r.strategy().equals(strategy)
                && r.system().equals("dl4j")).mapToDouble(TransferBenchmark.Run::accuracy).average();
        return mean.orElse(Double.NaN);
    }

    private List<String> list(String key, String defaults) {
        return List.of(options.getOrDefault(key, defaults).split(",")).stream().map(String::trim).toList();
    }
}
