package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Minibatch training with a seeded reshuffle per epoch, per-epoch statistics and cooperative cancellation. */
public final class Trainer {

    /** Epochs, minibatch size and the seed of the shuffles. */
    public record Config(int epochs, int batchSize, long seed) {
    }

    /** Receives per-epoch statistics; asked before every minibatch whether to stop. */
    public interface Listener {
        void onEpoch(EpochStats stats);

        default boolean cancelled() {
            return false;
        }
    }

    private Trainer() {
    }

    /** Trains {@code network} in place; throws {@link TrainingCancelledException} when the listener says so. */
    public static List<EpochStats> fit(MultiLayerNetwork network, LabeledData data, Config config, Listener listener) {
        Random random = new Random(config.seed());
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            double loss = epoch(data.size(), config.batchSize(), random, listener::cancelled, indices -> {
                network.fit(data.batch(indices));
                return network.score();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            EpochStats stats = new EpochStats(epoch, config.epochs(), loss, seconds,
                    data.size() / Math.max(seconds, 1e-9));
            history.add(stats);
            listener.onEpoch(stats);
        }
        return history;
    }

    /** One optimisation step on the examples at some indices, returning the minibatch loss. */
    @FunctionalInterface
    interface Step {
        double fit(int[] indices);
    }

    /**
     * One pass over {@code size} examples in an order shuffled by {@code random}, one {@code step} per minibatch;
     * asks {@code cancelled} before every minibatch. Returns the mean minibatch loss.
     */
    static double epoch(int size, int batchSize, Random random, BooleanSupplier cancelled, Step step) {
        int[] order = shuffled(size, random);
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException();
            }
            lossSum += step.fit(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
            batches++;
        }
        return lossSum / Math.max(1, batches);
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
