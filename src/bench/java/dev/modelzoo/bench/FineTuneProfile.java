package dev.modelzoo.bench;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.ml.FeatureStore;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a FULL fine-tune spends its time in DL4J: the training loop alone (no job system), with the levers the
 * issue names: threads (run with OMP_NUM_THREADS=1 or 2), workspace mode and cache mode, batch size.
 * {@code FineTuneProfile <base artifact> <N per class> <epochs> <batch> <workspaces ENABLED|NONE> <cache NONE|DEVICE>}
 */
public final class FineTuneProfile {

    private FineTuneProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        WorkspaceMode workspaces = WorkspaceMode.valueOf(args[4]);
        CacheMode cache = CacheMode.valueOf(args[5]);
        ImageSet sample = new ReferenceData(Path.of("data/datasets")).digitsSample(List.of(5, 6, 7, 8, 9), n, 1);
        LabeledData all = LabeledData.of(sample.images(), sample.labels(), 5, 1, 28, 28);
        Split split = Split.stratified(sample.labels(), 5, 0.2, 1);
        MultiLayerNetwork network = NetworkLoader.load(base, Long.MAX_VALUE).multiLayer();
        network.getLayerWiseConfigurations().setTrainingWorkspaceMode(workspaces);
        network.getLayerWiseConfigurations().setInferenceWorkspaceMode(workspaces);
        network.getLayerWiseConfigurations().setCacheMode(cache);
        FineTuner.Settings settings = new FineTuner.Settings(epochs, batch, 1e-3, 1);
        // one warm-up epoch: JIT and native initialisation are not what we measure
        FineTuner.transfer(network, all, split, -1, new FineTuner.Settings(1, batch, 1e-3, 1), FeatureStore.NONE,
                null, "warmup", FineTuneProgress.SILENT);
        long start = System.nanoTime();
        FineTuner.Outcome outcome = FineTuner.transfer(network, all, split, -1, settings, FeatureStore.NONE, null,
                "profile", FineTuneProgress.SILENT);
        double seconds = (System.nanoTime() - start) / 1e9;
        int samples = split.train().length * epochs;
        System.out.printf(Locale.ROOT, "PROFILE threads=%d batch=%d workspaces=%s cache=%s: %.2f s, %.0f samples/s,"
                        + " %.1f ms/iteration, validation accuracy %.3f%n", Nd4j.getEnvironment().maxThreads(), batch,
                workspaces, cache, seconds, samples / seconds,
                seconds * 1000 / (epochs * Math.ceil(split.train().length / (double) batch)),
                outcome.evaluation().accuracy());
        System.exit(0);
    }
}
