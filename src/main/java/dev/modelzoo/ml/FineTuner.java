package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one fine-tune: the transfer network trained on the training split with per-epoch validation, then evaluated
 * on the validation split. With frozen layers the frozen prefix runs once over the data ("featurize once"; the
 * features can come from and go to a {@link FeatureStore}) and only the rest is trained, on those features.
 */
public final class FineTuner {

    private static final int FEATURIZE_CHUNK = 256;

    /** Epochs, minibatch size, Adam learning rate and the seed of initialisation and shuffles. */
    public record Settings(int epochs, int batchSize, double learningRate, long seed) {
    }

    /** The trained network, its per-epoch metrics, its evaluation on the validation split, and where time went. */
    public record Outcome(MultiLayerNetwork network, List<EpochMetrics> history, EvaluationResult evaluation,
            boolean featuresFromStore, double featurizeSeconds, double seconds) {
    }

    private FineTuner() {
    }

    /**
     * Fine-tunes {@code base} (untouched) with layers 0..{@code frozenUpTo} frozen (-1: all layers trained).
     *
     * @param featureKey identifies the frozen prefix's output for {@code store}; ignored when nothing is frozen
     */
    public static Outcome transfer(MultiLayerNetwork base, LabeledData all, Split split, int frozenUpTo,
            Settings settings, FeatureStore store, String featureKey, String phase, FineTuneProgress progress) {
        long start = System.nanoTime();
        MultiLayerNetwork network = Transfer.build(base, frozenUpTo, all.classes(), settings.learningRate(),
                settings.seed());
        if (frozenUpTo < 0) {
            return trainWhole(network, all, split, settings, phase, progress, start);
        }
        TrainableTail tail = new TrainableTail(network, frozenUpTo);
        long featurizeStart = System.nanoTime();
        var cached = store.load(featureKey);
        INDArray features = cached.orElseGet(() -> {
            INDArray computed = featurize(network, frozenUpTo, all);
            store.store(featureKey, computed);
            return computed;
        });
        double featurizeSeconds = (System.nanoTime() - featurizeStart) / 1e9;
        LabeledData featured = all.withFeatures(features);
        LabeledData train = featured.subset(split.train());
        LabeledData validation = featured.subset(split.validation());
        MultiLayerNetwork head = tail.network();
        List<EpochMetrics> history = new ArrayList<>();
        Random random = new Random(settings.seed());
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double loss = Trainer.epoch(train, settings.batchSize(), random, progress::cancelled, batch -> {
                head.fit(batch);
                return head.score();
            });
            EvaluationResult check = Evaluator.evaluate(new LoadedNetwork(head), validation);
            EpochMetrics metrics = new EpochMetrics(epoch, settings.epochs(), loss, check.loss(), check.accuracy(),
                    (System.nanoTime() - epochStart) / 1e9);
            history.add(metrics);
            progress.onEpoch(phase, metrics);
        }
        tail.copyBack();
        EvaluationResult evaluation = Evaluator.evaluate(new LoadedNetwork(network), all.subset(split.validation()));
        return new Outcome(network, history, evaluation, cached.isPresent(), featurizeSeconds,
                (System.nanoTime() - start) / 1e9);
    }

    /** The same architecture from random weights, trained on the same split with the same budget. */
    public static Outcome scratch(MultiLayerNetwork base, LabeledData all, Split split, Settings settings,
            String phase, FineTuneProgress progress) {
        long start = System.nanoTime();
        MultiLayerNetwork transferred = Transfer.build(base, -1, all.classes(), settings.learningRate(),
                settings.seed());
        MultiLayerNetwork network = Transfer.scratch(transferred, settings.learningRate(), settings.seed());
        return trainWhole(network, all, split, settings, phase, progress, start);
    }

    private static Outcome trainWhole(MultiLayerNetwork network, LabeledData all, Split split, Settings settings,
            String phase, FineTuneProgress progress, long start) {
        LabeledData train = all.subset(split.train());
        LabeledData validation = all.subset(split.validation());
        List<EpochMetrics> history = new ArrayList<>();
        Random random = new Random(settings.seed());
        LoadedNetwork loaded = new LoadedNetwork(network);
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            double loss = Trainer.epoch(train, settings.batchSize(), random, progress::cancelled, batch -> {
                network.fit(batch);
                return network.score();
            });
            EvaluationResult check = Evaluator.evaluate(loaded, validation);
            EpochMetrics metrics = new EpochMetrics(epoch, settings.epochs(), loss, check.loss(), check.accuracy(),
                    (System.nanoTime() - epochStart) / 1e9);
            history.add(metrics);
            progress.onEpoch(phase, metrics);
        }
        EvaluationResult evaluation = Evaluator.evaluate(loaded, validation);
        return new Outcome(network, history, evaluation, false, 0, (System.nanoTime() - start) / 1e9);
    }

    /** The frozen prefix's output for every example, computed in chunks to bound memory. */
    static INDArray featurize(MultiLayerNetwork network, int frozenUpTo, LabeledData all) {
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FEATURIZE_CHUNK) {
            int to = Math.min(all.size(), from + FEATURIZE_CHUNK);
            parts.add(TrainableTail.prefixOutput(network, frozenUpTo, all.inputs(from, to)));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
