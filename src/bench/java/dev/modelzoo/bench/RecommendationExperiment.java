package dev.modelzoo.bench;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.ml.FeatureStore;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.LinearProbe;
import dev.modelzoo.ml.LogMe;
import dev.modelzoo.ml.NetworkLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * In process, no server: the transferability estimators side by side on the transfer benchmark's samples (the zoo's
 * image bases' feature-layer outputs), each scored like {@link RecommendationBenchmark} against the held-out
 * accuracies of src/bench/transfer-runs.txt, so the method is chosen from measurement.
 *
 * <p>{@code src/scripts/bench-recommend.sh --experiment [--tasks ..] [--n ..] [--seeds ..]}
 */
public final class RecommendationExperiment {

    private RecommendationExperiment() {
    }

    /** Features of one sample at one base's feature layer, with the labels. */
    private record Sample(String task, int n, int seed, Map<String, float[][]> features, int[] labels, int classes) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> tasks = List.of(options.getOrDefault("tasks", "0-9,5-9").split(","));
        List<Integer> sizes = List.of(options.getOrDefault("n", "5,10,20,50").split(",")).stream()
                .map(Integer::valueOf).toList();
        List<Integer> seeds = List.of(options.getOrDefault("seeds", "1,2,3").split(",")).stream()
                .map(Integer::valueOf).toList();
        List<TransferBenchmark.Run> fineTuned = TransferBenchmark.parse(options.getOrDefault("runs",
                "src/bench/transfer-runs.txt"));
        Map<String, MultiLayerNetwork> bases = new LinkedHashMap<>();
        for (String base : List.of("letters-lenet", "fashion-lenet", "digits-0-4-lenet")) {
            bases.put(base, NetworkLoader.load(Path.of("models-manifest/artifacts/" + base + "-1.zip"),
                    Long.MAX_VALUE).multiLayer());
        }
        ReferenceData data = new ReferenceData(Path.of("data/datasets"));
        List<Sample> samples = new ArrayList<>();
        for (String task : tasks) {
            for (int n : sizes) {
                for (int seed : seeds) {
                    ImageSet set = data.digitsSample(TransferBenchmark.digits(task), n, seed);
                    LabeledData labeled = LabeledData.of(set.images(), set.labels(), set.labelNames().size(), 1,
                            28, 28);
                    Map<String, float[][]> features = new LinkedHashMap<>();
                    bases.forEach((name, network) -> {
                        INDArray output = FineTuner.prefixFeatures(() -> new LoadedNetwork(network), network.getnLayers() - 2, labeled,
                                FeatureStore.NONE, "").output();
                        features.put(name, output.toFloatMatrix());
                    });
                    samples.add(new Sample(task, n, seed, features, set.labels(), set.labelNames().size()));
                }
            }
        }
        Map<String, Function<Sample, Map<String, Double>>> estimators = new LinkedHashMap<>();
        for (double lambda : List.of(options.getOrDefault("lambdas", "1,10,30,100,300,1000,3000").split(","))
                .stream().map(Double::valueOf).toList()) {
            estimators.put("ridge probe, standardised, lambda " + lambda, s -> score(s, (f, y) ->
                    LinearProbe.crossValidate(f, y, s.classes(), 5, 42, true, lambda).accuracy()));
        }
        estimators.put("ridge probe, raw features, lambda 1", s -> score(s, (f, y) -> LinearProbe.crossValidate(f, y,
                s.classes(), 5, 42, false, 1).accuracy()));
        estimators.put("LogME", s -> score(s, (f, y) -> LogMe.score(f, y, s.classes())));
        for (Map.Entry<String, Function<Sample, Map<String, Double>>> estimator : estimators.entrySet()) {
            long start = System.nanoTime();
            List<RecommendationBenchmark.Ranked> ranked = samples.stream().map(s -> new RecommendationBenchmark.Ranked(
                    s.task(), s.n(), s.seed(), estimator.getValue().apply(s), 0, 0)).toList();
            System.out.printf("%n==== %s (%.1f s for %d samples)%n", estimator.getKey(),
                    (System.nanoTime() - start) / 1e9, samples.size());
            RecommendationBenchmark.report(ranked, fineTuned, tasks, sizes, seeds);
        }
        System.exit(0);
    }

    /** A scorer of one base's features for the sample's labels. */
    private interface Scorer {
        double score(float[][] features, int[] labels);
    }

    private static Map<String, Double> score(Sample sample, Scorer scorer) {
        Map<String, Double> scores = new LinkedHashMap<>();
        sample.features().forEach((base, features) -> scores.put(base, scorer.score(features, sample.labels())));
        return scores;
    }
}
