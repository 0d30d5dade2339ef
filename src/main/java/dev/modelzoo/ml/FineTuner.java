package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fine-tunes by gradual unfreezing (Howard and Ruder, 2018): a session copies the base with a new output layer, and
 * each stage trains the layers after a frozen prefix, starting from where the previous stage ended (its best
 * epoch), each deeper than the last. The first stage trains the new head alone on the frozen features, so that
 * deeper stages never start from a random head that would pull the pre-trained layers apart (LP-FT, Kumar et al.,
 * 2022). A frozen prefix runs once over the data ("featurize once"; its output can come from and go to a
 * {@link FeatureStore}) and only the rest is trained, on those features.
 */
public final class FineTuner {


    /** The training budget of every stage, the Adam learning rate, and the seed of the head and the shuffles. */
    public record Settings(TrainingBudget budget, double learningRate, long seed) {
    }

    /** Where frozen prefixes' outputs are kept, and the key of the prefix ending at a layer index. */
    public record Features(FeatureStore store, IntFunction<String> key) {

        public static final Features NONE = new Features(FeatureStore.NONE, index -> "");
    }

    /**
     * One finished stage: the network as it left the stage (a copy owned by the caller), what the stage did, and
     * whether its features came from the store.
     */
    public record Stage(String label, int frozenUpTo, LoadedNetwork network, StageResult result,
            boolean featuresFromStore, double featurizeSeconds) {
    }

    private FineTuner() {
    }

    /** Starts a session on {@code base} (untouched): a copy with a fresh softmax output layer for the data's labels. */
    public static Session start(LoadedNetwork base, LabeledData all, Split split, Settings settings,
            Features features, FineTuneProgress progress) {
        return new Session(Transfer.build(base, all.classes(), settings.learningRate(), settings.seed()), all, split,
                settings, features, progress);
    }

    /** The same architecture from random weights, trained as one stage on the same split with the same budget. */
    public static Stage scratch(LoadedNetwork base, LabeledData all, Split split, Settings settings, String label,
            FineTuneProgress progress) {
        LoadedNetwork transferred = Transfer.build(base, all.classes(), settings.learningRate(), settings.seed());
        LoadedNetwork network = Transfer.scratch(transferred, settings.learningRate(), settings.seed());
        LabeledData train = all.subset(split.train());
        StageResult result = StageTrainer.run(network, train, all.subset(split.validation()),
                settings.budget().plan(train.size()), settings.seed(), label, progress, GiveUp.NEVER);
        return new Stage(label, -1, network, result, false, 0);
    }

    /** The stages of one fine-tune, run in order on one evolving copy of the base. */
    public static final class Session {

        private final LoadedNetwork network;
        private final LabeledData all;
        private final Split split;
        private final Settings settings;
        private final Features features;
        private final FineTuneProgress progress;
        private final List<Stage> stages = new ArrayList<>();

        private Session(LoadedNetwork network, LabeledData all, Split split, Settings settings, Features features,
                FineTuneProgress progress) {
            this.network = network;
            this.all = all;
            this.split = split;
            this.settings = settings;
            this.features = features;
            this.progress = progress;
        }

        /**
         * Trains layers {@code frozenUpTo}+1 to the output (-1: all layers) from where the last stage ended.
         *
         * @param giveUp asked after each epoch (with early stopping); true ends the stage
         */
        public Stage stage(String label, int frozenUpTo, GiveUp giveUp) {
            if (!stages.isEmpty() && frozenUpTo >= stages.get(stages.size() - 1).frozenUpTo()) {
                // a shallower prefix than an earlier stage's would hold trained weights, not the base's
                throw new IllegalArgumentException("Stages must unfreeze deeper: layer " + frozenUpTo + " after "
                        + stages.get(stages.size() - 1).frozenUpTo());
            }
            Stage stage = frozenUpTo < 0 ? whole(label, giveUp) : tail(label, frozenUpTo, giveUp);
            stages.add(stage);
            return stage;
        }

        public List<Stage> stages() {
            return List.copyOf(stages);
        }

        private Stage whole(String label, GiveUp giveUp) {
            LabeledData train = all.subset(split.train());
            StageResult result = StageTrainer.run(network, train, all.subset(split.validation()),
                    settings.budget().plan(train.size()), settings.seed(), label, progress, giveUp);
            return new Stage(label, -1, network.copy(), result, false, 0);
        }

        private Stage tail(String label, int frozenUpTo, GiveUp giveUp) {
            long featurizeStart = System.nanoTime();
            Featurized featurized = featurizeOnce(() -> network, frozenUpTo, all, features.store(),
                    features.key().apply(frozenUpTo));
            INDArray prefixOutput = featurized.output();
            double featurizeSeconds = (System.nanoTime() - featurizeStart) / 1e9;
            LabeledData featured = all.withFeatures(prefixOutput);
            TrainableTail tail = new TrainableTail(network, frozenUpTo);
            LabeledData train = featured.subset(split.train());
            LabeledData validation = featured.subset(split.validation());
            boolean headOnly = frozenUpTo == network.layerCount() - 2;
            TrainingBudget.Plan plan = settings.budget().plan(train.size(), headOnly);
            StageResult result;
            if (headOnly && LinearHead.fits(train) && features2d(prefixOutput)) {
                Layer output = tail.network().outputLayer();
                LinearHead head = new LinearHead(output, train, validation, settings.learningRate());
                result = StageTrainer.run(head, train.size(), validation.size(), plan, settings.seed(), label,
                        progress, giveUp);
                head.writeTo(output);
            } else {
                result = StageTrainer.run(tail.network(), train, validation, plan, settings.seed(), label, progress,
                        giveUp);
            }
            tail.copyBack();
            return new Stage(label, frozenUpTo, network.copy(), result, featurized.fromCache(),
                    featurizeSeconds);
        }
    }

    /**
     * Evaluates {@code network} on {@code data}; when layers 0..{@code frozenUpTo} kept the base's values their
     * output comes from (or goes to) the store under {@code key}, and only the rest runs: a test set scored for
     * many fine-tunes of one base pays for the frozen layers once.
     */
    public static EvaluationResult evaluate(LoadedNetwork network, int frozenUpTo, LabeledData data,
            FeatureStore store, String key) {
        return evaluate(network, frozenUpTo, data, java.util.stream.IntStream.range(0, data.size()).toArray(), store,
                key);
    }

    /**
     * Evaluates {@code network} on the examples of {@code all} at {@code indices} (e.g. the validation split): with a
     * frozen prefix, on its output for all of {@code all} from the store under {@code key} (where training put it),
     * so that only the trained layers run.
     */
    public static EvaluationResult evaluate(LoadedNetwork network, int frozenUpTo, LabeledData all, int[] indices,
            FeatureStore store, String key) {
        if (frozenUpTo < 0) {
            return Evaluator.evaluate(network, all.subset(indices));
        }
        INDArray prefixOutput = featurizeOnce(() -> network, frozenUpTo, all, store, key).output();
        return Evaluator.evaluate(new TrainableTail(network, frozenUpTo).network(),
                all.withFeatures(prefixOutput).subset(indices));
    }

    /** The frozen prefix's output, whether it came from the store. */
    public record Featurized(INDArray output, boolean fromCache) {
    }

    /**
     * The output of layers 0..{@code frozenUpTo} for every example of {@code data}: from the store under {@code key}
     * when a fine-tune (or a ranking) computed it before, else computed once and stored there.
     */
    public static Featurized prefixFeatures(Supplier<LoadedNetwork> network, int frozenUpTo, LabeledData data,
            FeatureStore store, String key) {
        return featurizeOnce(network, frozenUpTo, data, store, key);
    }

    /**
     * The prefix's output from the store under {@code key}, or computed once and stored there; {@code network} is
     * asked for only then (a caller that has to load it pays nothing on a cache hit).
     */
    private static Featurized featurizeOnce(Supplier<LoadedNetwork> network, int frozenUpTo, LabeledData data,
            FeatureStore store, String key) {
        var cached = store.load(key);
        if (cached.isPresent()) {
            return new Featurized(cached.get(), true);
        }
        INDArray computed = featurize(network.get(), frozenUpTo, data);
        store.store(key, computed);
        return new Featurized(computed, false);
    }

    /** Whether the prefix's output is one feature vector per example (what a plain softmax head takes). */
    private static boolean features2d(INDArray prefixOutput) {
        return prefixOutput.rank() == 2;
    }

    /** The frozen prefix's output for every example, computed in chunks to bound memory. */
    static INDArray featurize(LoadedNetwork network, int frozenUpTo, LabeledData all) {
        TrainableTail.Prefix prefix = TrainableTail.prefix(network, frozenUpTo);
        int chunk = Chunks.examples(all);
        List<INDArray> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += chunk) {
            int to = Math.min(all.size(), from + chunk);
            parts.add(prefix.output(all.inputs(from, to)));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
