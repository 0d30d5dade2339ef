package dev.modelzoo.bench;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.dataset.source.TextSet;
import dev.modelzoo.ml.Evaluator;
import dev.modelzoo.ml.FeatureBoundary;
import dev.modelzoo.ml.LayerSummary;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.text.HashedNgramTokenizer;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.ml.FeatureStore;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.GiveUp;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Split;
import dev.modelzoo.ml.TrainingBudget;
import dev.modelzoo.ml.ValidationComparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * In-process transfer experiment (no server, no job system): for each base, target task, N per class and seed, one
 * gradual-unfreezing session gives HEAD_ONLY, FREEZE_FEATURES and FULL exactly as the jobs train them, plus the
 * from-scratch baseline (shared by the bases), all evaluated on the held-out test digits. Used to choose the
 * budget rules; {@code TransferBenchmark} measures the real job system.
 *
 * <p>{@code src/scripts/bench-transfer.sh --experiment [--bases a,b] [--tasks 0-9,5-9] [--n 5,10] [--seeds 1,2]
 * [--min-updates 300] [--stages 1|2|3] [--scratch true] [--artifacts models-manifest/artifacts]
 * [--eval test|selection]}; {@code selection} scores on training-pool digits outside the samples, for choosing a
 * recipe without looking at the test split.
 */
public final class TransferExperiment {

    private static final HashedNgramTokenizer TOKENIZER = new HashedNgramTokenizer(4096, 256);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ReferenceData data = new ReferenceData(Path.of("data/datasets"));
        List<String> bases = List.of(options.getOrDefault("bases", "letters-lenet,fashion-lenet,digits-0-4-lenet")
                .split(","));
        List<String> tasks = List.of(options.getOrDefault("tasks", "0-9,5-9").split(","));
        List<Integer> sizes = ints(options.getOrDefault("n", "5,10,20,50"));
        List<Integer> seeds = ints(options.getOrDefault("seeds", "1,2,3"));
        Integer epochs = options.containsKey("epochs") ? Integer.valueOf(options.get("epochs")) : null;
        int minUpdates = Integer.parseInt(options.getOrDefault("min-updates", String.valueOf(
                TrainingBudget.MIN_UPDATES)));
        TrainingBudget budget = new TrainingBudget(epochs, 32, epochs == null, null, minUpdates);
        System.out.println("budget: " + budget.describe());
        int stageCount = Integer.parseInt(options.getOrDefault("stages", "3"));
        boolean withScratch = Boolean.parseBoolean(options.getOrDefault("scratch", "true"));
        Map<String, List<Double>> results = new LinkedHashMap<>();
        Map<String, Double> scratchCache = new HashMap<>();
        System.out.printf(Locale.ROOT, "%-17s %-4s %3s %4s %-15s %8s %7s %6s %s%n", "base", "task", "N", "seed",
                "strategy", "test acc", "seconds", "epochs", "best");
        for (String task : tasks) {
            boolean text = task.equals("fortunes");
            List<Integer> digits = task.equals("5-9") ? List.of(5, 6, 7, 8, 9) : List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            boolean selection = options.getOrDefault("eval", "test").equals("selection");
            LabeledData heldOut = text ? texts(data.fortunesTest(ReferenceData.HELD_OUT_FORTUNE_CATEGORIES))
                    : images(data.digitsTest(digits));
            for (int n : sizes) {
                for (int seed : seeds) {
                    // choosing a recipe must not look at the test split: "selection" scores on other pool images
                    LabeledData test = selection ? selectionSet(data, digits, seed) : heldOut;
                    LabeledData all = text ? texts(textSample(data, n, seed)) : images(data.digitsSample(digits, n,
                            seed));
                    Split split = Split.stratified(all.labels(), all.classes(), 0.2, seed);
                    FineTuner.Settings settings = new FineTuner.Settings(budget, 1e-3, seed);
                    String scratchKey = task + "|" + n + "|" + seed;
                    for (String base : bases) {
                        MultiLayerNetwork network = NetworkLoader.load(Path.of(options.getOrDefault("artifacts",
                                "models-manifest/artifacts")).resolve(base + "-1.zip"), Long.MAX_VALUE).multiLayer();
                        if (withScratch && !scratchCache.containsKey(scratchKey)) {
                            long start = System.nanoTime();
                            FineTuner.Stage scratch = FineTuner.scratch(new LoadedNetwork(network), all, split, settings, "SCRATCH",
                                    FineTuneProgress.SILENT);
                            double accuracy = Evaluator.evaluate(scratch.network(), test)
                                    .accuracy();
                            scratchCache.put(scratchKey, accuracy);
                            print(results, "(scratch)", task, n, seed, "SCRATCH", accuracy,
                                    (System.nanoTime() - start) / 1e9, scratch);
                        }
                        FineTuner.Session session = FineTuner.start(new LoadedNetwork(network), all, split, settings,
                                new FineTuner.Features(FeatureStore.NONE, index -> ""), FineTuneProgress.SILENT);
                        Integer boundary = FeatureBoundary.of(NetworkInspector.summarize(new LoadedNetwork(network))
                                .layers().stream().map(LayerSummary::type).toList());
                        int[] frozen = Strategy.FULL.stages(network.getnLayers() - 2, boundary, null).stream()
                                .mapToInt(Integer::intValue).toArray();
                        List<FineTuner.Stage> stages = new ArrayList<>();
                        double seconds = 0;
                        int auto = 0;
                        for (int s = 0; s < Math.min(stageCount, frozen.length); s++) {
                            String name = Strategy.ofStage(frozen[s], network.getnLayers() - 2, boundary).name();
                            FineTuner.Stage stage = session.stage(name, frozen[s], GiveUp.NEVER);
                            stages.add(stage);
                            seconds += stage.result().seconds();
                            if (s > 0 && ValidationComparison.better(stage.result().validation(),
                                    stages.get(auto).result().validation())) {
                                auto = s;
                            }
                            print(results, base, task, n, seed, name, Evaluator.evaluate(stage.network(),
                                    test).accuracy(), seconds, stage);
                        }
                        print(results, base, task, n, seed, "AUTO>" + stages.get(auto).label().substring(0, 2),
                                Evaluator.evaluate(stages.get(auto).network(), test).accuracy(),
                                seconds, stages.get(auto));
                        results.computeIfAbsent(base + "|" + task + "|" + n + "|SCRATCH", k -> new ArrayList<>())
                                .add(scratchCache.getOrDefault(scratchKey, Double.NaN));
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| base | task | N | strategy | mean test acc | gain vs scratch | runs |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (var entry : results.entrySet()) {
            String[] key = entry.getKey().split("\\|");
            if (key[0].equals("(scratch)")) {
                continue;
            }
            double mean = entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double scratch = results.get(key[0] + "|" + key[1] + "|" + key[2] + "|SCRATCH").stream()
                    .mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.4f | %+.1f | %d |%n", key[0], key[1], key[2],
                    key[3], mean, (mean - scratch) * 100, entry.getValue().size());
        }
        System.exit(0);
    }

    private static void print(Map<String, List<Double>> results, String base, String task, int n, int seed,
            String strategy, double accuracy, double seconds, FineTuner.Stage stage) {
        String label = strategy.startsWith("AUTO") ? "AUTO" : strategy;
        if (!base.equals("(scratch)")) {
            results.computeIfAbsent(base + "|" + task + "|" + n + "|" + label, k -> new ArrayList<>()).add(accuracy);
        }
        System.out.printf(Locale.ROOT, "%-17s %-4s %3d %4d %-15s %8.4f %7.1f %3d/%-3d %d %s%n", base, task, n, seed,
                strategy, accuracy, seconds, stage.result().epochsRun(), stage.result().epochsPlanned(),
                stage.result().bestEpoch(), stage.result().stopReason());
    }

    private static LabeledData images(ImageSet set) {
        return LabeledData.of(set.images(), set.labels(), set.labelNames().size(), 1, 28, 28);
    }

    /** Texts through the fortunes base's tokenizer (hashed-ngrams-v1, 4,096 buckets, 256 words). */
    private static LabeledData texts(TextSet set) {
        float[][] rows = set.texts().stream().map(TOKENIZER::vectorize).toArray(float[][]::new);
        return LabeledData.of(rows, set.labels(), set.labelNames().size(), TOKENIZER.vocabularySize());
    }

    /** N training texts of each held-out fortune category, drawn with the seed. */
    private static TextSet textSample(ReferenceData data, int n, int seed) throws java.io.IOException {
        TextSet pool = data.fortunesTrain(ReferenceData.HELD_OUT_FORTUNE_CATEGORIES);
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < pool.labelNames().size(); label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                if (pool.labels()[i] == label) {
                    members.add(i);
                }
            }
            int[] order = ReferenceData.permutation(members.size(), seed * 31L + label);
            for (int i = 0; i < Math.min(n, members.size()); i++) {
                texts.add(pool.texts().get(members.get(order[i])));
                labels.add(label);
            }
        }
        return new TextSet(texts, labels.stream().mapToInt(Integer::intValue).toArray(), pool.labelNames());
    }

    /** Per digit, training-pool images 50-249 of the seed's sample order: disjoint from every N <= 50 sample. */
    private static LabeledData selectionSet(ReferenceData data, List<Integer> digits, int seed)
            throws java.io.IOException {
        ImageSet pool = data.digitsSample(digits, 250, seed);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (i % 250 >= 50) {
                rows.add(pool.images()[i]);
                labels.add(pool.labels()[i]);
            }
        }
        return LabeledData.of(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                digits.size(), 1, 28, 28);
    }

    private static List<Integer> ints(String csv) {
        return List.of(csv.split(",")).stream().map(String::trim).map(Integer::valueOf).toList();
    }
}
